/**
 * Headers for every web page, badge and next-auth response (everything the front server hands
 * to Next or answers in its place). Pings, the management API and the metrics endpoints keep
 * Healthchecks' exact headers and get none of these.
 *
 * The CSP allows inline scripts: Next's pages carry inline bootstrap scripts, and so do the two
 * theme scripts in app/ and components/, which would need the per-request nonce Next supports
 * to go stricter. Everything else is limited to this origin, and no site may frame a page
 * (clickjacking of the dashboard's buttons).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  // React's style={{...}} attributes are inline styles.
  "style-src 'self' 'unsafe-inline'",
  // QR codes (two-factor setup) are data: URLs.
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The headers as [name, value] pairs; HSTS only when SITE_ROOT is https. */
export function getSecurityHeaders(siteRoot: string): [string, string][] {
  const headers: [string, string][] = [
    ["Content-Security-Policy", CONTENT_SECURITY_POLICY],
    ["X-Frame-Options", "DENY"],
    ["X-Content-Type-Options", "nosniff"],
    // Django's default. Pages that need less (the sign-in confirmation, two-factor) set their
    // own policy in their metadata, which takes precedence in the browser.
    ["Referrer-Policy", "same-origin"],
  ];
  if (new URL(siteRoot).protocol === "https:") {
    headers.push(["Strict-Transport-Security", "max-age=31536000"]);
  }
  return headers;
}
