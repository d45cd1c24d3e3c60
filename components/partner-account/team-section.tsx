import "server-only";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import type { PartnerActor } from "@/lib/auth/session";
import { partnerUserStatuses } from "@/lib/partners/user-access";
import { fullName, listPartnerUsers } from "@/lib/partners/users";
import { InviteMemberDialog } from "./invite-member-dialog";
import { PARTNER_ROLE_HELP, PARTNER_ROLE_LABEL, PARTNER_ROLES, USER_STATUS_LABEL } from "@/components/partners/labels";
import { MemberRoleSelect } from "./member-role-select";
import { RemoveMemberButton } from "./remove-member-button";

/** The team: every member with their role. Admins invite, change roles and remove members. */
export async function TeamSection({ actor, orgId }: { actor: PartnerActor; orgId: string }) {
  const db = await getDb();
  const { rows } = await listPartnerUsers(db, actor, orgId, { limit: 500 });
  const statuses = await partnerUserStatuses(db, rows);
  const manage = can(actor, "user:role", orgId);
  return (
    <section aria-labelledby="team-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-4">
        <h2 id="team-heading" className="text-lg font-semibold">
          Team
        </h2>
        {can(actor, "user:create", orgId) ? <InviteMemberDialog orgId={orgId} /> : null}
      </div>
      <p className="text-sm text-muted-foreground">
        Roles: {PARTNER_ROLES.map((r) => `${PARTNER_ROLE_LABEL[r]} (${PARTNER_ROLE_HELP[r]})`).join(", ")}.
      </p>
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableCaption className="sr-only">Members of your organisation</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Email address</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Status</TableHead>
              {manage ? (
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((u) => (
              <TableRow key={u.id}>
                <TableCell>
                  {fullName(u) ?? "—"}
                  {u.id === actor.id ? <span className="text-muted-foreground"> (you)</span> : null}
                </TableCell>
                <TableCell>{u.email}</TableCell>
                <TableCell>
                  {manage ? <MemberRoleSelect orgId={orgId} userId={u.id} email={u.email} role={u.role} /> : PARTNER_ROLE_LABEL[u.role]}
                </TableCell>
                <TableCell>{USER_STATUS_LABEL[statuses.get(u.id) ?? "not_invited"]}</TableCell>
                {manage ? (
                  <TableCell className="text-right">
                    {u.id !== actor.id && can(actor, "user:delete", orgId) ? <RemoveMemberButton orgId={orgId} userId={u.id} email={u.email} /> : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
