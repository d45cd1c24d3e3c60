"use client";
import { useId } from "react";
import { parseTheme, THEMES } from "@/lib/theme/theme";
import { cn } from "@/lib/utils";
import { useTheme } from "./theme-provider";

const LABELS = { light: "Light", dark: "Dark", system: "System" } as const;

/** The Theme control: Light, Dark or System (the device's setting), remembered in a cookie. */
export function ThemeSelect({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  const id = useId();
  return (
    <div className={cn("flex items-center gap-1.5 text-sm", className)}>
      <label htmlFor={id} className="text-muted-foreground">
        Theme
      </label>
      <select
        id={id}
        value={theme}
        onChange={(e) => setTheme(parseTheme(e.target.value))}
        className="h-8 rounded-md border border-input bg-background px-1.5 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </div>
  );
}
