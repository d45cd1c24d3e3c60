import { isSlugShaped } from "@/lib/validations/partner-slug";

export const dynamic = "force-dynamic";

/**
 * The address partners give their customers, `/sso?partner=<slug>` (as in Edgio's portal): the
 * branded partner sign-in. The slug is passed on only when it is slug-shaped; the sign-in decides
 * whether it names a partner, so this reveals nothing.
 */
export function GET(request: Request) {
  const url = new URL(request.url);
  const slug = url.searchParams.get("partner") ?? "";
  const target = new URL("/partner", url);
  if (isSlugShaped(slug)) target.searchParams.set("partner", slug);
  return new Response(null, { status: 307, headers: { Location: `${target.pathname}${target.search}`, "Cache-Control": "no-store" } });
}
