import { Building2 } from "lucide-react";

/**
 * The organisation's logo, loaded by the viewer's browser straight from its URL (the server never
 * fetches it). Decorative beside the name, so the alt text is empty.
 */
export function OrgLogo({ logo, size = 24 }: { logo: string | null; size?: number }) {
  if (!logo) {
    return (
      <span aria-hidden className="inline-flex shrink-0 items-center justify-center rounded bg-muted" style={{ width: size, height: size }}>
        <Building2 className="size-3.5 text-muted-foreground" />
      </span>
    );
  }
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={logo} alt="" width={size} height={size} referrerPolicy="no-referrer" className="shrink-0 rounded object-contain" style={{ width: size, height: size }} />;
}
