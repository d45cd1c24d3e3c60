"use client";
import { Pencil } from "lucide-react";
import { useState } from "react";
import { changeMemberRoleAction } from "@/app/partner/[slug]/members/actions/change-member-role";
import { FormDialog } from "@/components/forms/form-dialog";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import type { PartnerRole } from "@/db/schema";
import { PARTNER_ROLE_LABEL } from "@/components/partners/labels";
import { RoleChoice } from "./role-choice";

/** A member's pencil ("Edit"): assign a different role at the partner level, then "Save". */
export function EditMemberDialog({ orgId, userId, email, role }: { orgId: string; userId: string; email: string; role: PartnerRole }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(role);
  const [error, setError] = useState<string>();
  const { run, pending } = useAction(changeMemberRoleAction, {
    success: (data) => `${email} is now ${PARTNER_ROLE_LABEL[data.role]}.`,
    onSuccess: () => setOpen(false),
    onError: setError,
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        setValue(role);
        setError(undefined);
        setOpen(next);
      }}
      trigger={
        <Button variant="ghost" size="icon" aria-label="Edit" title={`Change the role of ${email}`}>
          <Pencil aria-hidden />
        </Button>
      }
      title="Edit member"
      description={`The role of ${email} in your partner account.`}
      onSubmit={async (e) => {
        e?.preventDefault();
        await run({ orgId, userId, role: value });
      }}
      submitting={pending}
      submitLabel="Save"
      submittingLabel="Saving…"
    >
      <RoleChoice idPrefix={`edit-role-${userId}`} value={value} onChange={setValue} error={error} />
    </FormDialog>
  );
}
