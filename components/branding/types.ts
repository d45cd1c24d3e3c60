import type { ServerAction } from "@/lib/action-result";
import type { LogoVariant } from "@/lib/validations/branding";

type Logos = { logo: string | null; darkLogo: string | null };

/**
 * The server actions the white label section calls, passed in by the page that places it: the
 * admin app's on the partner organisation page, the partner's own on its Settings page.
 */
export interface BrandingActions {
  upload: ServerAction<{ orgId: string; variant: LogoVariant; file: string }, Logos>;
  remove: ServerAction<{ orgId: string; variant: LogoVariant }, Logos>;
  saveSupport: ServerAction<{ orgId: string; supportInfo: string }, { supportInfo: string | null }>;
}
