import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormAlert } from "@/components/forms/form-alert";
import { LeavePageLink } from "@/components/forms/leave-page-link";
import { ThemeSelect } from "@/components/theme/theme-select";
import { getAdmin, getPartner } from "@/lib/auth/session";

export const metadata = { title: "Sign in" };

export default async function HomePage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const { password } = await searchParams;
  if (await getAdmin()) redirect("/settings/profile/partners");
  if (await getPartner()) redirect("/partner");
  return (
    <main className="relative flex min-h-screen flex-col items-center justify-center gap-4 bg-muted/40 p-4">
      <ThemeSelect className="self-end sm:absolute sm:right-4 sm:top-4" />
      <div className="w-full max-w-sm rounded-lg border bg-background p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Partner Management</h1>
        <p className="mb-6 text-sm text-muted-foreground">Sign in as a portal admin.</p>
        {password === "set" ? (
          <FormAlert tone="notice" className="mb-4">
            Your password is set. Sign in with it now.
          </FormAlert>
        ) : null}
        <SignInForm provider="admin" redirectTo="/settings/profile/partners" />
        <p className="mt-3 text-sm">
          <LeavePageLink className="underline" href="/forgot-password">
            Forgot password?
          </LeavePageLink>
        </p>
        <p className="mt-6 text-sm text-muted-foreground">
          A partner user?{" "}
          <LeavePageLink className="underline" href="/partner">
            Sign in to your partner pages
          </LeavePageLink>
          .
        </p>
      </div>
    </main>
  );
}
