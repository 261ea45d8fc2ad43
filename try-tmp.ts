import { readFileSync } from "node:fs";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { scoreSchema } from "@/lib/domain/results-package";
const buf = readFileSync("/tmp/big.json");
const obj = JSON.parse(buf.toString());
for (let k = 0; k < 3; k++) {
  let t = performance.now(); parseResultsPackage(obj); const a = performance.now() - t;
  t = performance.now(); for (const s of obj.scores) scoreSchema.safeParse(s); const b = performance.now() - t;
  t = performance.now(); parseResultsPackage(buf); const c = performance.now() - t;
  console.log("validate", a.toFixed(0), "zod scores only", b.toFixed(0), "full", c.toFixed(0));
}
