// Shared set-up for the sendreports tests: a loopback SMTP sink as the mail server, and the
// environment that points lib/mail.ts at it.
import { getDb, type Check, type User } from "../../lib/db";
import { createCheck } from "../fixtures";

export function mailEnv(port: number): Record<string, string> {
  return {
    EMAIL_HOST: "127.0.0.1",
    EMAIL_PORT: String(port),
    EMAIL_USE_TLS: "False",
    SITE_ROOT: "https://vigil.example.org",
    SITE_NAME: "Vigil Test",
    DEFAULT_FROM_EMAIL: "reports@vigil.example.org",
  };
}

export async function setUser(user: Pick<User, "id">, data: Partial<User>): Promise<User> {
  return getDb().user.update({ where: { id: user.id }, data });
}

/** A check pinged `lastPing`, so its account counts as active. */
export async function createPingedCheck(projectId: number, lastPing: Date, data: Partial<Check> = {}): Promise<Check> {
  return createCheck(projectId, { status: "up", lastPing, createdAt: new Date(lastPing.getTime() - 90 * 86_400_000), ...data });
}

export async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
