/**
 * An attacker in a process of its own (so its buffers are not counted in the system's memory):
 * `connections` uploads, each sending `sent` bytes of a declared `declared`-byte body and then
 * stalling, held open for at least `holdMs` and until at most `stalled` are unanswered (60 s at
 * most); then every connection is closed. Resolves with the status
 * each connection was answered with while held (none: "stalled").
 */
import { spawn } from "node:child_process";

const ATTACKER = `
const net = require("node:net");
const [host, port, connections, declared, sent, holdMs, stalled] = process.argv.slice(1).map((v, i) => (i === 0 ? v : Number(v)));
const statuses = [];
const sockets = [];
const body = Buffer.alloc(sent, 0x20);
for (let i = 0; i < connections; i++) {
  const socket = net.connect(port, host);
  statuses[i] = "stalled";
  socket.on("error", () => {});
  socket.on("data", (chunk) => { if (statuses[i] === "stalled") statuses[i] = chunk.toString("latin1").split(" ")[1]; });
  socket.write("POST /graphql HTTP/1.1\\r\\nhost: " + host + "\\r\\ncontent-type: application/json\\r\\ncontent-length: " + declared + "\\r\\n\\r\\n");
  socket.write(body);
  sockets.push(socket);
}
// Held at least holdMs, and until no more than "stalled" are left unanswered (a loaded
// machine delivers 360 MB slowly), or 60 s at most.
const started = Date.now();
const check = setInterval(() => {
  const unanswered = statuses.filter((s) => s === "stalled").length;
  const held = Date.now() - started;
  if (held < holdMs || (unanswered > stalled && held < 60000)) return;
  clearInterval(check);
  for (const socket of sockets) socket.destroy();
  process.stdout.write(JSON.stringify(statuses));
}, 200);
`;

export function stalledUploads(
  url: string,
  connections: number,
  declared: number,
  sent: number,
  holdMs: number,
  stalled: number,
): Promise<string[]> {
  const { hostname: named, port } = new URL(url);
  const hostname = named === "localhost" ? "127.0.0.1" : named;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      "-e",
      ATTACKER,
      hostname,
      port,
      String(connections),
      String(declared),
      String(sent),
      String(holdMs),
      String(stalled),
    ]);
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(output) as string[])
        : reject(new Error(`the attacker ended with ${code}: ${output}`)),
    );
  });
}
