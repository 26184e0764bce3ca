import type { ReactNode } from "react";
import { ThemeScript } from "@/components/theme-script";
import { getCurrentUser } from "@/lib/auth/session";
import "./globals.css";

export const metadata = { title: { default: "Vigil", template: "%s · Vigil" }, description: "Cron job and service monitoring" };

const THEMES = new Set(["light", "dark", "system"]);

/**
 * Root layout. data-theme carries the signed-in user's theme (ThemeScript turns it into the
 * `dark` class before first paint); signed out, the theme follows the system.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const theme = user && THEMES.has(user.theme) ? user.theme : "system";
  return (
    <html lang="en" data-theme={theme} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
