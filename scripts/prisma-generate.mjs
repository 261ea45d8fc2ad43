/**
 * `prisma generate` without the native schema engine, which cannot be downloaded everywhere:
 * generate never runs it, but the CLI insists on resolving it first. Any existing file will do.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath },
});
process.exit(result.status ?? 1);
