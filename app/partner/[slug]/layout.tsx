import { redirect } from "next/navigation";
import { PartnerNav } from "@/components/partner-account/partner-nav";
import { PartnerShell } from "@/components/partner-account/partner-shell";
import { brandOf } from "@/lib/branding/branding";
import { can } from "@/lib/auth/policy";
import { loadPartnerAccount } from "./load-account";

/** The partner account: its brand, its left-hand pane, and each page beside it. */
export default async function PartnerAccountLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, org } = await loadPartnerAccount(slug);
  if (org.status === "pending") {
    // A pending organisation: until the partner form is in, its Admin fills it in and everyone else waits.
    if (can(actor, "org:complete-form", org.id)) redirect("/partner/complete");
    return (
      <PartnerShell org={brandOf(org)} userLabel={actor.label}>
        <section aria-labelledby="pending-heading" className="space-y-2 rounded-md border p-6">
          <h1 id="pending-heading" className="text-xl font-semibold">
            Complete your partner form
          </h1>
          <p className="text-sm text-muted-foreground">
            {org.name} is pending approval. Once your partner form has been submitted and approved, your partner account will
            appear here.
          </p>
        </section>
      </PartnerShell>
    );
  }
  return (
    <PartnerShell org={brandOf(org)} userLabel={actor.label} nav={<PartnerNav slug={org.slug} />}>
      {children}
    </PartnerShell>
  );
}
