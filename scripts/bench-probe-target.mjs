// The loopback target of `npm run bench -- --probes N`: answers every request 200 "ok" and
// closes the connection (probes open a fresh one per attempt). Prints its port, then on
// SIGTERM the number of requests it answered. Usage: node bench-probe-target.mjs
import http from "node:http";

let requests = 0;
const server = http.createServer((req, res) => {
  requests++;
  res.writeHead(200, { "Content-Type": "text/plain", Connection: "close" });
  res.end("ok");
});
server.keepAliveTimeout = 0;
server.listen(0, "127.0.0.1", () => process.stdout.write(`port ${server.address().port}\n`));
process.on("SIGTERM", () => {
  process.stdout.write(`requests ${requests}\n`);
  process.exit(0);
});
