// Shell integration (Healthchecks' Shell transport): runs the channel's command for the new
// status with /bin/sh -c on the machine sendalerts runs on. Only with SHELL_ENABLED=True.
import { execFile } from "node:child_process";
import type { Channel, Check, Flip } from "../db";
import { getEnv } from "../env";
import { getTagList } from "../alerts/flip-details";
import { readShellConfig } from "../channels/other-configs";
import { TransportError, type NotifyContext, type Transport } from "./transport";

const TIMEOUT_MS = 60_000;

function getCommand(channel: Channel, flip: Flip): string {
  const config = readShellConfig(channel.config);
  return flip.newStatus === "up" ? config.cmd_up : config.cmd_down;
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
