/** Python's quote_plus(s, safe=""), as urlencode() applies it: letters, digits and _.-~ stay. */
function quotePlus(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

/**
 * The shields.io badge that draws a "shields" format badge URL
 * (https://img.shields.io/endpoint?url=...), encoded as Healthchecks' badges page does.
 */
export function getShieldsEndpointUrl(badgeUrl: string): string {
  return `https://img.shields.io/endpoint?url=${quotePlus(badgeUrl)}`;
}
