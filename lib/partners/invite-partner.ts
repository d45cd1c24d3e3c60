import "server-only";
import type { Db } from "@/db";
import type { PartnerOrgRow, PartnerUserRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";

export interface InvitePartnerInput {
  name: string;
  primaryContactName: string;
  primaryContactEmail: string;
}

/**
 * "Invite Partner": a pending organisation and its primary contact as its first user
 * (its Admin), who gets the invitation mail. Both are created in ONE transaction (the two domain
 * functions run as savepoints inside it), so a contact email that is already taken leaves no
 * orphan organisation. The Zuora account ID stays "" and the invoice owner "partner" until the
 * contact submits the partner form.
 */
export async function invitePartnerOrg(db: Db, actor: Actor, input: InvitePartnerInput): Promise<{ org: PartnerOrgRow; contact: PartnerUserRow }> {
  assertCan(actor, "org:create");
  assertCan(actor, "user:create");
  return db.transaction(async (tx) => {
    const org = await createPartnerOrg(tx as unknown as Db, actor, {
      name: input.name,
      zuoraAccountId: "",
      invoiceOwner: "partner",
      status: "pending",
      primaryContactName: input.primaryContactName,
      primaryContactEmail: input.primaryContactEmail.trim(),
    });
    // Last step: createPartnerUser mails the invitation after the response, so after this commits.
    const contact = await createPartnerUser(tx as unknown as Db, actor, org.id, {
      email: input.primaryContactEmail,
      name: input.primaryContactName,
      role: "admin",
    });
    return { org, contact };
  });
}
