// The integration kinds the "Add integration" section offers, in display order. Adding a kind
// to the web app = an entry here, its form under app/(dashboard)/projects/[code]/integrations/
// add/<kind>/, its icon in kind-icon.tsx and (for the list) its summary in channel-summary.ts;
// validation and delivery stay in lib/channels/channel-kinds.ts and lib/integrations/.

// Whether the server offers a kind (WEBHOOKS_ENABLED, SLACK_ENABLED...) is decided by
// isChannelKindEnabled in lib/channels/channel-kinds.ts, the same rule the API applies.

export interface IntegrationKind {
  kind: string;
  label: string;
  description: string;
}

/** Setup help for the kinds whose only setting is an incoming-webhook URL (the chat services). */
export interface WebhookUrlKind {
  kind: string;
  /** Label of the URL field. */
  fieldLabel: string;
  /** An example URL of the right shape, for the field's placeholder. */
  example: string;
  /** Where to create the webhook in the service, step by step. */
  steps: readonly string[];
}

export const INTEGRATION_KINDS: readonly IntegrationKind[] = [
  { kind: "email", label: "Email", description: "Get an email message when a check goes up or down." },
  {
    kind: "webhook",
    label: "Webhook",
    description: "Receive an HTTP request when a check goes up or down, with a method, body and headers you choose.",
  },
  { kind: "slack", label: "Slack", description: "Post a message to a Slack channel through an incoming webhook." },
  { kind: "mattermost", label: "Mattermost", description: "Post a message to a Mattermost channel through an incoming webhook." },
  { kind: "rocketchat", label: "Rocket.Chat", description: "Post a message to a Rocket.Chat channel through an incoming webhook." },
  { kind: "discord", label: "Discord", description: "Post a message to a Discord channel through a channel webhook." },
  { kind: "msteamsw", label: "Microsoft Teams", description: "Post a card to a Teams channel or chat through a Workflows webhook." },
  { kind: "googlechat", label: "Google Chat", description: "Post a card to a Google Chat space through an incoming webhook." },
  { kind: "ntfy", label: "ntfy", description: "Push a notification to the ntfy app through ntfy.sh or your own ntfy server." },
  { kind: "po", label: "Pushover", description: "Push a notification to your phone or desktop, with an emergency priority that repeats until acknowledged." },
  { kind: "pd", label: "PagerDuty", description: "Trigger a PagerDuty incident when a check goes down and resolve it on recovery." },
  { kind: "opsgenie", label: "Opsgenie", description: "Create an Opsgenie alert when a check goes down and close it on recovery." },
  { kind: "gotify", label: "Gotify", description: "Push a notification through your Gotify server." },
  { kind: "victorops", label: "Splunk On-Call", description: "Open a Splunk On-Call (VictorOps) incident and recover it automatically." },
  { kind: "pagertree", label: "PagerTree", description: "Trigger and resolve PagerTree incidents through an integration webhook." },
  { kind: "spike", label: "Spike.sh", description: "Trigger and resolve Spike.sh incidents through an integration webhook." },
  { kind: "pushbullet", label: "Pushbullet", description: "Push a note to all your Pushbullet devices." },
  { kind: "telegram", label: "Telegram", description: "Get a message from our bot in a Telegram chat, group or channel." },
  { kind: "sms", label: "SMS", description: "Get a text message (through Twilio) when a check goes down or comes back up." },
  { kind: "whatsapp", label: "WhatsApp", description: "Get a WhatsApp message (through Twilio) when a check goes down or comes back up." },
  { kind: "call", label: "Phone call", description: "Get a phone call (through Twilio) that reads out the check's name when it goes down." },
  { kind: "zulip", label: "Zulip", description: "Post a message to a Zulip stream or send it privately, as your bot." },
  { kind: "matrix", label: "Matrix", description: "Post a message to a Matrix room through our bot account." },
  { kind: "shell", label: "Shell Command", description: "Run a command on the server when a check goes up or down." },
  { kind: "signal", label: "Signal", description: "Get a Signal message from this server's number, on your phone or username." },
  { kind: "group", label: "Group", description: "Pass alerts on to several other integrations of this project at once." },
];

