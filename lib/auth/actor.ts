import type { AdminRole, PartnerRole } from "@/db/schema";

/** Who is acting: every domain function takes one and checks it through the policy. */
export type Actor =
  | { kind: "admin"; id: string; role: AdminRole; label: string }
  | { kind: "partner_user"; id: string; partnerOrgId: string; role: PartnerRole; label: string }
  | { kind: "api_client"; id: string; label: string }
  /** A partner's directory provisioning over SCIM, by one of that partner's SCIM tokens. */
  | { kind: "scim_token"; id: string; partnerOrgId: string; label: string }
  | { kind: "system"; label: string }
  /** Someone not signed in, e.g. a failed sign-in; labelled with what they typed. */
  | { kind: "anonymous"; label: string };

export const systemActor: Actor = { kind: "system", label: "system" };
