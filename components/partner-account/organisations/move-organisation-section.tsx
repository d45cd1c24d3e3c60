"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { moveOrganisationAction } from "@/app/partner/[slug]/organisations/actions/move-organisation";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";

const NO_PARTNER = "";

/**
 * "Move Organisation to another Partner" on the partner pages: a select of the partner
 * accounts this user may move it to, plus "No partner", then "Save". Moving it away loses the
 * user their access, so that asks first, and then goes back to the organisations list.
 */
export function MoveOrganisationSection({
  org,
  current,
  choices,
  listHref,
}: {
  org: { id: string; name: string };
  current: string;
  choices: { id: string; name: string }[];
  listHref: string;
}) {
  const router = useRouter();
  const [value, setValue] = useState(current);
  const [confirming, setConfirming] = useState(false);
  const leaving = value !== current;
  const { run, pending } = useAction(moveOrganisationAction, {
    success: (data) => (data.partnerOrgId ? `${org.name} moved to the chosen partner.` : `${org.name} moved to No partner.`),
    onSuccess: () => router.replace(listHref),
  });
  const save = () => run({ id: org.id, partnerOrgId: value });
  return (
    <section aria-labelledby="move-heading" className="space-y-3 rounded-md border p-4">
      <h2 id="move-heading" className="text-lg font-semibold">
        Move Organisation to another Partner
      </h2>
      <p className="text-sm text-muted-foreground">
        With No partner, no partner account manages it: it leaves yours, and you lose access to it.
      </p>
      <form
        className="grid max-w-md gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (leaving) setConfirming(true);
        }}
      >
        <div className="grid gap-1.5">
          <Label htmlFor="move-partner">Partner</Label>
          <select id="move-partner" className="h-9 w-full rounded-md border border-input bg-background px-2 text-sm" value={value} onChange={(e) => setValue(e.target.value)}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value={NO_PARTNER}>No partner</option>
          </select>
        </div>
        <div>
          <Button type="submit" disabled={pending || !leaving}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent role="alertdialog">
          <DialogHeader>
            <DialogTitle>Move {org.name} {value === NO_PARTNER ? "to No partner" : "to another partner"}?</DialogTitle>
            <DialogDescription>
              It will no longer belong to your partner account: you and your members lose access to it at once, and only a portal
              admin can give it back.
            </DialogDescription>
          </DialogHeader>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button variant="destructive" disabled={pending} onClick={() => save()}>
              Move organisation
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </section>
  );
}
