import { AdminsTable } from "@/components/admins/admins-table";
import { InviteAdminDialog } from "@/components/admins/invite-admin-dialog";
import { ADMIN_ROLE_HELP, ADMIN_ROLE_LABEL } from "@/components/admins/labels";
import { formatDate } from "@/lib/utils";
import type { AdminRole } from "@/db/schema";
import { getDb } from "@/db";
import { listAdmins } from "@/lib/admins/admins";
import { can } from "@/lib/auth/policy";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata = { title: "Admins" };

export default async function AdminsPage() {
  const admin = await requireAdminPage();
  const admins = await listAdmins(await getDb(), admin);
  const manage = can(admin, "admin:manage");
  const isOwner = admin.role === "owner";
  // Only an Owner grants (or takes away) the Owner role.
  const assignable: AdminRole[] = manage ? (isOwner ? ["owner", "admin", "viewer"] : ["admin", "viewer"]) : [];
  const rows = admins.map((a) => ({ id: a.id, email: a.email, role: a.role, status: a.status, created: formatDate(a.created), you: a.id === admin.id }));
  return (
    <div className="max-w-4xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Admins</h1>
          <p className="text-sm text-muted-foreground">Portal admins of Partner Management. There is always at least one Owner.</p>
        </div>
        {manage ? <InviteAdminDialog roles={assignable} /> : null}
      </div>
      {manage ? null : <p className="rounded-md border bg-muted/40 p-3 text-sm">You are a Viewer: you can see the admins but not change them.</p>}
      <AdminsTable rows={rows} assignable={assignable} canRemoveOwners={isOwner} canEndSessions={can(admin, "admin:sessions")} />
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {(["owner", "admin", "viewer"] as const).map((r) => (
          <div key={r} className="contents">
            <dt className="font-medium">{ADMIN_ROLE_LABEL[r]}</dt>
            <dd className="text-muted-foreground">{ADMIN_ROLE_HELP[r]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
