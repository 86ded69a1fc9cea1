/** Part of `pnpm start`: builds the processes' JavaScript bundles into dist/ (about three seconds), unless they are up to date. */
import { buildBundles, bundleFolder } from "./build-bundles";

const started = Date.now();
const built = await buildBundles();
console.log(
  built
    ? `Built the services into ${bundleFolder} in ${((Date.now() - started) / 1000).toFixed(1)} s.`
    : `The services' bundles in ${bundleFolder} are up to date.`,
);
