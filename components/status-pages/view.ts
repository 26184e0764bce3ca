// What the status-page screens show, as plain data the server pages hand to components.
// The route's load.ts builds these from the status-page reads.

export interface PageListItem {
  code: string;
  title: string;
  slug: string;
  /** The public address (the custom domain's when there is one). */
  url: string;
  access: string;
  componentCount: number;
  openIncidents: number;
}

export interface PageComponentView {
  /** The check's UUID. */
  check: string;
  checkName: string;
  name: string;
  description: string;
  group: string;
}

export interface PageDetail {
  code: string;
  slug: string;
  title: string;
  description: string;
  logoUrl: string;
  theme: string;
  timeZone: string;
  customDomain: string | null;
  access: string;
  hasPassword: boolean;
  autoIncidents: boolean;
  url: string;
  components: PageComponentView[];
}

export interface IncidentUpdateView {
  code: string;
  status: string;
  body: string;
  createdAt: Date;
  /** Components whose status the update changed. */
  affected: { name: string; oldStatus: string | null; newStatus: string }[];
}

export interface IncidentView {
  code: string;
  kind: "incident" | "maintenance";
  name: string;
  impact: string;
  /** The latest update's status. */
  status: string;
  auto: boolean;
  scheduledFor: Date | null;
  scheduledUntil: Date | null;
  createdAt: Date;
  resolvedAt: Date | null;
  /** The affected components and the status the incident gives each. */
  components: { check: string; name: string; status: string }[];
  /** Oldest first. */
  updates: IncidentUpdateView[];
}

export interface SubscriberView {
  code: string;
  kind: string;
  /** The e-mail address or webhook URL. */
  target: string;
  confirmed: boolean;
  createdAt: Date;
}