export const WEBHOOK_URL_KINDS: readonly WebhookUrlKind[] = [
  {
    kind: "slack",
    fieldLabel: "Webhook URL",
    example: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
    steps: [
      "In Slack, open “Tools & settings” → “Manage apps”, create an app (or open yours) and turn on “Incoming Webhooks”.",
      "Choose “Add New Webhook to Workspace”, pick the channel, and allow it.",
      "Copy the webhook URL (it starts with https://hooks.slack.com/services/) and paste it below.",
    ],
  },
  {
    kind: "mattermost",
    fieldLabel: "Webhook URL",
    example: "https://mattermost.example.org/hooks/xxxxxxxxxxxxxxxxxxxxxxxxxx",
    steps: [
      "In Mattermost, open “Integrations” → “Incoming Webhooks” → “Add Incoming Webhook”.",
      "Pick the channel, save, and copy the URL Mattermost shows (…/hooks/…).",
      "Paste it below.",
    ],
  },
  {
    kind: "rocketchat",
    fieldLabel: "Webhook URL",
    example: "https://rocketchat.example.org/hooks/xxxxxxxxxxxxxxxxx/yyyyyyyyyyyyyyyyyyyy",
    steps: [
      "In Rocket.Chat, open “Administration” → “Workspace” → “Integrations” → “New” → “Incoming”.",
      "Turn it on, enter the channel (e.g. #ops) and the user to post as, and save.",
      "Copy the “Webhook URL” and paste it below.",
    ],
  },
  {
    kind: "discord",
    fieldLabel: "Webhook URL",
    example: "https://discord.com/api/webhooks/000000000000000000/xxxxxxxxxxxxxxxx",
    steps: [
      "In Discord, open the channel's settings → “Integrations” → “Webhooks” → “New Webhook”.",
      "Name it, choose the channel, and press “Copy Webhook URL”.",
      "Paste it below. Vigil posts to it in Slack's format (the URL plus /slack).",
    ],
  },
  {
    kind: "msteamsw",
    fieldLabel: "Workflow URL",
    example: "https://prod-00.westus.logic.azure.com:443/workflows/…/triggers/manual/paths/invoke?api-version=2016-06-01&sig=…",
    steps: [
      "In Teams, open the channel's “…” menu → “Workflows”, and pick the template “Post to a channel when a webhook request is received”.",
      "Finish the wizard, choosing the team and channel.",
      "Copy the URL it shows at the end and paste it below.",
    ],
  },
  {
    kind: "googlechat",
    fieldLabel: "Webhook URL",
    example: "https://chat.googleapis.com/v1/spaces/AAAAAAAAAAA/messages?key=…&token=…",
    steps: [
      "In Google Chat, open the space's menu → “Apps & integrations” → “Webhooks” → “Add webhook”.",
      "Name it, save, and copy the URL.",
      "Paste it below.",
    ],
  },
  {
    kind: "victorops",
    fieldLabel: "REST endpoint URL",
    example: "https://alert.victorops.com/integrations/generic/20131114/alert/xxxxxxxx/$routing_key",
    steps: [
      "In Splunk On-Call, open “Integrations” → “3rd Party Integrations” → “REST – Generic” and enable it.",
      "Copy the “URL to notify”, replace $routing_key with your routing key, and paste it below.",
    ],
  },
  {
    kind: "pagertree",
    fieldLabel: "Integration URL",
    example: "https://api.pagertree.com/integration/int_xxxxxxxx",
    steps: [
      "In PagerTree, open “Integrations” → “Create Integration” and choose “Healthchecks.io”.",
      "Save it, copy the “Endpoint URL” and paste it below.",
    ],
  },
  {
    kind: "spike",
    fieldLabel: "Webhook URL",
    example: "https://hooks.spike.sh/xxxxxxxx/push-events",
    steps: [
      "In Spike.sh, open “Integrations” → “Add integration” and choose “Healthchecks”.",
      "Copy the webhook URL it shows and paste it below.",
    ],
  },
];

/** The setup help of a webhook-URL kind, or undefined for kinds with their own form. */
export function getWebhookUrlKind(kind: string): WebhookUrlKind | undefined {
  return WEBHOOK_URL_KINDS.find((k) => k.kind === kind);
}

/** The display label of a kind ("Email"), or the raw kind for one the web app has no form for. */
export function getKindLabel(kind: string): string {
  return INTEGRATION_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

/** Whether the web app has an add/edit form for this kind. */
export function hasKindForm(kind: string): boolean {
  return INTEGRATION_KINDS.some((k) => k.kind === kind);
}
