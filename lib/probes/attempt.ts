// What one attempt records while it runs, and the small helpers every probe type uses to wait
// on a socket without outliving the attempt's deadline.
import type { Socket } from "node:net";
import { performance } from "node:perf_hooks";
import type { ProbeTimings } from "./types";

type Phase = "dns_ms" | "connect_ms" | "tls_ms" | "ttfb_ms";

/** Milliseconds rounded to the microsecond. */
export const roundMs = (ms: number): number => Math.round(ms * 1000) / 1000;

/** The certificate a TLS peer showed: its leaf's expiry and issuer. */
export interface PeerCertificate {
  expires: Date;
  issuer: string | null;
}

/**
 * Timings and facts of one attempt, filled in as they happen on the socket. Each phase is its own
 * duration (DNS lookup, TCP connect, TLS handshake, then request sent to first response byte),
 * measured with the monotonic clock from where the previous phase ended, so the phases stack
 * within total_ms. Redirects add their hops' phases up.
 */
export class AttemptRecorder {
  private readonly start = performance.now();
  private mark = this.start;
  private readonly phases: Record<Phase, number | null> = { dns_ms: null, connect_ms: null, tls_ms: null, ttfb_ms: null };
  private ended: number | null = null;
  resolvedIp: string | null = null;
  httpStatus: number | null = null;
  cert: PeerCertificate | null = null;
  evidence: string | null = null;
  private readonly sockets = new Set<Socket>();

  /**
   * Keeps a socket to destroy when the attempt is over, whatever happened. Its errors are
   * reported by whichever phase is waiting on it; one that comes between phases (or after the
   * answer was judged) must not crash the process, and the attempt's timeout ends any wait.
   */
  track<S extends Socket>(socket: S): S {
    socket.on("error", () => {});
    this.sockets.add(socket);
    return socket;
  }

  /** Starts timing a phase from now (after a wait that belongs to no phase). */
  restart(): void {
    this.mark = performance.now();
  }

  /** Ends the phase that started at the last mark. */
  end(phase: Phase): void {
    const now = performance.now();
    this.phases[phase] = (this.phases[phase] ?? 0) + (now - this.mark);
    this.mark = now;
  }

  finish(): void {
    this.ended ??= performance.now();
  }

  timings(): ProbeTimings {
    const round = (v: number | null) => (v === null ? null : roundMs(v));
    return {
      dns_ms: round(this.phases.dns_ms),
      connect_ms: round(this.phases.connect_ms),
      tls_ms: round(this.phases.tls_ms),
      ttfb_ms: round(this.phases.ttfb_ms),
      total_ms: roundMs((this.ended ?? performance.now()) - this.start),
    };
  }

  close(): void {
    // Newest first: a TLS socket before the TCP socket it wraps. Destroying the TCP socket under
    // a live TLS socket crashed Node 20 (a segfault on the next handshake).
    for (const s of [...this.sockets].reverse()) s.destroy();
    this.sockets.clear();
  }
}

/** Why the signal fired: the attempt's timeout error, or a generic abort. */
export function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error("aborted");
}

/**
 * `promise`, or a rejection as soon as `signal` aborts (for work that cannot be cancelled, such
 * as the system resolver's lookup).
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

/** Resolves after `ms`, or rejects when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Node's socket and resolver error codes in the words an operator reads in the event log. */
export function describeNetError(err: unknown, host?: string): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
      return "connection reset by peer";
    case "EHOSTUNREACH":
      return "host unreachable";
    case "ENETUNREACH":
      return "network unreachable";
    case "ETIMEDOUT":
      return "connection timed out";
    case "ENOTFOUND":
      return host ? `no such host ${host}` : "no such host";
    case "EAI_AGAIN":
      return host ? `temporary failure resolving ${host}` : "temporary DNS failure";
    case "EPIPE":
      return "connection closed by peer";
    default:
      return e instanceof Error ? e.message : String(err);
  }
}
