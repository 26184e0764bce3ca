// The layout rules of CODE_STYLE.md, checked on every run: a broken rule fails here with the
// file and the import at fault, so the layout cannot drift back one "quick fix" at a time.
// Imports are read with TypeScript's own parser (no extra dependency). `import type` is free:
// types vanish at run time and create no load order, so only value imports count.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXTENSIONS = [".ts", ".tsx", ".mjs", ".js"];

interface Import {
  spec: string;
  /** The project file it resolves to, relative to the root; null for a package. */
  target: string | null;
  /** The package for non-project imports: "next", "node:fs", "@prisma/client". */
  pkg: string | null;
  line: number;
}

interface Source {
  file: string;
  text: string;
  /** Imports that exist at run time. */
  imports: Import[];
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(child);
      } else if (EXTENSIONS.some((e) => entry.name.endsWith(e)) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        out.push(child);
      }
    }
  };
  if (fs.existsSync(path.join(ROOT, dir))) walk(dir);
  return out;
}

function resolveSpec(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)]) {
    const full = path.join(ROOT, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  // Generated code that is not built yet still names where it lives.
  return base;
}

function packageName(spec: string): string {
  if (spec.startsWith("node:")) return spec;
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? spec);
}

function readImports(file: string, text: string): Import[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imports: Import[] = [];
  const add = (spec: string, node: ts.Node) => {
    const target = resolveSpec(file, spec);
    imports.push({ spec, target, pkg: target === null ? packageName(spec) : null, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause !== undefined && !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) add(node.moduleSpecifier.text, node);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) add(node.moduleSpecifier.text, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) add(arg.text, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return imports;
}

const SOURCES: Source[] = ["lib", "app", "components", "scripts", "bin"].flatMap(listFiles).map((file) => {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return { file, text, imports: readImports(file, text) };
});
const BY_FILE = new Map(SOURCES.map((s) => [s.file, s]));

const under = (dir: string) => (file: string | null) => file !== null && (file === dir || file.startsWith(`${dir}/`));
const inApp = under("app");
const inComponents = under("components");
const inLib = under("lib");

/** lib's concept a file belongs to: "checks" for lib/checks/x.ts, "http" for lib/http.ts. */
function concept(file: string): string {
  return (file.split("/")[1] ?? "").replace(/\.(ts|tsx|mjs|js)$/, "");
}

/** Every value import that breaks `rule` (which returns why, or null), as "file:line imports spec: why". */
function broken(rule: (s: Source, i: Import) => string | null): string[] {
  const out: string[] = [];
  for (const s of SOURCES) {
    for (const i of s.imports) {
      const why = rule(s, i);
      if (why) out.push(`${s.file}:${i.line} imports ${i.spec}: ${why}`);
    }
  }
  return out;
}

/** Lines of the given files that match `pattern`, as "file:line: text". */
function matchingLines(files: Source[], pattern: RegExp): string[] {
  const out: string[] = [];
  for (const s of files) s.text.split("\n").forEach((line, n) => pattern.test(line) && out.push(`${s.file}:${n + 1}: ${line.trim()}`));
  return out;
}

// Infrastructure: one seam each (configuration, errors, the database client, outgoing HTTP and
// mail, address policy, byte-compatibility quirks, formatting). They import no feature.
const INFRASTRUCTURE = new Set(["env", "errors", "lifecycle", "db", "migrate", "throttled-log", "compat", "format", "net", "http", "mail", "generated"]);

// The feature chain a ping travels, lowest first: schedules decide deadlines, checks hold the
// status rules, pings record (and wake sendalerts), integrations deliver one notification,
// alerts (sendalerts) scans, claims and hands flips to integrations. A concept of the chain
// imports only concepts before it.
const CHAIN = ["schedules", "checks", "pings", "integrations", "alerts"];

// Folder-level cycles that are deliberate. Each is one named import; everything else in lib/
// must form a graph without cycles between concepts (and there are none between files).
const ALLOWED_CYCLE_IMPORTS = new Set([
  // The ping store is the ping path's database adapter: record-ping drives it, and it runs the
  // pure processing of lib/pings inside its transaction.
  "lib/store/pg-ping-store.ts -> lib/pings/process-ping.ts",
  "lib/store/sqlite-ping-store.ts -> lib/pings/process-ping.ts",
  "lib/store/pg-ping-store.ts -> lib/pings/wake.ts",
  // A multi-region round is decided as soon as every region with a live agent has reported, so
  // deciding reads agent liveness, while agent ingest records its runs through lib/pings.
  "lib/pings/decide-probe-round.ts -> lib/agents/liveness.ts",
  // REMOTE_USER_HEADER sign-in creates the account the first time a proxy names it; the rest of
  // lib/auth sits below lib/users, whose verbs ask lib/auth's permissions.
  "lib/auth/session.ts -> lib/users/provision-user.ts",
]);

describe("architecture", () => {
  test("app/ reaches the database only through lib/ verbs", () => {
    expect(
      broken((s, i) => {
        if (!inApp(s.file)) return null;
        if (i.target === "lib/db.ts" || under("lib/generated")(i.target)) return "pages and routes call lib/ verbs";
        if (i.pkg === "@prisma/client" || i.pkg === "prisma" || i.pkg === "pg" || i.pkg === "better-sqlite3") return "pages and routes call lib/ verbs";
        return null;
      }),
    ).toEqual([]);
  });

  test("components/ import only pure modules of lib/ (no database, no configuration, no Node built-ins)", () => {
    const impure = new Map<string, string | null>();
    const why = (file: string, seen = new Set<string>()): string | null => {
      if (impure.has(file)) return impure.get(file) ?? null;
      if (seen.has(file)) return null;
      seen.add(file);
      let reason: string | null = null;
      if (file === "lib/db.ts" || file === "lib/env.ts") reason = `${file} runs only on the server`;
      for (const i of BY_FILE.get(file)?.imports ?? []) {
        if (reason) break;
        if (i.pkg && (i.pkg.startsWith("node:") || ["pg", "better-sqlite3", "nodemailer", "next-auth", "@prisma/client"].includes(i.pkg))) reason = `${file} imports ${i.pkg}`;
        else if (i.target && inLib(i.target)) reason = why(i.target, seen);
      }
      impure.set(file, reason);
      return reason;
    };
    expect(broken((s, i) => (inComponents(s.file) && i.target && inLib(i.target) ? why(i.target) : null))).toEqual([]);
  });

  test("lib/ never imports app/, components/ or Next.js (next-auth glue in lib/auth and the Next handler excepted)", () => {
    expect(
      broken((s, i) => {
        if (!inLib(s.file)) return null;
        if (inApp(i.target) || inComponents(i.target)) return "lib runs without the web app (CLI, workers)";
        if (i.pkg !== "next" && i.pkg !== "next-auth" && i.pkg !== "react") return null;
        if (s.file.startsWith("lib/auth/")) return null;
        // The front server hands every request it does not answer itself to Next.
        if (s.file === "lib/server/load-next.ts" && i.pkg === "next") return null;
        return "lib runs without Next.js (CLI, workers)";
      }),
    ).toEqual([]);
  });

  test("scripts/ are glue over lib/", () => {
    expect(
      broken((s, i) => {
        if (!under("scripts")(s.file) || i.target === null) return null;
        if (inLib(i.target) || under("scripts")(i.target) || under("prisma")(i.target)) return null;
        // The benchmark starts a throwaway PostgreSQL cluster the way the test suite does.
        if (s.file === "scripts/bench.ts" && i.target === "tests/helpers/postgres-cluster.ts") return null;
        return "scripts import lib/, not pages or tests";
      }),
    ).toEqual([]);
  });

  test("only lib/env.ts reads the environment", () => {
    // The .mjs launchers run before dependencies are installed or TypeScript is compiled, so
    // they cannot ask lib/env.ts; they only pass the environment on to the processes they start.
    const typescript = SOURCES.filter((s) => s.file !== "lib/env.ts" && /\.tsx?$/.test(s.file));
    expect(matchingLines(typescript, /process\.env\b/)).toEqual([]);
  });

  test("infrastructure modules import no feature", () => {
    expect(
      broken((s, i) => {
        if (!inLib(s.file) || !INFRASTRUCTURE.has(concept(s.file)) || !i.target || !inLib(i.target)) return null;
        return INFRASTRUCTURE.has(concept(i.target)) ? null : `infrastructure must not depend on lib/${concept(i.target)}`;
      }),
    ).toEqual([]);
  });

  test("the ping's chain runs one way: schedules, checks, pings, integrations, alerts", () => {
    expect(
      broken((s, i) => {
        if (!inLib(s.file) || !i.target || !inLib(i.target)) return null;
        const from = CHAIN.indexOf(concept(s.file));
        const to = CHAIN.indexOf(concept(i.target));
        return from !== -1 && to > from ? `lib/${CHAIN[from]} comes before lib/${CHAIN[to]}` : null;
      }),
    ).toEqual([]);
  });

  test("an integration never imports another, and generic code reaches kinds through the registry", () => {
    // A kind is a module or folder of lib/integrations holding a descriptor (KindDescriptor);
    // the rest of the folder (config readers, forms, the message kit, the registry) is shared.
    const kindOf = (file: string): string => {
      const rest = file.slice("lib/integrations/".length);
      return rest.includes("/") ? (rest.split("/")[0] ?? rest) : rest.replace(/\.tsx?$/, "");
    };
    const kinds = new Set(
      SOURCES.filter((s) => s.file.startsWith("lib/integrations/") && /:\s*KindDescriptor<|\bKindDescriptor<[^>]*>\s*=/.test(s.text)).map((s) => kindOf(s.file)),
    );
    expect(kinds.size).toBeGreaterThan(20);
    expect(
      broken((s, i) => {
        if (!i.target?.startsWith("lib/integrations/") || s.file === "lib/integrations/registry.ts") return null;
        const to = kindOf(i.target);
        if (!kinds.has(to)) return null;
        if (s.file.startsWith("lib/integrations/")) {
          const from = kindOf(s.file);
          if (from === to) return null;
          return kinds.has(from) ? `the ${from} integration imports the ${to} integration` : "shared integration code must not depend on one kind";
        }
        // The public routes of one kind (email's confirm and unsubscribe links, Telegram's bot
        // webhook and /start link) belong to that kind; every other page and module goes
        // through lib/integrations/registry.ts.
        if (s.file.startsWith("app/integrations/")) return null;
        return "kinds are reached through lib/integrations/registry.ts";
      }),
    ).toEqual([]);
  });

  test("no import cycles between modules", () => {
    const graph = new Map(SOURCES.filter((s) => inLib(s.file)).map((s) => [s.file, s.imports.flatMap((i) => (i.target && inLib(i.target) ? [i.target] : []))]));
    expect(findCycles(graph)).toEqual([]);
  });

  test("no import cycles between lib/ concepts, but the deliberate ones", () => {
    const graph = new Map<string, Set<string>>();
    for (const s of SOURCES) {
      if (!inLib(s.file)) continue;
      for (const i of s.imports) {
        if (!i.target || !inLib(i.target) || ALLOWED_CYCLE_IMPORTS.has(`${s.file} -> ${i.target}`)) continue;
        const [from, to] = [concept(s.file), concept(i.target)];
        if (from !== to) graph.set(from, (graph.get(from) ?? new Set()).add(to));
      }
    }
    expect(findCycles(new Map([...graph].map(([k, v]) => [k, [...v]])))).toEqual([]);
  });

  test("code comments cite behaviour, not section numbers of a spec outside the repository", () => {
    expect(matchingLines(SOURCES, /§/)).toEqual([]);
  });

  test("the type checker is never switched off, and `any` only with a reason", () => {
    const found: string[] = [];
    for (const s of SOURCES) {
      const lines = s.text.split("\n");
      lines.forEach((line, n) => {
        const code = line.replace(/\/\/.*$/, "").replace(/\/\*.*?(\*\/|$)/g, "").replace(/^\s*\*.*$/, "");
        if (/@ts-nocheck|@ts-ignore/.test(line)) found.push(`${s.file}:${n + 1}: ${line.trim()}`);
        // An `any` is allowed where a comment just above says why ("`any` is ...").
        else if (/\bas any\b|:\s*any\b|<any>/.test(code) && !lines.slice(Math.max(0, n - 5), n + 1).some((l) => l.includes("`any`"))) {
          found.push(`${s.file}:${n + 1}: ${line.trim()}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  test("every package.json script runs a file that exists", () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const missing: string[] = [];
    for (const [name, command] of Object.entries(scripts)) {
      for (const file of command.match(/[\w./-]+\.(?:mjs|js|ts)\b/g) ?? []) {
        if (!fs.existsSync(path.join(ROOT, file))) missing.push(`${name}: ${file}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

/** The strongly connected components of more than one node (Tarjan), each sorted. */
function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
