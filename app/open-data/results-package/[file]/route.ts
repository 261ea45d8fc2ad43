import { readFile } from "node:fs/promises";
import path from "node:path";

// The results-package documentation lives in the repository (docs/results-package/), generated
// with the importer's own layout code; this serves those very files so that the /open-data page
// can link to them instead of keeping a second copy that could drift.
const FILES: Record<string, { contentType: string; disposition: "inline" | "attachment" }> = {
  "README.md": { contentType: "text/plain; charset=utf-8", disposition: "inline" },
  "template.xlsx": { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", disposition: "attachment" },
  "sample.xlsx": { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", disposition: "attachment" },
};

const DIRECTORY = path.join(process.cwd(), "docs", "results-package");

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  // Only the listed names are ever joined to the path: nothing else of the disk is reachable.
  const entry = Object.hasOwn(FILES, file) ? FILES[file] : undefined;
  if (!entry) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const body = await readFile(path.join(DIRECTORY, file));
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": entry.contentType,
      "content-disposition": `${entry.disposition}; filename="${file}"`,
      "cache-control": "public, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
}
