import type { ReactNode } from "react";
import { ThemeScript } from "@/components/theme-script";
import "./globals.css";

export const metadata = { title: { default: "Vigil", template: "%s · Vigil" }, description: "Cron job and service monitoring" };

/**
 * Root layout. Pages that know the signed-in user's theme render it through the
 * (dashboard) layout; everywhere else the theme follows the system.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" data-theme="system" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
