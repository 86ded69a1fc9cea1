/**
 * The floor for a cached answer: a bare node:http server that reads each POST's body and
 * answers it with prebuilt bytes (the answers in the JSON file given, an array of strings:
 * POST /<i> gets the i-th). Nothing else happens per request, so no gateway can be faster.
 *   node --import tsx test/bench/floor-server.ts --port 4294 --answers answers.json
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { readCommandLine } from "@csg/service-runtime";

const command = readCommandLine({
  summary: "A bare HTTP server answering every POST with the same prebuilt bytes (the gateway benchmark's floor).",
  usage: ["tsx test/bench/floor-server.ts --port <port> --answers <file>"],
  options: {
    port: { type: "string", value: "<port>", default: "0", description: "The port." },
    answers: {
      type: "string",
      value: "<file>",
      description: "A JSON array of the answers' text; POST /<i> is answered with the i-th.",
    },
  },
});
const answers = (JSON.parse(readFileSync(command.string("answers")!, "utf8")) as string[]).map((text) => {
  const body = Buffer.from(text, "utf8");
  return {
    body,
    headers: { "content-type": "application/json; charset=utf-8", "content-length": String(body.length) },
  };
});
const server = createServer((request, response) => {
  const answer = answers[Number(request.url?.slice(1))];
  request.on("data", () => {});
  request.on("end", () => {
    if (!answer) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, answer.headers);
    response.end(answer.body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(command.integer("port"), () => {
  const address = server.address();
  console.log(`ready http://localhost:${typeof address === "object" && address ? address.port : "?"}/`);
});
