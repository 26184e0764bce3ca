/**
 * The client address for rate limits. Behind a reverse proxy that appends to X-Forwarded-For
 * (nginx's $proxy_add_x_forwarded_for, Caddy, Traefik), the last entry is the address the proxy
 * saw; without a proxy, Next sets the header to the socket's address.
 */
export function getClientIp(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}
