import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Where the embedded database and the run lock live: git-ignored .data/ unless PAR_DATA_DIR says otherwise. */
export function dataRoot(): string {
  return path.resolve(process.env.PAR_DATA_DIR ?? path.join(PROJECT_ROOT, ".data"));
}
