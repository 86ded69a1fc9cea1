import { readFileSync } from "node:fs";
import { parse, validate, specifiedRules } from "graphql";
import { apiSchemaOf, readSupergraph } from "./src/index";
import { operationLimitRules, operationLimits } from "./src/operation-limits";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
const schema = apiSchemaOf(readSupergraph());
const readme = readFileSync("../README.md", "utf8");
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
const tests = process.argv.slice(2).flatMap((f) => [...readFileSync(f, "utf8").matchAll(/`\s*((?:query|mutation)?[^`]*?\{[^`]*\})\s*`/g)].map((m) => m[1]));
for (const q of [...blocks, ...tests]) {
  let doc; try { doc = parse(q); } catch { continue; }
  let cost = 0, depth = 0;
  validate(schema, doc, [costLimitRule({ maxCost: 0, propagateOnRejection: false, onReject: [(c, e) => { cost = Number(e.message.match(/found (\d+)/)?.[1]); }] }),
    maxDepthRule({ n: 0, propagateOnRejection: false, onReject: [(c, e) => { depth = Number(e.message.match(/found (\d+)/)?.[1]); }] })]);
  const errors = validate(schema, doc, operationLimitRules(operationLimits()));
  const semantic = validate(schema, doc, specifiedRules).length;
  if (errors.length || cost > 800 || depth > 7) console.log(cost, depth, semantic ? "(invalid anyway)" : "", errors.map((e) => e.message).join(" | "), q.replace(/\s+/g, " ").slice(0, 100));
}
console.log("checked", blocks.length, tests.length);
const level = (inner: string) => `coverage { status partnership { code name priorities { id title csaAlignment { basis priority { id title ${inner} } } } } }`;
let inner = ""; for (let i = 0; i < 3; i++) inner = level(inner);
const attacks: Record<string, string> = {
  cycle: `{ county { agreement { priorities { id title ${inner} } } } }`,
  cycle1: `{ county { agreement { priorities { id title ${level("")} } } } }`,
  aliases500: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: partnerships { priorities { title } }`).join(" ")} }`,
  aliases20: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: partnerships { priorities { title } }`).join(" ")} }`,
  differing2000: `{ partnerships { crimeStatistics { ${"differingFigures { ".repeat(2000)} count ${"} ".repeat(2000)} } } }`,
  differing3: `{ partnerships { crimeStatistics { differingFigures { differingFigures { count } } } } }`,
  all: `{ partnerships { code name priorities { title csaAlignment { basis priority { title } } } crimeStatistics { count localLabel period { label start end } source { document locator } differingFigures { count } change { percent previous { count } } } } }`,
};
for (const [name, q] of Object.entries(attacks)) {
  const t = Date.now();
  let doc; try { doc = parse(q); } catch (e) { console.log(name, "parse", (e as Error).message.slice(0, 80)); continue; }
  const errors = validate(schema, doc, operationLimitRules(operationLimits()));
  console.log(name, q.length, Date.now() - t, "ms", errors.map((e) => `${e.extensions.code}: ${e.message}`).join(" | ").slice(0, 300));
}
for (const q of [...blocks, attacks.all, `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: ${attacks.all.slice(1, -1)}`).join(" ")} }`]) {
  let cost = 0; validate(schema, parse(q), [costLimitRule({ maxCost: 0, propagateOnRejection: false, onReject: [(c, e) => { cost = Number(e.message.match(/found (\d+(?:\.\d+)?(?:e\+\d+)?)/)?.[1]); }] })]);
  console.log("cost", cost, q.replace(/\s+/g, " ").slice(0, 60));
}
