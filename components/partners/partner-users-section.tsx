import "server-only";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import type { AdminActor } from "@/lib/auth/session";
import { partnerUserStatuses } from "@/lib/partners/user-access";
import { fullName, listPartnerUsers } from "@/lib/partners/users";
import { CreateUserDialog } from "./create-user-dialog";
import { PARTNER_ROLE_LABEL } from "./labels";
import { formatDate } from "@/lib/utils";
import { PartnerUsersTable } from "./partner-users-table";

/** The organisation's partner users, on its page in the admin app. */
export async function PartnerUsersSection({ admin, orgId }: { admin: AdminActor; orgId: string }) {
  const db = await getDb();
  const { rows, queryMore } = await listPartnerUsers(db, admin, orgId, { limit: 500 });
  const statuses = await partnerUserStatuses(db, rows);
  const users = rows.map((u) => ({
    id: u.id,
    name: fullName(u) ?? "—",
    email: u.email,
    phone: u.phone,
    role: PARTNER_ROLE_LABEL[u.role],
    created: formatDate(u.created),
    status: statuses.get(u.id) ?? "not_invited",
  }));
  return (
    <section aria-labelledby="users-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-4">
        <h2 id="users-heading" className="text-lg font-semibold">
          Users
        </h2>
        {can(admin, "user:create", orgId) ? <CreateUserDialog orgId={orgId} /> : null}
      </div>
      <PartnerUsersTable orgId={orgId} users={users} canDelete={can(admin, "user:delete", orgId)} canInvite={can(admin, "user:create", orgId)} canMove={can(admin, "user:move", orgId)} />
      {queryMore ? <p className="text-sm text-muted-foreground">Showing the first 500 users; use the REST API or CSV export for all of them.</p> : null}
    </section>
  );
}
