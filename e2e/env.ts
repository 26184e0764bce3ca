// Fixed loopback ports and folders shared by e2e/serve.ts (the server side) and the specs.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = 18640;

export const E2E = {
  root,
  port,
  baseUrl: `http://127.0.0.1:${port}`,
  smtpPort: 18641,
  hookPort: 18642,
  dataDir: path.join(root, "test-results", "e2e-data"),
  mailDir: path.join(root, "test-results", "e2e-data", "mail"),
  hookDir: path.join(root, "test-results", "e2e-data", "hooks"),
  screenshotDir: path.join(root, "test-results", "screenshots"),
};
