import type { ServerAction } from "@/lib/action-result";
import type { SsoConnectionFormValues, SsoSignInSettingsFormValues } from "@/lib/validations/sso";

/**
 * The server actions the Single sign-on section calls, passed in by the page that places it: the
 * admin app's actions on the partner organisation page, the partner's own on its Settings page.
 */
export interface SsoActions {
  saveConnection: ServerAction<SsoConnectionFormValues, { protocol: string }>;
  saveSettings: ServerAction<SsoSignInSettingsFormValues, { enabled: boolean }>;
  remove: ServerAction<{ orgId: string }, { orgId: string }>;
}

/** The service provider's values the partner enters at its identity provider. */
export interface SsoServiceProvider {
  redirectUri: string;
  samlEntityId: string;
  samlAcsUrl: string;
  samlMetadataUrl: string;
}
