import type { Metadata } from "next";
import { connection } from "next/server";
import { ForgotPasswordPage } from "@/components/auth/forgot-password-page";

export const metadata: Metadata = { title: "Forgot password" };
// Rendered per request: a prerendered page has no nonce, and the CSP (proxy.ts) would block its scripts.
export const dynamic = "force-dynamic";

/** "Forgot password?" for portal admins (the partner users' is /partner/forgot-password). */
export default async function AdminForgotPasswordPage() {
  await connection();
  return <ForgotPasswordPage kind="admin" />;
}
