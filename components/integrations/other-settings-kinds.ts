// The setup forms of Zulip, Matrix, Shell, Group and Signal: entries of SETTINGS_KINDS (settings-kinds.ts),
// validated by the schemas in lib/channels/other-configs.ts. Pure.
import { readGroupChannelCodes, readMatrixRoom, readShellConfig, readSignalConfig, readZulipConfig } from "@/lib/channels/other-configs";
import type { SettingsKind } from "./settings-kinds";

export const OTHER_SETTINGS_KINDS: readonly SettingsKind[] = [
  {
    kind: "zulip",
    steps: [
      "In Zulip, open “Personal settings” → “Bots” → “Add a new bot”, choose “Incoming webhook” and create it.",
      "Copy the bot's email and API key (from its “Download zuliprc” link) and enter them below with your Zulip server's address.",
      "Choose the stream (and topic) or the people to message.",
    ],
    fields: [
      { name: "bot_email", label: "Bot email", type: "text", required: true, maxLength: 254, placeholder: "alerts-bot@example.zulipchat.com" },
      { name: "api_key", label: "Bot API key", type: "password", required: true, maxLength: 100 },
      { name: "site", label: "Zulip server", type: "url", required: true, maxLength: 200, placeholder: "https://example.zulipchat.com" },
      {
        name: "mtype",
        label: "Post to",
        type: "select",
        options: [
          { value: "stream", label: "A stream" },
          { value: "private", label: "Private message" },
        ],
      },
      { name: "to", label: "Stream name, or the recipients' emails", type: "text", required: true, maxLength: 200, placeholder: "ops" },
      { name: "topic", label: "Topic (optional)", type: "text", maxLength: 100, hint: "Default: “<check name> is DOWN” (or UP)." },
    ],
    toConfig: (v) => ({ bot_email: v.bot_email, api_key: v.api_key, mtype: v.mtype, to: v.to, site: v.site, topic: v.topic }),
    fromConfig: (json) => {
      const c = readZulipConfig(json);
      return { bot_email: c.bot_email, api_key: c.api_key, site: c.site, mtype: c.mtype, to: c.to, topic: c.topic };
    },
    summarize: (json) => {
      const c = readZulipConfig(json);
      if (!c.to) return [];
      return [c.mtype === "private" ? `Private message to ${c.to}` : `Stream ${c.to}${c.topic ? `, topic ${c.topic}` : ""}`];
    },
  },
  {
    kind: "matrix",
    steps: [
      "If the room is not public, invite this server's Matrix bot to it first (if saving fails, the message names the bot's account).",
      "Enter the room's id (Room settings → Advanced, “!abc…:server”) or its address (“#ops:server”). The bot joins the room when you save.",
    ],
    fields: [{ name: "value", label: "Room id or address", type: "text", required: true, maxLength: 200, placeholder: "!abcdefgh:matrix.org" }],
    toConfig: (v) => ({ value: v.value }),
    fromConfig: (json) => ({ value: readMatrixRoom(json) }),
    summarize: (json) => {
      const room = readMatrixRoom(json);
      return room ? [room] : [];
    },
  },
  {
    kind: "shell",
    steps: [
      "The commands run with /bin/sh on the server that sends the alerts, for at most 60 seconds; a non-zero exit status is shown as an error.",
      "Placeholders: $CODE, $STATUS, $NOW, $NAME, $TAGS and $TAG1, $TAG2… ($NAME and the tags are quoted for the shell). Leave a command empty to do nothing for that event.",
    ],
    fields: [
      { name: "cmd_down", label: "Command when a check goes down", type: "text", maxLength: 1000, placeholder: "/usr/local/bin/page-oncall $NAME" },
      { name: "cmd_up", label: "Command when a check comes back up", type: "text", maxLength: 1000 },
    ],
    toConfig: (v) => ({ cmd_down: v.cmd_down, cmd_up: v.cmd_up }),
    fromConfig: (json) => readShellConfig(json),
    errorFields: { "": "cmd_down" },
    summarize: (json) => {
      const c = readShellConfig(json);
      return [...(c.cmd_down ? [`Down: ${c.cmd_down}`] : []), ...(c.cmd_up ? [`Up: ${c.cmd_up}`] : [])];
    },
  },
  {
    // The setup page is the pick-list of group-form.tsx; this entry serves the integrations list
    // (summarize) and the API-style fields below only document the stored config.
    kind: "group",
    steps: [
      "A group passes each alert on to other integrations of this project, so checks can share one set of destinations.",
      "Enter the ids of the member integrations (the UUIDs in their edit pages' addresses, or from GET /api/v3/channels/), separated by commas. Groups inside a group are skipped.",
    ],
    fields: [
      {
        name: "value",
        label: "Member integration ids",
        type: "text",
        required: true,
        maxLength: 3700,
        placeholder: "4ec65fb4-0a2f-4c94-9a8c-2fb0e0ef0cbc, 9f4e0d27-…",
      },
    ],
    toConfig: (v) => ({ value: v.value }),
    fromConfig: (json) => ({ value: readGroupChannelCodes(json).join(",") }),
    summarize: (json) => {
      const n = readGroupChannelCodes(json).length;
      return [n === 1 ? "1 integration" : `${n} integrations`];
    },
  },
  {
    kind: "signal",
    steps: [
      "Enter the phone number (international format) or the Signal username (e.g. alice.01) to message.",
      "Messages come from this server's Signal number; save it in your contacts so they are not filtered as requests.",
    ],
    fields: [
      { name: "value", label: "Phone number or username", type: "text", required: true, maxLength: 50, placeholder: "+15551234567" },
      { name: "down", label: "When a check goes down", type: "checkbox" },
      { name: "up", label: "When a check comes back up", type: "checkbox" },
    ],
    toConfig: (v) => ({ value: v.value, up: v.up === "on", down: v.down === "on" }),
    fromConfig: (json) => {
      const c = readSignalConfig(json);
      return { value: c.value, down: c.down ? "on" : "", up: c.up ? "on" : "" };
    },
    errorFields: { "": "down" },
    summarize: (json) => {
      const c = readSignalConfig(json);
      if (!c.value) return [];
      return [`${c.value} (${c.up && c.down ? "down and up" : c.down ? "down only" : "up only"})`];
    },
  },
];
