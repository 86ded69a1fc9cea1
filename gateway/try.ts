import { startSystem } from "./src/system";
const s = await startSystem({ dataDir: "/tmp/csgdata2", portOffset: 1000 });
console.log("up", s.gateway.url);
const r = await fetch(s.gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ partnerships { code priorities { title } } }" }) });
console.log((await r.text()).slice(0, 100));
let t = Date.now();
await s.gateway.stop(); console.log("gateway stopped", Date.now() - t); t = Date.now();
await Promise.all([...s.services.values()].map(x => x.stop())); console.log("services stopped", Date.now() - t);
