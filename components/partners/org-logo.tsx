"use client";
import { useEffect, useRef, useState } from "react";
import { useTheme } from "@/components/theme/theme-provider";
import { initialsOf } from "./labels";

/**
 * The organisation's logo, loaded by the viewer's browser straight from its URL (the server never
 * fetches it). A missing logo, or one that does not load, shows the organisation's initials
 * instead of a broken image. Decorative beside the name, so it has no text alternative.
 * `darkLogo` (an uploaded dark-mode logo) replaces it on dark pages: the app's Theme (Dark, or
 * System when the device is dark).
 */
export function OrgLogo({ logo, darkLogo = null, name, size = 24 }: { logo: string | null; darkLogo?: string | null; name: string; size?: number }) {
  const [failed, setFailed] = useState(false);
  const { theme } = useTheme();
  const img = useRef<HTMLImageElement>(null);
  useEffect(() => setFailed(false), [logo, darkLogo]);
  // An image that failed before React attached its handlers has already fired its error event.
  useEffect(() => {
    if (img.current?.complete && img.current.naturalWidth === 0) setFailed(true);
  }, [logo, darkLogo]);
  const box = { width: size, height: size };
  const shown = logo ?? darkLogo;
  if (!shown || failed) {
    return (
      <span
        aria-hidden
        className="inline-flex shrink-0 select-none items-center justify-center rounded bg-primary font-semibold text-primary-foreground"
        style={{ ...box, fontSize: Math.max(9, Math.round(size * 0.4)) }}
        data-testid="org-initials"
      >
        {initialsOf(name)}
      </span>
    );
  }
  const image = (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      ref={img}
      src={shown}
      alt=""
      width={size}
      height={size}
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
      className="shrink-0 rounded object-contain"
      style={box}
      data-testid="org-logo"
    />
  );
  if (!darkLogo || darkLogo === shown) return image;
  // The source's media follows the theme: "all" when Dark was chosen, "not all" for Light, and the
  // device's setting for System. The dark tile keeps a logo made for dark backgrounds legible.
  const media = theme === "dark" ? "all" : theme === "light" ? "not all" : "(prefers-color-scheme: dark)";
  return (
    <picture className="inline-flex shrink-0 rounded dark:bg-neutral-900">
      <source media={media} srcSet={darkLogo} />
      {image}
    </picture>
  );
}
