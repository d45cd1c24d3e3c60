import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Partner Management", template: "%s · Partner Management" },
  description: "Create and manage partner organisations and their partner users.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans antialiased">
        {children}
        {/* Plain toasts: the "rich colors" variants fall short of WCAG AA contrast. */}
        <Toaster position="top-center" closeButton />
      </body>
    </html>
  );
}
