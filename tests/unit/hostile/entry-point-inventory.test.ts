import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENTRY_POINTS } from "@/tests/support/hostile-entry-points";

// A page, route handler or server action added under app/ is input nobody has thrown the hostile
// corpus at yet: it must get a row in tests/support/hostile-entry-points.ts (and with it a probe
// in the suite the row names), like the authorization matrix does for who may call what.

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

async function appFiles(): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, "app"), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The names a module exports, read from its text (importing it would need a database and Next). */
function exportedNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+([A-Za-z_$][\w$]*)/gm)) names.add(match[1]!);
  for (const match of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of match[1]!.split(",")) {
      const alias = part.trim().split(/\s+as\s+/).pop();
      if (alias) names.add(alias);
    }
  }
  return [...names];
}

async function entryPointsInApp(): Promise<string[]> {
  const found: string[] = [];
  for (const file of await appFiles()) {
    const name = path.basename(file);
    if (/^page\.(tsx|ts|jsx|js)$/.test(name)) {
      found.push(`${file} page`);
      continue;
    }
    const text = await readFile(path.join(ROOT, file), "utf8");
    if (/^route\.(ts|js)$/.test(name)) {
      for (const exported of exportedNames(text)) if (HTTP_METHODS.includes(exported)) found.push(`${file} ${exported}`);
    } else if (/^["']use server["'];?\s*$/m.test(text)) {
      for (const exported of exportedNames(text)) found.push(`${file} ${exported}`);
    }
  }
  return found.sort();
}

describe("the hostile-input inventory", () => {
  it("names every page, route handler method and server action under app/, and nothing that is gone", async () => {
    const inApp = await entryPointsInApp();
    const listed = ENTRY_POINTS.flatMap((entry) => entry.exports.map((name) => `${entry.file} ${name}`)).sort();
    expect(inApp.filter((key) => !listed.includes(key)), "entry points missing from tests/support/hostile-entry-points.ts").toEqual([]);
    expect(listed.filter((key) => !inApp.includes(key)), "inventory rows for entry points that no longer exist").toEqual([]);
    expect(new Set(listed).size, "one row per entry point").toBe(listed.length);
  });

  it("finds what it looks for: the server actions of a module and both methods of the sign-in handler", async () => {
    const inApp = await entryPointsInApp();
    expect(inApp).toContain("app/[locale]/(console)/console/(signed-in)/users/actions.ts createUserAction");
    expect(inApp).toContain("app/api/auth/[...nextauth]/route.ts POST");
    expect(inApp).toContain("app/[locale]/(public)/compare/page.tsx page");
  });
});
