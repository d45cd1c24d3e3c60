import "server-only";
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { invalid } from "@/lib/errors";
import { LOGO_MAX_BYTES, LOGO_TOO_BIG_MESSAGE, LOGO_TYPE_MESSAGE } from "@/lib/validations/branding";

/** The stored logo's longest side, in pixels: plenty for a header and a sign-in page. */
export const LOGO_MAX_SIDE = 512;
/** The largest image decoded at all: a small file claiming more pixels (an image bomb) is refused unread. */
export const LOGO_MAX_INPUT_SIDE = 4096;
const MAX_INPUT_PIXELS = LOGO_MAX_INPUT_SIDE * LOGO_MAX_INPUT_SIDE;
export const LOGO_TOO_MANY_PIXELS_MESSAGE = `The image is too large: at most ${LOGO_MAX_INPUT_SIDE} × ${LOGO_MAX_INPUT_SIDE} pixels.`;
export const LOGO_UNREADABLE_MESSAGE = "This file could not be read as an image. Upload a JPG, JPEG, PNG or WebP image.";
export const LOGO_CONTENT_TYPE = "image/webp";

/** Judged by content (file-type), never by the name or the browser's word. */
const ACCEPTED = new Map([
  ["jpg", "jpeg"],
  ["png", "png"],
  ["webp", "webp"],
]);

// libvips' operation cache would keep decoded images in the process between requests.
sharp.cache(false);

export interface ProcessedLogo {
  hash: string;
  contentType: string;
  data: Buffer;
  width: number;
  height: number;
}

const refuse = (message: string) => invalid(message, { file: [message] });

/**
 * Checks an uploaded logo and re-encodes it: a JPEG, PNG or WebP by its bytes, at most 2 MB and
 * 4096 × 4096 pixels, turned upright, bounded to 512 px, written as WebP without its metadata
 * (EXIF, GPS, ICC comments). What is stored is only what sharp wrote, so nothing of the upload's
 * own bytes (a polyglot, a script in a comment) is ever served.
 */
export async function processLogo(bytes: Buffer): Promise<ProcessedLogo> {
  if (bytes.length === 0) throw refuse("Choose an image to upload.");
  if (bytes.length > LOGO_MAX_BYTES) throw refuse(LOGO_TOO_BIG_MESSAGE);
  const type = await fileTypeFromBuffer(bytes);
  const format = type ? ACCEPTED.get(type.ext) : undefined;
  if (!format) throw refuse(LOGO_TYPE_MESSAGE);

  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" as const, pages: 1 };
  // Reading the header decodes no pixels, so the claimed size is checked before any decoding.
  const meta = await sharp(bytes, { ...options, limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!meta || meta.format !== format) throw refuse(LOGO_UNREADABLE_MESSAGE);
  if (!meta.width || !meta.height || meta.width > LOGO_MAX_INPUT_SIDE || meta.height > LOGO_MAX_INPUT_SIDE) {
    throw refuse(LOGO_TOO_MANY_PIXELS_MESSAGE);
  }
  const out = await sharp(bytes, options)
    .rotate()
    .resize(LOGO_MAX_SIDE, LOGO_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 90 })
    .toBuffer({ resolveWithObject: true })
    .catch(() => null);
  if (!out) throw refuse(LOGO_UNREADABLE_MESSAGE);
  return {
    hash: createHash("sha256").update(out.data).digest("hex"),
    contentType: LOGO_CONTENT_TYPE,
    data: out.data,
    width: out.info.width,
    height: out.info.height,
  };
}

/** Where a stored logo is served: its content hash names it, so it never changes. */
export const logoPath = (hash: string) => `/api/logos/${hash}.webp`;
export const LOGO_FILE = /^([0-9a-f]{64})\.webp$/;
