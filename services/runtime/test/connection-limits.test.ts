/**
 * Every service's HTTP server (http.ts, graphql-http.ts) bounds what a connection holds:
 * headers over the limit answer 431, headers or a body that stall answer 408, and request
 * bodies not yet complete share one budget (here 3 MB) beyond which a body is refused with
 * 503 SERVER_BUSY; a stalled body's bytes are given back when its connection closes.
 * Short timeouts here (1 s, 2 s); the bound asserted on each answer is 10 s.
 */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.CSG_HEADER_TIMEOUT_MS = "1000";
process.env.CSG_BODY_TIMEOUT_MS = "2000";
process.env.CSG_MAX_PENDING_BODY_BYTES = "3000000";

const { listen, readGraphQLRequest, pendingBodies } = await import("../src/index");

let port: number;
let stop: () => Promise<void>;
beforeAll(async () => {
  const http = await listen(0, (request, response) => {
    readGraphQLRequest(request, response)
      .then((read) => read && response.end(JSON.stringify({ bytes: String(read.body).length })))
      .catch(() => response.destroy());
  });
  port = http.port;
  stop = http.stop;
});
afterAll(() => stop?.());

/** Opens a raw connection, writes `text`, and collects what comes back until the server closes it. */
function raw(text: string | Buffer): { socket: Socket; answer: Promise<string> } {
  const socket = connect(port, "127.0.0.1");
  socket.write(text);
  let received = "";
  socket.on("data", (chunk) => (received += chunk.toString("latin1")));
  const answer = new Promise<string>((resolve) => {
    socket.on("close", () => resolve(received));
    socket.on("error", () => resolve(received));
  });
  return { socket, answer };
}

const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ]);

const upload = (declared: number, sent: number) =>
  Buffer.concat([
    Buffer.from(
      `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${declared}\r\n\r\n`,
    ),
    Buffer.alloc(sent, 0x20),
  ]);

describe("connection bounds", () => {
  it("answers headers over 16 KB with 431 and a code (once closed without a word)", async () => {
    const { answer } = raw(`GET /graphql HTTP/1.1\r\nhost: x\r\nx-big: ${"a".repeat(20_000)}\r\n\r\n`);
    const text = await within(10_000, answer);
    expect(text).toMatch(/^HTTP\/1.1 431 /);
    expect(text).toContain('"code":"HEADERS_TOO_LARGE","limit":{"name":"maxHeaderBytes","value":16384}');
  });

  it("answers headers that stall with 408 after the header timeout", async () => {
    const { answer } = raw(`GET /graphql HTTP/1.1\r\nhost: x\r\n`);
    const text = await within(10_000, answer);
    expect(text).toMatch(/^HTTP\/1.1 408 /);
    expect(text).toContain('"limit":{"name":"headerTimeoutMs","value":1000}');
  });

  it("answers a body that stalls with 408 after the body timeout, and gives its bytes back", async () => {
    const { answer } = raw(upload(1000, 10));
    const text = await within(10_000, answer);
    expect(text).toMatch(/^HTTP\/1.1 408 /);
    expect(text).toContain('"limit":{"name":"bodyTimeoutMs","value":2000}');
    await expect.poll(() => pendingBodies().bytes, { timeout: 10_000 }).toBe(0);
  });

  it("refuses bodies past the budget of unfinished ones with 503, and gives every byte back when they close", async () => {
    // Ten uploads of 0.9 MB into a declared 1 MB, stalled: three fit the 3 MB budget.
    const uploads = Array.from({ length: 10 }, () => raw(upload(1_000_000, 900_000)));
    await expect.poll(() => pendingBodies().bytes, { timeout: 10_000 }).toBeGreaterThan(2_000_000);
    const refused = await within(
      10_000,
      Promise.all(
        uploads
          .slice(0, 10)
          .map(({ answer }) =>
            Promise.race([answer, new Promise<string>((r) => setTimeout(() => r("stalled"), 1500))]),
          ),
      ),
    );
    expect(pendingBodies().bytes).toBeLessThanOrEqual(3_000_000);
    const busy = refused.filter((text) => text.startsWith("HTTP/1.1 503 "));
    expect(busy.length).toBeGreaterThanOrEqual(7);
    expect(busy[0]).toContain('"code":"SERVER_BUSY","limit":{"name":"maxPendingBodyBytes","value":3000000}');
    for (const { socket } of uploads) socket.destroy();
    await expect.poll(() => pendingBodies().bytes, { timeout: 10_000 }).toBe(0);
  });

  it("still reads a whole body within the limits", async () => {
    const body = JSON.stringify({ query: "{ a }" });
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(await response.json()).toEqual({ bytes: 15 });
  });

  it("reads a body that arrives in pieces whole, a character split between two pieces included", async () => {
    // 1,000 "é" (two bytes each) as text, sent in two writes that cut the 500th "é" in half.
    const body = Buffer.from("é".repeat(1000), "utf8");
    const head = `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: text/plain\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n`;
    const { socket, answer } = raw(Buffer.concat([Buffer.from(head), body.subarray(0, 999)]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write(body.subarray(999));
    const text = await within(10_000, answer);
    expect(text).toMatch(/^HTTP\/1.1 200 /);
    // Decoded piece by piece, the cut "é" would be two replacement characters: 1,001 in all.
    expect(text).toContain('{"bytes":1000}');
    await expect.poll(() => pendingBodies().bytes, { timeout: 10_000 }).toBe(0);
  });
});
