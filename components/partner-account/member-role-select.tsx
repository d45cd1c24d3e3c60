"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { changeMemberRoleAction } from "@/app/partner/actions/change-member-role";
import type { PartnerRole } from "@/db/schema";
import { ROLE_LABEL } from "./labels";

export function MemberRoleSelect({ orgId, userId, email, role }: { orgId: string; userId: string; email: string; role: PartnerRole }) {
  const router = useRouter();
  const [value, setValue] = useState(role);
  const [pending, startTransition] = useTransition();
  return (
    <select
      aria-label={`Role of ${email}`}
      className="h-8 rounded-md border border-input bg-background px-2 text-sm"
      value={value}
      disabled={pending}
      onChange={(e) => {
        const next = e.target.value as PartnerRole;
        setValue(next);
        startTransition(async () => {
          const result = await changeMemberRoleAction({ orgId, userId, role: next });
          if (!result.ok) {
            setValue(role);
            toast.error(result.message);
            return;
          }
          toast.success(`${email} is now ${ROLE_LABEL[next]}.`);
          router.refresh();
        });
      }}
    >
      {(["viewer", "maintainer", "admin"] as const).map((r) => (
        <option key={r} value={r}>
          {ROLE_LABEL[r]}
        </option>
      ))}
    </select>
  );
}
