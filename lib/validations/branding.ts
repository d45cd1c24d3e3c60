import { z } from "./zod";

/** White label (Edgio's "White Labeling (Branding)"): the partner's logos and its support information. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_TOO_BIG_MESSAGE = "The logo must be 2 MB or smaller.";
export const LOGO_TYPE_MESSAGE = "Upload a JPG, JPEG, PNG or WebP image.";
/** What the file picker offers; the server judges the file by its content, not by this. */
export const LOGO_ACCEPT = ".jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp";

export const logoVariants = ["light", "dark"] as const;
export type LogoVariant = (typeof logoVariants)[number];
export const LOGO_SECTION: Record<LogoVariant, string> = { light: "Partner Logo", dark: "Partner Logo (Dark Mode)" };

const orgIdField = z.string().min(1).max(100);
/** Base64 of at most LOGO_MAX_BYTES bytes: 4 characters per 3 bytes, rounded up. */
const LOGO_MAX_BASE64 = Math.ceil(LOGO_MAX_BYTES / 3) * 4;

/**
 * "Upload Logo" / "Change": the image travels as base64 in the action's JSON arguments. The size
 * is checked here; the type, by content, on the server (lib/branding/logos.ts).
 */
export const uploadLogoSchema = z.object({
  orgId: orgIdField,
  variant: z.enum(logoVariants),
  file: z
    .string({ error: "Choose an image to upload." })
    .min(1, { error: "Choose an image to upload." })
    .max(LOGO_MAX_BASE64, { error: LOGO_TOO_BIG_MESSAGE })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: "The upload was damaged. Try again." }),
});
export type UploadLogoInput = z.output<typeof uploadLogoSchema>;

export const deleteLogoSchema = z.object({ orgId: orgIdField, variant: z.enum(logoVariants) });

export const SUPPORT_INFO_MAX = 500;
/** The one Markdown form accepted: `[text](https://…)`, the whole value. */
const LINK = /^\[([^[\]]{1,200})\]\((https:\/\/[^\s()<>"'`\\]{1,2000})\)$/;
/** Anything that looks like a Markdown link or HTML but is not the accepted form. */
const LOOKS_LIKE_MARKUP = /\]\(|<[a-z!/?]/i;
// Control characters (C0, DEL, C1) and the invisible bidirectional overrides that disguise text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export type SupportInfo = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

/** A stored support value, as the pages show it: a link (https only) or plain text. Never HTML. */
export function parseSupportInfo(value: string): SupportInfo {
  const m = LINK.exec(value);
  if (m) {
    try {
      const url = new URL(m[2]!);
      if (url.protocol === "https:" && url.hostname && !url.username && !url.password) return { kind: "link", text: m[1]!.trim(), href: url.href };
    } catch {
      /* not a URL: shown as text below */
    }
  }
  return { kind: "text", text: value };
}

/** "Support Information": a message, or `[Contact My Partner](https://mypartner.example.com/support)`. Empty clears it. */
export const supportInfoField = z
  .string()
  .trim()
  .max(SUPPORT_INFO_MAX, { error: `Support information must be at most ${SUPPORT_INFO_MAX} characters.` })
  .refine((v) => !CONTROL.test(v), { error: "Support information must be one line of text, without control characters." })
  .refine((v) => !LOOKS_LIKE_MARKUP.test(v) || parseSupportInfo(v).kind === "link", {
    error: "Write a message, or one link as [text](https://…) with an https address. HTML is not allowed.",
  });

export const updateSupportInfoSchema = z.object({ orgId: orgIdField, supportInfo: supportInfoField });
export type UpdateSupportInfoFormValues = z.input<typeof updateSupportInfoSchema>;
