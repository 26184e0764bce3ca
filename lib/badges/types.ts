/** What a badge shows. "late" only on three-state badges (a check in its grace time). */
export type BadgeStatus = "up" | "late" | "down";

export type BadgeFormat = "svg" | "json" | "shields";

/** The counts behind a badge, as its JSON format reports them. */
export interface BadgeSummary {
  status: BadgeStatus;
  total: number;
  grace: number;
  down: number;
}

/** A badge URL resolved the way Healthchecks' URL patterns resolve it. */
export type BadgeRequest =
  | {
      kind: "project";
      badgeKey: string;
      /** As it appears in the URL: 8 signature characters, "-2" for two-state, maybe more. */
      signature: string;
      /** "*" for the all-checks form. */
      tag: string;
      /** Any slug: the handler answers 404 to formats other than svg, json and shields. */
      format: string;
    }
  | { kind: "check"; states: number; badgeKey: string; format: string };
