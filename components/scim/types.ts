import type { ServerAction } from "@/lib/action-result";
import type { CreateScimTokenFormValues } from "@/lib/validations/scim";

/**
 * The server actions the Provisioning (SCIM) section calls, passed in by the page that places it:
 * the admin app's actions on the partner organisation page, the partner's own on its pages.
 */
export interface ScimTokenActions {
  create: ServerAction<CreateScimTokenFormValues, { id: string; token: string; baseUrl: string }>;
  revoke: ServerAction<{ orgId: string; id: string }, { id: string }>;
}
