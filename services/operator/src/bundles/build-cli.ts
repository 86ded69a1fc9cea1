/** Part of `pnpm start`: builds the processes' JavaScript bundles into dist/ (about a second). */
import { buildBundles, bundleFolder } from "./build-bundles";

const started = Date.now();
await buildBundles();
console.log(`Built the services into ${bundleFolder} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
