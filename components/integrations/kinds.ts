// The integration kinds the "Add integration" section offers, in display order. Adding a kind
// to the web app = an entry here, its form under app/(dashboard)/projects/[code]/integrations/
// add/<kind>/, its icon in kind-icon.tsx and (for the list) its summary in channel-summary.ts;
// validation and delivery stay in lib/channels/channel-kinds.ts and lib/integrations/.

export interface IntegrationKind {
  kind: string;
  label: string;
  description: string;
  /** Hidden from "Add integration" when the server turns the kind off (e.g. WEBHOOKS_ENABLED=False). */
  enabledBy?: "webhooks";
}

export const INTEGRATION_KINDS: readonly IntegrationKind[] = [
  { kind: "email", label: "Email", description: "Get an email message when a check goes up or down." },
  {
    kind: "webhook",
    label: "Webhook",
    description: "Receive an HTTP request when a check goes up or down, with a method, body and headers you choose.",
    enabledBy: "webhooks",
  },
];

/** The display label of a kind ("Email"), or the raw kind for one the web app has no form for. */
export function getKindLabel(kind: string): string {
  return INTEGRATION_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

/** Whether the web app has an add/edit form for this kind. */
export function hasKindForm(kind: string): boolean {
  return INTEGRATION_KINDS.some((k) => k.kind === kind);
}
