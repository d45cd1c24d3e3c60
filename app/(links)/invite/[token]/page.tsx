import type { Metadata } from "next";
import { PasswordLinkPage } from "@/components/auth/password-link-page";

// The token is in the URL: never send it on in a Referer header.
export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer", robots: { index: false } };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <PasswordLinkPage token={token} purpose="invite" />;
}
