import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Healthchecks' API URLs end with "/" (e.g. /api/v3/checks/). The front server (lib/server)
  // strips that slash before handing the request to Next, and Next must not redirect.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  // better-sqlite3 and pg are native/Node modules: load them at run time, don't bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "nodemailer", "smtp-server", "mailparser", "discord.js", "@slack/webhook", "telegraf", "twilio", "undici"],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
