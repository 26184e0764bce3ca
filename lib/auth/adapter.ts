// next-auth's storage for the Email (magic link) provider, over our Prisma models. Written here
// rather than installed because our User id is an Int and next-auth wants strings; sessions are
// JWTs, so only users and verification tokens are needed. Accounts are never created by
// next-auth: sign-up, invites, REMOTE_USER_HEADER and the CLI create them (lib/users).
import type { Adapter, AdapterUser, VerificationToken } from "next-auth/adapters";
import { getDb, type User } from "../db";
import { spendSignInToken } from "./login-links";

function toAdapterUser(user: User): AdapterUser {
  return { id: String(user.id), email: user.email, emailVerified: user.emailVerified, name: user.name || null };
}

function parseId(id: string): number | null {
  return /^\d+$/.test(id) ? Number(id) : null;
}

export function createAdapter(): Adapter {
  return {
    async createUser(): Promise<AdapterUser> {
      // Reached only for a valid link to an address with no account (closed meanwhile); the
      // signIn callback refuses those first, this is the backstop.
      throw new Error("accounts are created by sign-up, not by signing in");
    },

    async getUser(id) {
      const userId = parseId(id);
      if (userId === null) return null;
      const user = await getDb().user.findUnique({ where: { id: userId } });
      return user ? toAdapterUser(user) : null;
    },

    async getUserByEmail(email) {
      const user = await getDb().user.findUnique({ where: { email: email.trim().toLowerCase() } });
      return user ? toAdapterUser(user) : null;
    },

    async getUserByAccount() {
      return null;
    },

    async updateUser(data) {
      const userId = parseId(data.id);
      if (userId === null) throw new Error(`bad user id ${data.id}`);
      // The email provider calls this after a link was used: the address is now verified.
      const user = await getDb().user.update({
        where: { id: userId },
        data: data.emailVerified ? { emailVerified: data.emailVerified } : {},
      });
      return toAdapterUser(user);
    },

    async createVerificationToken(token: VerificationToken) {
      await getDb().verificationToken.create({ data: token });
      return token;
    },

    /**
     * Uses up a sign-in link's or set-up link's token (so it works once) and returns it with
     * the address to sign in as; other kinds of token are left alone.
     */
    async useVerificationToken({ identifier, token }) {
      return spendSignInToken(token, identifier || undefined);
    },
  };
}
