"use client";
import { ArrowRightLeft } from "lucide-react";
import { useState } from "react";
import { moveUserAction } from "@/app/(admin)/settings/profile/partners/actions/move-user";
import { useAction } from "@/components/forms/use-action";
import { PartnerFinder } from "@/components/organisations/partner-finder";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { PARTNER_ROLES, PARTNER_ROLE_HELP, PARTNER_ROLE_LABEL } from "@/components/partners/labels";
import type { PartnerRole } from "@/db/schema";


/** A portal admin moves a partner user registered under the wrong partner: same sign-in, new partner and role. */
export function MoveUserDialog({ orgId, userId, email }: { orgId: string; userId: string; email: string }) {
  const [open, setOpen] = useState(false);
  const [toOrgId, setToOrgId] = useState("");
  const [role, setRole] = useState<PartnerRole>("viewer");
  const [error, setError] = useState("");
  const { run, pending } = useAction(moveUserAction, {
    success: `${email} moved to the other partner.`,
    onSuccess: () => setOpen(false),
    onError: setError,
  });
  const submit = () => void run({ orgId, userId, toOrgId, role });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setError("");
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Move user ${email} to another partner`} title={`Move user ${email} to another partner`}>
          <ArrowRightLeft aria-hidden />
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Move user to another partner</DialogTitle>
          <DialogDescription>
            {email} keeps their sign-in and history, takes the role you choose in the other partner organisation, and is signed out
            everywhere. If they are this partner&apos;s only Admin, it is left without one.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!toOrgId) return setError("Choose the partner organisation to move the user to.");
            submit();
          }}
        >
          <PartnerFinder id={`move-user-${userId}`} label="Partner organisation" value={toOrgId} onChange={setToOrgId} noPartner={false} />
          <div className="grid gap-1.5">
            <Label htmlFor={`move-user-role-${userId}`}>Role</Label>
            <select
              id={`move-user-role-${userId}`}
              value={role}
              onChange={(e) => setRole(e.target.value as PartnerRole)}
              aria-describedby={`move-user-role-${userId}-hint`}
              className="h-9 rounded-md border border-input bg-background px-2 text-sm"
            >
              {PARTNER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {PARTNER_ROLE_LABEL[r]}
                </option>
              ))}
            </select>
            <p id={`move-user-role-${userId}-hint`} className="text-xs text-muted-foreground">
              {PARTNER_ROLE_HELP[role]}
            </p>
          </div>
          {error ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {error}
            </p>
          ) : null}
          <Button type="submit" disabled={pending}>
            {pending ? "Moving…" : "Move user"}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
