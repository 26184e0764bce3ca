// Counts vitest's results for the closing "N passed, M failed[, K skipped]" line. Under
// scripts/test.mjs (VIGIL_SUMMARY_DIR set) it writes the counts for the combined line printed
// after the browser tests; run alone (npx vitest run) it prints the line itself.
import fs from "node:fs";
import path from "node:path";
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let tests = 0;
      for (const test of mod.children.allTests()) {
        tests++;
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      // A file that failed to load has no tests but must count as a failure.
      if (mod.state() === "failed" && tests === 0) failed++;
    }
    const dir = process.env.VIGIL_SUMMARY_DIR;
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "vitest.json"), JSON.stringify({ passed, failed, skipped }));
      return;
    }
    const tail = skipped ? `, ${skipped} skipped` : "";
    process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`);
  }
}
