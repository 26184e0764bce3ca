// Writes Playwright's counts to VIGIL_SUMMARY_DIR so scripts/test.mjs can print one closing
// "N passed, M failed" line for the whole suite (vitest + browser tests).
import fs from "node:fs";
import path from "node:path";
import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === "skipped") this.skipped++;
    else if (result.status === test.expectedStatus) this.passed++;
    else this.failed++;
  }

  onEnd(result: FullResult): void {
    // A run that never got to its tests (web server failed to start) still counts as a failure.
    if (result.status !== "passed" && this.failed === 0) this.failed++;
    const dir = process.env.VIGIL_SUMMARY_DIR;
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      const counts = { passed: this.passed, failed: this.failed, skipped: this.skipped };
      fs.writeFileSync(path.join(dir, "e2e.json"), JSON.stringify(counts));
    }
  }
}
