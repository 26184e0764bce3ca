// The agent runs on machines with no database and no server configuration: nothing
// lib/remote-agent loads at run time, directly or through another module, may reach the
// database, the ping path or the generated Prisma client.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { expect, test } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FORBIDDEN_DIRS = ["lib/db", "lib/store", "lib/pings", "lib/generated", "lib/prober"];
const FORBIDDEN_PACKAGES = ["@prisma/client", "prisma", "pg", "better-sqlite3"];

/** The value imports of a file (type-only ones vanish at run time), as written. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly || (clause !== undefined && !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) specs.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      specs.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      specs.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specs;
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith(".") && !spec.startsWith("@/")) return null;
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return base;
}

test("lib/remote-agent reaches no database, ping path or Prisma code, even indirectly", () => {
  const entries = fs
    .readdirSync(import.meta.dirname)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => path.join(import.meta.dirname, f));
  expect(entries.length).toBeGreaterThan(3);
  const broken: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file) || !/\.tsx?$/.test(file)) return;
    seen.add(file);
    for (const spec of valueImports(file)) {
      const target = resolve(file, spec);
      const rel = target ? path.relative(ROOT, target) : null;
      const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
      const via = [...chain, path.relative(ROOT, file)].join(" -> ");
      if (rel === null ? FORBIDDEN_PACKAGES.includes(pkg) : FORBIDDEN_DIRS.some((d) => rel === `${d}.ts` || rel.startsWith(`${d}/`) || rel === d)) {
        broken.push(`${via} imports ${spec}`);
      } else if (target) {
        walk(target, [...chain, path.relative(ROOT, file)]);
      }
    }
  };
  for (const entry of entries) walk(entry, []);
  expect(broken).toEqual([]);
  expect(seen.size).toBeGreaterThan(entries.length);
});
