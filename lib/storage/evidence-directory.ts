import path from "node:path";
import { parseEvidenceMaxBytes } from "@/lib/domain/evidence-file-rules";

/**
 * Where evidence files live: EVIDENCE_DIR, else evidence/ in the data directory (PAR_DATA_DIR,
 * else .data/ of the project, as scripts/db/project-root.ts finds it). Every server and command of
 * the portal runs from the project root, so the working directory is that root here: lib code is
 * bundled by Next.js, where the source file's own location means nothing.
 */
export function evidenceDirectory(env: Record<string, string | undefined> = process.env): string {
  if (env.EVIDENCE_DIR?.trim()) return path.resolve(env.EVIDENCE_DIR.trim());
  const dataRoot = env.PAR_DATA_DIR?.trim() ? path.resolve(env.PAR_DATA_DIR.trim()) : path.join(process.cwd(), ".data");
  return path.join(dataRoot, "evidence");
}

export function evidenceMaxBytes(env: Record<string, string | undefined> = process.env): number {
  return parseEvidenceMaxBytes(env.EVIDENCE_MAX_BYTES);
}
