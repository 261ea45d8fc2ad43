/**
 * npx tsx scripts/make-xlsx-template.ts
 *
 * Writes the two workbooks that docs/results-package/README.md points provinces to:
 * - template.xlsx: every sheet with its header row, the period keys and the instructions, no data;
 * - sample.xlsx: a small, realistic commune package (the unit tests' fixture, fields worth
 *   13.5 / 3 / 21 / 6 / 9 / 5 / 11 / 31.5), so people can see a filled-in workbook.
 * Both are generated from the same layout code the importer uses, so they cannot drift from it;
 * run this again after changing lib/results-package/xlsx-layout.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { readResultsPackageXlsx } from "@/lib/results-package/read-results-package-xlsx";
import { formatIssue } from "@/lib/results-package/validation-error";
import {
  writeResultsPackageXlsx,
  writeResultsPackageXlsxTemplate,
} from "@/lib/results-package/write-results-package-xlsx";

const root = new URL("../", import.meta.url);
const outDir = new URL("docs/results-package/", root);
const fixture = new URL("tests/unit/results-package/fixtures/commune-2022.json", root);

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });

  const template = await writeResultsPackageXlsxTemplate();
  writeFileSync(new URL("template.xlsx", outDir), template);

  const parsed = parseResultsPackage(readFileSync(fixture));
  if (!parsed.ok) throw new Error(`The sample package is invalid:\n${parsed.issues.map(formatIssue).join("\n")}`);
  const sample = await writeResultsPackageXlsx(parsed.package);
  // The sample is what people copy: it must import as it is.
  const check = await readResultsPackageXlsx(sample);
  if (!check.ok) throw new Error(`sample.xlsx does not read back:\n${check.issues.map(formatIssue).join("\n")}`);
  writeFileSync(new URL("sample.xlsx", outDir), sample);

  process.stderr.write(`✔ wrote ${fileURLToPath(new URL("template.xlsx", outDir))} and sample.xlsx\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
