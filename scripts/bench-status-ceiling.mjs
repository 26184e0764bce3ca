// The ceiling the status-page bench compares Vigil with: a bare node:http server answering the
// same bytes with the same headers (read from files), no routing, no cache lookups.
// Usage: node bench-status-ceiling.mjs <port> <path>=<file>=<content-type> ...
import fs from "node:fs";
import http from "node:http";

const routes = new Map();
for (const arg of process.argv.slice(3)) {
  const [p, file, type] = arg.split("=");
  const body = fs.readFileSync(file);
  routes.set(p, { body, headers: { "Content-Type": type, "Content-Length": String(body.length), ETag: '"ceiling"', "Cache-Control": "public, max-age=5" } });
}
http
  .createServer((req, res) => {
    if (req.url === "/ready") return void res.end("OK");
    const route = routes.get(req.url);
    if (!route) {
      res.writeHead(404);
      return void res.end();
    }
    res.writeHead(200, route.headers);
    res.end(route.body);
  })
  .listen(Number(process.argv[2]), "127.0.0.1");
