import autocannon from "autocannon";
import { BENCH_QUERIES } from "./queries";
const [url, name, conns, secs] = process.argv.slice(2);
const q = BENCH_QUERIES.find((x) => x.name.startsWith(name))!;
const r = await autocannon({
  url,
  method: "POST",
  connections: Number(conns ?? 8),
  duration: Number(secs ?? 5),
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query: q.query, variables: q.variables }),
});
console.log(url, q.name, Math.round(r.requests.average), "req/s", r.requests.total, "total", r.non2xx, "non2xx");
