import type { Metadata } from "next";
import Link from "next/link";
import { PARTNER_ROLES, PARTNER_ROLE_HELP, PARTNER_ROLE_LABEL } from "@/components/partners/labels";
import { AddMemberDialog } from "@/components/partner-account/members/add-member-dialog";
import { MembersTable } from "@/components/partner-account/members/members-table";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import { DomainError } from "@/lib/errors";
import { partnerUserStatuses } from "@/lib/partners/user-access";
import { fullName, listPartnerUsers } from "@/lib/partners/users";
import { loadPartnerAccount } from "../load-account";

export const metadata: Metadata = { title: "Members" };

const PAGE = 100;

/** The partner account's Members: who is in the partner account and with which role; Admins manage them. */
export default async function MembersPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string | string[] }> }) {
  const { slug } = await params;
  const { actor, org, base } = await loadPartnerAccount(slug);
  const { after } = await searchParams;
  const db = await getDb();
  const queryMore = typeof after === "string" && after.length <= 200 ? after : undefined;
  const page = await listPartnerUsers(db, actor, org.id, { limit: PAGE, queryMore }).catch((err) => {
    // A stale or edited page link: start again from the first page.
    if (err instanceof DomainError && err.code === "invalid") return listPartnerUsers(db, actor, org.id, { limit: PAGE });
    throw err;
  });
  const statuses = await partnerUserStatuses(db, page.rows);
  const members = page.rows.map((u) => ({
    id: u.id,
    name: fullName(u),
    email: u.email,
    role: u.role,
    status: statuses.get(u.id) ?? ("not_invited" as const),
    you: u.id === actor.id,
  }));
  const manage = { role: can(actor, "user:role", org.id), remove: can(actor, "user:delete", org.id), invite: can(actor, "user:create", org.id) };
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Members</h1>
        {manage.invite ? <AddMemberDialog orgId={org.id} /> : null}
      </div>
      <section aria-labelledby="roles-heading" className="space-y-2">
        <h2 id="roles-heading" className="text-lg font-semibold">
          Roles
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {PARTNER_ROLES.map((r) => (
            <div key={r} className="contents">
              <dt className="font-medium">{PARTNER_ROLE_LABEL[r]}</dt>
              <dd className="text-muted-foreground">{PARTNER_ROLE_HELP[r]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="sr-only">
          Members of your partner account
        </h2>
        <MembersTable orgId={org.id} members={members} manage={manage} />
        {queryMore || page.queryMore ? (
          // Keyset paging forwards only: members are few, and "First page" starts again.
          <nav aria-label="Pagination" className="flex gap-4 text-sm">
            {queryMore ? (
              <Link href={`${base}/members`} className="underline underline-offset-4">
                First page
              </Link>
            ) : null}
            {page.queryMore ? (
              <Link href={`${base}/members?after=${encodeURIComponent(page.queryMore)}`} rel="next" className="underline underline-offset-4">
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
