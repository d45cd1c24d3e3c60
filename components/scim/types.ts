import type { ActionResult } from "@/lib/safe-action";
import type { CreateScimTokenFormValues } from "@/lib/validations/scim";

/**
 * The server actions the Provisioning (SCIM) section calls, passed in by the page that places it:
 * the admin app's actions on the partner organisation page, the partner's own on its Settings.
 */
export interface ScimTokenActions {
  create: (input: CreateScimTokenFormValues) => Promise<ActionResult<{ id: string; token: string; baseUrl: string }>>;
  revoke: (input: { orgId: string; id: string }) => Promise<ActionResult<{ id: string }>>;
}
