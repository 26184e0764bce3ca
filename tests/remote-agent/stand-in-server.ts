// A stand-in for the server's two agent routes (lib/agents/protocol-v1.ts) on loopback: it hands
// out `assignment`, stores results once per id, and can refuse the token, fail the results route
// or go away entirely (stop/start on the same port), as the network edge would.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AgentAssignment, AgentResult, AgentResultsBatch } from "../../lib/agents/protocol-v1";

export interface StandInRequest {
  route: string;
  headers: http.IncomingHttpHeaders;
  /** X-Vigil-Agent-Time, and the checks an assignment answer listed. */
  agentTime: number;
  checks?: string[];
  batch?: AgentResultsBatch;
}

export class StandInServer {
  assignment: AgentAssignment;
  /** "ok", "unauthorized" (401 on both routes) or "failing" (503 on results). */
  mode: "ok" | "unauthorized" | "failing" = "ok";
  readonly stored: AgentResult[] = [];
  readonly requests: StandInRequest[] = [];
  duplicates = 0;
  /** Store the next batch but cut the connection instead of answering (the answer lost on its way). */
  loseNextAnswer = false;
  private server = http.createServer((req, res) => void this.handle(req, res));
  private port = 0;

  constructor(assignment: Omit<AgentAssignment, "server_time">) {
    this.assignment = { ...assignment, server_time: 0 };
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const closed = new Promise((resolve) => this.server.close(resolve));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const route = (req.url ?? "").replace("/api/agent/v1/", "");
    const entry: StandInRequest = { route, headers: req.headers, agentTime: Number(req.headers["x-vigil-agent-time"]) };
    this.requests.push(entry);
    const answer = (status: number, json: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    };
    if (this.mode === "unauthorized" || req.headers.authorization !== "Bearer good-token") return answer(401, { error: "unknown or revoked agent token" });
    if (route === "assignment" && req.method === "GET") {
      entry.checks = this.assignment.checks.map((c) => c.id);
      return answer(200, { ...this.assignment, server_time: Date.now() });
    }
    if (route !== "results" || req.method !== "POST") return answer(404, { error: "not found" });
    if (this.mode === "failing") return answer(503, { error: "database unavailable" });
    const batch = (entry.batch = JSON.parse(body) as AgentResultsBatch);
    const seen = new Set(this.stored.map((r) => r.id));
    const fresh = batch.results.filter((r) => !seen.has(r.id));
    this.duplicates += batch.results.length - fresh.length;
    this.stored.push(...fresh);
    if (this.loseNextAnswer) return void ((this.loseNextAnswer = false), req.socket.destroy());
    answer(200, { accepted: fresh.length, duplicates: batch.results.length - fresh.length, rejected: [] });
  }
}
