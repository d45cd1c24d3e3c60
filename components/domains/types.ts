import type { ServerAction } from "@/lib/action-result";
import type { AddDomainFormValues, DomainActionInput } from "@/lib/validations/domains";

/**
 * The server actions the Domains section calls, passed in by the page that places it: the admin
 * app's actions on the partner organisation page (with Mark as verified), the partner's own on its pages.
 */
export interface DomainActions {
  add: ServerAction<AddDomainFormValues, { id: string; domain: string }>;
  verify: ServerAction<DomainActionInput, { id: string; domain: string }>;
  remove: ServerAction<DomainActionInput, { id: string; domain: string }>;
  markVerified?: ServerAction<DomainActionInput, { id: string; domain: string }>;
}
