// The webhook placeholders of Healthchecks (compat spec §6.4), in the order its docs list them.

export interface Placeholder {
  name: string;
  description: string;
  /** $BODY and $BODY_JSON are only expanded in a request body. */
  bodyOnly?: boolean;
}

export const WEBHOOK_PLACEHOLDERS: readonly Placeholder[] = [
  { name: "$CODE", description: "The UUID of the check" },
  { name: "$STATUS", description: "The check's new status: up or down" },
  { name: "$NOW", description: "When the status changed, ISO 8601 in UTC (2026-01-01T10:00:00+00:00)" },
  { name: "$NAME", description: "The check's name" },
  { name: "$NAME_JSON", description: "The check's name as a JSON string, quotes included" },
  { name: "$SLUG", description: "The check's slug" },
  { name: "$TAGS", description: "The check's tags, separated by spaces" },
  { name: "$TAG1", description: "The first tag ($TAG2 the second, and so on)" },
  { name: "$BODY", description: "The body of the last ping, empty if none", bodyOnly: true },
  { name: "$BODY_JSON", description: "The body of the last ping as a JSON string", bodyOnly: true },
  { name: "$EXITSTATUS", description: "The exit status of the last ping, -1 if none" },
  { name: "$JSON", description: "The check as JSON, as the management API returns it" },
];
