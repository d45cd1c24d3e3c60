import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { ThemedToaster } from "@/components/theme/themed-toaster";
import { readTheme } from "@/lib/theme/read-theme";
import { themeClass } from "@/lib/theme/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Partner Management", template: "%s · Partner Management" },
  description: "Create and manage partner organisations and their partner users.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The theme class is set here, on the server, from the cookie: the first paint is right with no script.
  const theme = await readTheme();
  return (
    <html lang="en" className={[GeistSans.variable, GeistMono.variable, themeClass(theme)].filter(Boolean).join(" ")}>
      <body className="min-h-screen font-sans antialiased">
        <ThemeProvider initial={theme}>
          {children}
          <ThemedToaster />
        </ThemeProvider>
      </body>
    </html>
  );
}
