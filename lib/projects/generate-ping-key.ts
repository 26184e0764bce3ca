import { generateToken } from "./generate-token";

/**
 * A project ping key: 22 characters of [a-z0-9] (about 113 bits). Lowercase because slug ping
 * URLs also serve as email addresses, which mail providers may lowercase.
 */
export function generatePingKey(): string {
  return generateToken(22).toLowerCase();
}
