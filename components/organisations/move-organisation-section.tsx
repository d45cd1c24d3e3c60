"use client";
import { useState } from "react";
import { moveOrganisationAction } from "@/app/(admin)/organisations/actions/move-organisation";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { PartnerFinder, type PartnerOption } from "./partner-finder";

/** Seed 002's "Move Organisation to another Partner": a portal admin picks any partner, or "No partner". */
export function MoveOrganisationSection({ orgId, partner }: { orgId: string; partner: PartnerOption | null }) {
  const [value, setValue] = useState(partner?.id ?? "");
  const { run, pending } = useAction(moveOrganisationAction, {
    success: (data) => (data.partnerOrgId ? "Organisation moved to the chosen partner." : "Organisation moved to No partner."),
  });
  const unchanged = value === (partner?.id ?? "");
  return (
    <section aria-labelledby="move-heading" className="space-y-3 rounded-md border p-4">
      <h2 id="move-heading" className="text-lg font-semibold">
        Move Organisation to another Partner
      </h2>
      <p className="text-sm text-muted-foreground">
        The partner that owns this organisation manages it from its partner account. With No partner, no partner sees it.
      </p>
      <form
        className="grid max-w-md gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void run({ id: orgId, partnerOrgId: value });
        }}
      >
        <PartnerFinder id="move-partner" label="Partner" value={value} onChange={setValue} current={partner} />
        <div>
          <Button type="submit" disabled={pending || unchanged}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </section>
  );
}
