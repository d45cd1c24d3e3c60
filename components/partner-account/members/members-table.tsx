import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PartnerRole } from "@/db/schema";
import type { PartnerUserStatus } from "@/lib/partners/user-access";
import { PARTNER_ROLE_LABEL, USER_STATUS_LABEL } from "@/components/partners/labels";
import { DeleteMemberButton } from "./delete-member-button";
import { EditMemberDialog } from "./edit-member-dialog";
import { InvitationActions } from "./invitation-actions";

export interface MemberView {
  id: string;
  name: string | null;
  email: string;
  role: PartnerRole;
  status: PartnerUserStatus;
  you: boolean;
}

/** The members of a partner account; its Admins get each member's controls (never their own Delete). */
export function MembersTable({ orgId, members, manage }: { orgId: string; members: MemberView[]; manage: { role: boolean; remove: boolean; invite: boolean } }) {
  const controls = manage.role || manage.remove || manage.invite;
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table>
        <TableCaption className="sr-only">Members of your partner account</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>User Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Status</TableHead>
            {controls ? (
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => (
            <TableRow key={m.id}>
              <TableCell>
                {m.name ?? "—"}
                {m.you ? <span className="text-muted-foreground"> (you)</span> : null}
              </TableCell>
              <TableCell className="break-all">{m.email}</TableCell>
              <TableCell>{PARTNER_ROLE_LABEL[m.role]}</TableCell>
              <TableCell>{USER_STATUS_LABEL[m.status]}</TableCell>
              {controls ? (
                <TableCell>
                  <div className="flex flex-wrap items-center justify-end gap-1">
                    {manage.invite ? <InvitationActions orgId={orgId} userId={m.id} email={m.email} status={m.status} /> : null}
                    {manage.role ? <EditMemberDialog orgId={orgId} userId={m.id} email={m.email} role={m.role} /> : null}
                    {manage.remove && !m.you ? <DeleteMemberButton orgId={orgId} userId={m.id} email={m.email} /> : null}
                  </div>
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
