"use client";
import { Toaster } from "sonner";
import { useTheme } from "./theme-provider";

/** Plain toasts in the app's theme: the "rich colors" variants fall short of WCAG AA contrast. */
export function ThemedToaster() {
  const { theme } = useTheme();
  return <Toaster position="top-center" closeButton theme={theme} />;
}
