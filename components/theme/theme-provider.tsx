"use client";
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import { THEME_COOKIE, type Theme } from "@/lib/theme/theme";

const ThemeContext = createContext<{ theme: Theme; setTheme: (t: Theme) => void }>({ theme: "system", setTheme: () => {} });

/**
 * Holds the theme the server read from the cookie. Changing it writes the cookie (for the next
 * first paint) and swaps the class on <html> at once, so no page needs fetching again.
 */
export function ThemeProvider({ initial, children }: { initial: Theme; children: React.ReactNode }) {
  const [theme, setState] = useState(initial);
  const setTheme = useCallback((next: Theme) => {
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    const html = document.documentElement;
    html.classList.remove("light", "dark");
    if (next !== "system") html.classList.add(next);
    setState(next);
  }, []);
  const value = useMemo(() => ({ theme, setTheme }), [theme, setTheme]);
  return <ThemeContext value={value}>{children}</ThemeContext>;
}

export const useTheme = () => useContext(ThemeContext);
