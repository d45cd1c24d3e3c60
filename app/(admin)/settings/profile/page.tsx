import { requireAdminPage } from "@/lib/auth/session";

export const metadata = { title: "Profile" };

export default async function ProfilePage() {
  await requireAdminPage();
  return (
    <div className="max-w-2xl space-y-2">
      <h1 className="text-2xl font-semibold">Profile</h1>
      <p className="text-muted-foreground">
        Your business&apos;s profile. Under it you create and manage the partner organisations (resellers,
        distributors) that sell on your behalf, and their partner users.
      </p>
    </div>
  );
}
