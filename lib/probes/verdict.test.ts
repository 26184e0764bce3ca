// Checkup's verdict as a table: attempts, threshold and certificate in, status, notice and error out.
import { describe, expect, test } from "vitest";
import { type VerdictInput, judgeRun, median } from "./verdict";

const NOW = new Date("2026-06-01T12:00:00Z");
const DAY = 86_400_000;
const inDays = (d: number) => new Date(NOW.getTime() + d * DAY);
const ok = (rtt_ms: number) => ({ rtt_ms, error: null });
const bad = (error: string, rtt_ms = 5) => ({ rtt_ms, error });
const base: VerdictInput = { attempts: [ok(10)], threshold_rtt: 0, cert_expires: null, cert_expiry_threshold: null, now: NOW };

describe("judgeRun", () => {
  test.each<[string, Partial<VerdictInput>, ReturnType<typeof judgeRun>]>([
    ["one good attempt is healthy", {}, { status: "healthy", notice: null, error: null }],
    ["a failed attempt is down with its error", { attempts: [bad("connection refused")] }, { status: "down", notice: null, error: "connection refused" }],
    ["any failed attempt is down, with the first error", { attempts: [ok(1), bad("response status 500"), bad("timed out after 10 s")] }, { status: "down", notice: null, error: "response status 500" }],
    ["a failure beats slowness", { attempts: [bad("x", 900)], threshold_rtt: 100 }, { status: "down", notice: null, error: "x" }],
    ["a median over the threshold is degraded", { attempts: [ok(50), ok(300), ok(400)], threshold_rtt: 200 }, { status: "degraded", notice: "median round trip time exceeded threshold", error: null }],
    ["one slow attempt under a fast median is healthy", { attempts: [ok(50), ok(60), ok(4000)], threshold_rtt: 200 }, { status: "healthy", notice: null, error: null }],
    ["a median equal to the threshold is healthy", { attempts: [ok(200)], threshold_rtt: 200 }, { status: "healthy", notice: null, error: null }],
    ["threshold 0 is off", { attempts: [ok(99999)], threshold_rtt: 0 }, { status: "healthy", notice: null, error: null }],
    ["a certificate expiring within the threshold is degraded", { cert_expires: inDays(3.5), cert_expiry_threshold: 14 }, { status: "degraded", notice: "certificate expires in 3 days", error: null }],
    ["one day left is said in the singular", { cert_expires: inDays(1.2), cert_expiry_threshold: 14 }, { status: "degraded", notice: "certificate expires in 1 day", error: null }],
    ["hours left is 0 days", { cert_expires: inDays(0.2), cert_expiry_threshold: 14 }, { status: "degraded", notice: "certificate expires in 0 days", error: null }],
    ["a certificate beyond the threshold is healthy", { cert_expires: inDays(30), cert_expiry_threshold: 14 }, { status: "healthy", notice: null, error: null }],
    ["cert_expiry_threshold 0 turns the warning off", { cert_expires: inDays(1), cert_expiry_threshold: 0 }, { status: "healthy", notice: null, error: null }],
    ["an expired certificate is down", { cert_expires: inDays(-1), cert_expiry_threshold: 14 }, { status: "down", notice: null, error: "certificate has expired" }],
    ["an expired certificate is down even with the warning off", { cert_expires: inDays(-1), cert_expiry_threshold: 0 }, { status: "down", notice: null, error: "certificate has expired" }],
    ["types that do not judge certificates ignore them", { cert_expires: inDays(-1), cert_expiry_threshold: null }, { status: "healthy", notice: null, error: null }],
    ["slowness is named before an expiring certificate", { attempts: [ok(500)], threshold_rtt: 100, cert_expires: inDays(2), cert_expiry_threshold: 14 }, { status: "degraded", notice: "median round trip time exceeded threshold", error: null }],
    ["a failed attempt beats an expired certificate", { attempts: [bad("tls: certificate has expired")], cert_expires: inDays(-3), cert_expiry_threshold: 14 }, { status: "down", notice: null, error: "tls: certificate has expired" }],
  ])("%s", (_name, input, expected) => {
    expect(judgeRun({ ...base, ...input })).toEqual(expected);
  });
});

describe("median", () => {
  test.each<[number[], number]>([
    [[], 0],
    [[5], 5],
    [[9, 1, 5], 5],
    [[1, 2, 3, 10], 2.5],
  ])("median(%j) = %d", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
