// @ts-check
// Plain JavaScript, not next.config.ts: Next transpiles a TypeScript config with its native SWC
// binding every time the server starts, which keeps ~24 MB of it resident in the server.

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Healthchecks' API URLs end with "/" (e.g. /api/v3/checks/). The front server (lib/server)
  // strips that slash before handing the request to Next, and Next must not redirect.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  // better-sqlite3 and pg are native/Node modules: load them at run time, don't bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "nodemailer", "smtp-server", "mailparser", "discord.js", "@slack/webhook", "telegraf", "twilio", "undici"],
  typescript: { ignoreBuildErrors: false },
  experimental: {
    // Load a page's server code when it is first requested instead of every page's at start.
    preloadEntriesOnStart: false,
  },
};

export default nextConfig;
