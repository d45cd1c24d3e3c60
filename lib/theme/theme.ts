/** The app's colour theme: chosen in the Theme control, kept in the `theme` cookie. "system" follows the browser. */
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";

export function parseTheme(value: string | undefined | null): Theme {
  return THEMES.includes(value as Theme) ? (value as Theme) : "system";
}

/** The class on <html>: none for "system", whose colours come from `prefers-color-scheme` in globals.css. */
export const themeClass = (theme: Theme) => (theme === "system" ? undefined : theme);
