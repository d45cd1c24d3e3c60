"use client";
import { useState } from "react";
import { toast } from "sonner";
import { changeMemberRoleAction } from "@/app/partner/actions/change-member-role";
import { useAction } from "@/components/forms/use-action";
import type { PartnerRole } from "@/db/schema";
import { PARTNER_ROLE_LABEL, PARTNER_ROLES } from "@/components/partners/labels";

export function MemberRoleSelect({ orgId, userId, email, role }: { orgId: string; userId: string; email: string; role: PartnerRole }) {
  const [value, setValue] = useState(role);
  const { run, pending } = useAction(changeMemberRoleAction, {
    success: (data) => `${email} is now ${PARTNER_ROLE_LABEL[data.role]}.`,
    onError: (message) => {
      setValue(role);
      toast.error(message);
    },
  });
  return (
    <select
      name="role"
      aria-label={`Role of ${email}`}
      className="h-8 rounded-md border border-input bg-background px-2 text-sm"
      value={value}
      disabled={pending}
      onChange={(e) => {
        const next = e.target.value as PartnerRole;
        setValue(next);
        run({ orgId, userId, role: next });
      }}
    >
      {PARTNER_ROLES.map((r) => (
        <option key={r} value={r}>
          {PARTNER_ROLE_LABEL[r]}
        </option>
      ))}
    </select>
  );
}
