/**
 * The environment variable naming the folder of the services' and commands' bundles that the
 * end-to-end setup built (see shared-system-setup.ts); absent: tsx. Its own module, so a file
 * that only runs commands loads nothing of the launcher's.
 */
export const TEST_BUNDLES = "CSG_TEST_BUNDLES";
