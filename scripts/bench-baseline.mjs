// The bare baseline the ping path is measured against: node:http plus the database driver, one
// transaction per ping (look the check up, insert the ping, bump its counter), answering "OK"
// after the commit. No routing, no state machine. Usage: node bench-baseline.mjs <DATABASE_URL> <port>
import http from "node:http";

const url = process.argv[2];
const UUID = /^\/ping\/([0-9a-f-]{36})$/;

async function sqliteHandler(file) {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const find = db.prepare("SELECT id, n_pings FROM checks WHERE code = ?");
  const bump = db.prepare("UPDATE checks SET n_pings = ?, last_ping = ? WHERE id = ?");
  const insert = db.prepare(
    "INSERT INTO pings (check_id, n, created_at, scheme, method, ua) VALUES (?, ?, ?, 'http', ?, ?)",
  );
  const ping = db.transaction((code, method, ua) => {
    const check = find.get(code);
    if (!check) return false;
    const now = Date.now();
    bump.run(check.n_pings + 1, now, check.id);
    insert.run(check.id, check.n_pings + 1, now, method, ua);
    return true;
  });
  return async (code, method, ua) => ping(code, method, ua);
}

async function pgHandler(connectionString) {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString, max: 16 });
  return async (code, method, ua) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query("SELECT id, n_pings FROM checks WHERE code = $1 FOR UPDATE", [code]);
      if (!rows[0]) {
        await client.query("ROLLBACK");
        return false;
      }
      const now = new Date().toISOString();
      await client.query("UPDATE checks SET n_pings = $1, last_ping = $2 WHERE id = $3", [rows[0].n_pings + 1, now, rows[0].id]);
      await client.query("INSERT INTO pings (check_id, n, created_at, scheme, method, ua) VALUES ($1, $2, $3, 'http', $4, $5)", [
        rows[0].id,
        rows[0].n_pings + 1,
        now,
        method,
        ua,
      ]);
      await client.query("COMMIT");
      return true;
    } finally {
      client.release();
    }
  };
}

const handle = url.startsWith("file:") ? await sqliteHandler(url.slice(5)) : await pgHandler(url);
const server = http.createServer((req, res) => {
  if (req.url === "/ready") return void res.end("OK");
  const m = UUID.exec(req.url ?? "");
  req.resume();
  req.on("end", async () => {
    const ok = m ? await handle(m[1], req.method, req.headers["user-agent"] ?? "") : false;
    res.writeHead(ok ? 200 : 404, { "Content-Type": "text/plain" });
    res.end(ok ? "OK" : "not found");
  });
});
server.listen(Number(process.argv[3]), "127.0.0.1");
