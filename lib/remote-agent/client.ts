// The agent's side of the wire protocol (lib/agents/protocol-v1.ts): two requests, both asked by
// the agent. fetch (Node's built-in undici) rather than lib/http.ts: that seam is for
// notifications (SSRF guard, its own retries); the agent talks to one server its operator
// named, and retrying is the run loop's business, since a batch stays queued until answered.
import packageJson from "../../package.json" with { type: "json" };
import {
  AGENT_API_PREFIX,
  AGENT_TIME_HEADER,
  AGENT_VERSION_HEADER,
  type AgentAssignment,
  type AgentResultsAnswer,
  type AgentResultsBatch,
} from "../agents/protocol-v1";

export const AGENT_VERSION: string = packageJson.version;

/** 401: the token is missing, unknown or revoked. The agent stops with `message` (the server's). */
export class AgentAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AgentAuthError";
  }
}

/**
 * The server did not answer usefully this time: network error, timeout, 429, 5xx, or another
 * status the agent cannot act on. The same request is to be made again later. `tooLarge` is a
 * 413: the batch must shrink before it is sent again.
 */
export class AgentUnavailableError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = "AgentUnavailableError";
  }
}

export interface AgentClientOptions {
  /** The server's base URL, e.g. https://vigil.example.org (a path prefix is kept). */
  server: string;
  token: string;
  /** One request's limit, ms (default 30 s). */
  timeoutMs?: number;
  /** The agent's clock for X-Vigil-Agent-Time (the run loop's, so tests with a faster one agree). */
  now?: () => number;
}

/** Talks to one server with one agent token. Methods throw AgentAuthError or AgentUnavailableError. */
export class AgentClient {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: AgentClientOptions) {
    this.base = `${options.server.replace(/\/+$/, "")}${AGENT_API_PREFIX}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async getAssignment(signal?: AbortSignal): Promise<AgentAssignment> {
    const a = await this.send<Partial<AgentAssignment>>("GET", "assignment", undefined, signal);
    if (typeof a?.agent?.region !== "string" || typeof a.poll_seconds !== "number" || !Array.isArray(a.checks)) {
      throw new AgentUnavailableError("assignment: the answer is not an assignment");
    }
    return a as AgentAssignment;
  }

  async postResults(batch: AgentResultsBatch, signal?: AbortSignal): Promise<AgentResultsAnswer> {
    const answer = await this.send<Partial<AgentResultsAnswer>>("POST", "results", JSON.stringify(batch), signal);
    // Without a well-formed answer the batch is not known to be stored: it is sent again.
    if (typeof answer?.accepted !== "number" || typeof answer.duplicates !== "number" || !Array.isArray(answer.rejected)) {
      throw new AgentUnavailableError("results: the answer is not a results answer");
    }
    return answer as AgentResultsAnswer;
  }

  private async send<T>(method: string, route: string, body: string | undefined, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.base + route, {
        method,
        body,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          [AGENT_VERSION_HEADER]: AGENT_VERSION,
          [AGENT_TIME_HEADER]: String(Math.round((this.options.now ?? Date.now)())),
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await res.text();
    } catch (err) {
      // fetch hides the reason (ECONNREFUSED, ENOTFOUND, certificate) in `cause`.
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : null;
      const message = timeout.aborted ? `no answer within ${this.timeoutMs / 1000} s` : (cause ?? (err instanceof Error ? err.message : String(err)));
      throw new AgentUnavailableError(message);
    }
    if (res.status === 200) {
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new AgentUnavailableError(`${route}: the answer is not JSON (is ${this.options.server} a Vigil server?)`);
      }
    }
    const message = errorMessage(text) ?? `HTTP ${res.status}`;
    if (res.status === 401) throw new AgentAuthError(message);
    throw new AgentUnavailableError(`${route}: ${res.status} ${message}`, res.status === 413);
  }
}

/** The server's `{"error": "..."}` (or `{"error": {"message"}}`), else null. */
function errorMessage(text: string): string | null {
  try {
    const json = JSON.parse(text) as { error?: unknown };
    if (typeof json.error === "string") return json.error;
    if (json.error && typeof json.error === "object" && typeof (json.error as { message?: unknown }).message === "string") {
      return (json.error as { message: string }).message;
    }
  } catch {
    // Not JSON: a proxy's HTML page. The status says enough.
  }
  return null;
}

/** Exponential backoff with jitter: ~1 s, 2 s, 4 s … capped at `capMs` (default 30 s). */
export function getBackoffMs(failures: number, { baseMs = 1000, capMs = 30_000 } = {}): number {
  const ms = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ms * (0.75 + Math.random() * 0.25));
}

/** Why an assignment cannot be run as `region` (the token is another region's agent), or null. */
export function getRegionMismatch(assignment: Pick<AgentAssignment, "agent">, region: string | undefined): string | null {
  if (!region || assignment.agent.region === region) return null;
  return `the token belongs to agent "${assignment.agent.name}" of region ${assignment.agent.region}, not ${region}`;
}
