import { requireAdminPage } from "@/lib/auth/session";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireAdminPage();
  return (
    <div className="max-w-2xl space-y-2">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <p className="text-muted-foreground">
        Your business profile and its partner organisations, the API clients that integrate with it, and the portal
        admins who manage it. Choose a section in the navigation.
      </p>
    </div>
  );
}
