// The config-as-code commands of `vigil` (plan, apply, export, schema, message) as functions of
// their arguments, so scripts/vigil.ts stays glue and tests run them without a child process.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ApiClient } from "./api-client";
import { applyConfig } from "./apply";
import { exportConfig } from "./export-config";
import { ConfigError, getConfigJsonSchema } from "./model";
import { parseConfigText, type ParsedConfig } from "./parse-file";
import { computePlan, formatPlan, hasChanges } from "./plan";
import { MESSAGE_STATUSES, postMessage, type MessageStatus } from "./post-message";
import { readLiveProject } from "./state";

export const CONFIG_COMMANDS = ["plan", "apply", "export", "schema", "message"] as const;

export interface CommandIo {
  /** VIGIL_URL and VIGIL_API_KEY, which --url and --api-key override. */
  env: { url?: string; apiKey?: string };
  /** Where relative paths start. */
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

export const CONFIG_USAGE = `  plan -f vigil.yml [--prune] [--json]
                        show what apply would create, change or delete (field by field) and
                        what was changed on the server since the last apply (drift); exit 0
                        when nothing would change, 2 when something would, 1 on an error
  apply -f vigil.yml [--prune]
                        make the project match the file (a Checkup checkup.json works too);
                        --prune also deletes what the file does not declare
  export [-o vigil.yml] print the project as a vigil.yml
  schema                print the JSON Schema of vigil.yml (for editors)
  message --about "<component>" [--status investigating|identified|monitoring|resolved] "text"
                        post an incident update to the status pages showing that component
                        (plan, apply, export and message talk to the management API:
                        --url/VIGIL_URL, --api-key/VIGIL_API_KEY)
`;

function readConfigFile(file: string | undefined, cwd: string): ParsedConfig {
  if (!file) throw new ConfigError("which file? pass -f vigil.yml (or a Checkup checkup.json)");
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(full, "utf8");
  } catch {
    throw new ConfigError(`cannot read ${file}`);
  }
  return parseConfigText(text, full);
}

async function run(command: string, args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      file: { type: "string", short: "f" },
      output: { type: "string", short: "o" },
      prune: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      url: { type: "string" },
      "api-key": { type: "string" },
      about: { type: "string" },
      status: { type: "string" },
    },
    allowPositionals: command === "message",
    strict: true,
  });
  const client = () => new ApiClient({ url: values.url ?? io.env.url ?? "", apiKey: values["api-key"] ?? io.env.apiKey ?? "" });
  switch (command) {
    case "schema":
      io.out(`${JSON.stringify(getConfigJsonSchema(), null, 2)}\n`);
      return 0;
    case "plan": {
      const parsed = readConfigFile(values.file, io.cwd);
      const plan = computePlan(parsed, await readLiveProject(client()), { prune: values.prune });
      io.out(values.json ? `${JSON.stringify(plan, null, 2)}\n` : `${formatPlan(plan)}\n`);
      return hasChanges(plan) ? 2 : 0;
    }
    case "apply": {
      const parsed = readConfigFile(values.file, io.cwd);
      const { plan, log } = await applyConfig(client(), parsed, { prune: values.prune });
      for (const w of plan.warnings) io.err(`warning: ${w}\n`);
      io.out(log.length ? `${log.join("\n")}\nApplied.\n` : "No changes: the project matches the file.\n");
      return 0;
    }
    case "export": {
      const { yaml, warnings } = await exportConfig(client());
      for (const w of warnings) io.err(`warning: ${w}\n`);
      if (values.output) {
        fs.writeFileSync(path.resolve(io.cwd, values.output), yaml);
        io.out(`Wrote ${values.output}\n`);
      } else {
        io.out(yaml);
      }
      return 0;
    }
    case "message": {
      if (!values.about) throw new ConfigError('message needs --about "<component name>"');
      if (values.status !== undefined && !(MESSAGE_STATUSES as readonly string[]).includes(values.status)) {
        throw new ConfigError(`--status must be one of ${MESSAGE_STATUSES.join(", ")}`);
      }
      const lines = await postMessage(client(), { about: values.about, text: positionals.join(" "), status: values.status as MessageStatus | undefined });
      io.out(`${lines.join("\n")}\n`);
      return 0;
    }
    default:
      throw new ConfigError(`unknown command "${command}"`);
  }
}

/** Runs one command; returns its exit code (errors are printed as "vigil: …" and give 1). */
export async function runConfigCommand(command: string, args: string[], io: CommandIo): Promise<number> {
  try {
    return await run(command, args, io);
  } catch (err) {
    // parseArgs' own errors (unknown option…) are TypeErrors with a code.
    const known = err instanceof ConfigError || (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS"));
    if (!known) throw err;
    io.err(`vigil ${command}: ${err.message}\n`);
    return 1;
  }
}
