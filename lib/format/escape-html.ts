/**
 * Text made safe for HTML element content and quoted attributes, exactly like Django's
 * escape() (which Healthchecks' templates use): & < > " ' → &amp; &lt; &gt; &quot; &#x27;.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c] ?? c);
}
