// Shell integration (Healthchecks' Shell transport): runs the channel's command for the new
// status with /bin/sh -c on the machine sendalerts runs on. Only with SHELL_ENABLED=True.
// Stored config: {"cmd_down", "cmd_up"}; an empty command does nothing for that status.
import { execFile } from "node:child_process";
import { z } from "zod";
import type { Channel, Check, Flip } from "../db";
import { getEnv } from "../env";
import { readConfigObject, str } from "./config";
import type { KindDescriptor } from "./descriptor";
import { getTagList, getFlipDirection } from "./message";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";

const command = z.string({ error: "must be a string" }).max(1000, { error: "must be at most 1000 characters" }).default("");

const shellConfig = z
  .strictObject({ cmd_down: command, cmd_up: command })
  .refine((c) => c.cmd_down !== "" || c.cmd_up !== "", { error: "needs cmd_down or cmd_up" });

export interface ShellConfig {
  cmd_down: string;
  cmd_up: string;
}

export function readShellConfig(json: string): ShellConfig {
  const c = readConfigObject(json);
  return { cmd_down: str(c.cmd_down), cmd_up: str(c.cmd_up) };
}

const TIMEOUT_MS = 60_000;

function getCommand(channel: Channel, flip: Flip): string {
  const config = readShellConfig(channel.config);
  return getFlipDirection(flip) === "up" ? config.cmd_up : config.cmd_down;
}

/** POSIX single-quoting: the value reaches the command as one word, whatever it contains. */
export function shellQuote(s: string): string {
  return `'${s.replaceAll("'", `'"'"'`)}'`;
}

/**
 * The command with Healthchecks' placeholders replaced: $CODE, $STATUS, $NOW, and the
 * user-controlled $NAME, $TAGS, $TAG1.. shell-quoted. Longest names first, so $TAG10 is not
 * read as $TAG1 followed by "0".
 */
export function expandShellCommand(cmd: string, check: Pick<Check, "code" | "name" | "tags">, status: string, now = new Date()): string {
  const values: Record<string, string> = {
    $CODE: check.code,
    $STATUS: status,
    $NOW: now.toISOString().replace(/\.\d{3}Z$/, "+00:00"),
    $NAME: shellQuote(check.name),
    $TAGS: shellQuote(check.tags),
  };
  getTagList(check.tags).forEach((tag, i) => (values[`$TAG${i + 1}`] = shellQuote(tag)));
  const names = Object.keys(values).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(names.map((n) => n.replace("$", "\\$")).join("|"), "g");
  return cmd.replace(pattern, (m) => values[m]);
}

export const shellTransport: Transport = {
  kind: "shell",

  isNoop(channel: Channel, flip: Flip): boolean {
    return getCommand(channel, flip) === "";
  },

  async notify(ctx: NotifyContext): Promise<void> {
    if (!getEnv().shellEnabled) throw new TransportError("Shell commands are not enabled");
    const cmd = expandShellCommand(getCommand(ctx.channel, ctx.flip), ctx.check, ctx.flip.newStatus);
    const code = await new Promise<number>((resolve, reject) => {
      execFile("/bin/sh", ["-c", cmd], { timeout: TIMEOUT_MS, killSignal: "SIGKILL" }, (err) => {
        if (!err) return resolve(0);
        if (err.killed) return reject(new TransportError(`Command timed out after ${TIMEOUT_MS / 1000} seconds`));
        if (typeof err.code === "number") return resolve(err.code);
        reject(new TransportError(`Could not run the command: ${err.message}`));
      });
    });
    if (code !== 0) throw new TransportError(`Command returned exit code ${code}`);
  },
};

export const shellKind: KindDescriptor<ShellConfig> = {
  kind: "shell",
  label: "Shell Command",
  description: "Run a command on the server when a check goes up or down.",
  icon: "shell",
  configSchema: shellConfig,
  readConfig: readShellConfig,
  transport: shellTransport,
  form: {
    layout: "settings",
    steps: [
      "The commands run with /bin/sh on the server that sends the alerts, for at most 60 seconds; a non-zero exit status is shown as an error.",
      "Placeholders: $CODE, $STATUS, $NOW, $NAME, $TAGS and $TAG1, $TAG2… ($NAME and the tags are quoted for the shell). Leave a command empty to do nothing for that event.",
    ],
    fields: [
      { name: "cmd_down", label: "Command when a check goes down", type: "text", maxLength: 1000, placeholder: "/usr/local/bin/page-oncall $NAME" },
      { name: "cmd_up", label: "Command when a check comes back up", type: "text", maxLength: 1000 },
    ],
    toConfig: (v) => ({ config: { cmd_down: v.cmd_down, cmd_up: v.cmd_up } }),
    fromConfig: (c) => ({ cmd_down: c.cmd_down, cmd_up: c.cmd_up }),
    errorFields: { "": "cmd_down" },
    messages: { "": { invalid: "Enter a command for the down event, the up event, or both." } },
  },
  summarize: (c) => [...(c.cmd_down ? [`Down: ${c.cmd_down}`] : []), ...(c.cmd_up ? [`Up: ${c.cmd_up}`] : [])],
  // Runs commands on the server, so it is off unless the administrator turns it on.
  isEnabled: (env) => env.shellEnabled,
};
