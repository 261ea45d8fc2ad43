import { describe, expect, it } from "vitest";
import { isStillCurrent, revisionsFromRows } from "@/lib/data/page-cache-revisions.mjs";

// When an instance may serve a page it cached, given the revisions the database holds.
const PAGE_TAGS = ["_N_T_/layout", "_N_T_/[locale]/layout", "_N_T_/vi/son-la-so-2024"];

describe("a cached page is served while none of its tags was revalidated since it was rendered", () => {
  const revisions = revisionsFromRows([
    { tag: "_N_T_/[locale]/layout", revision: "1795494515477" },
    { tag: "_N_T_/[locale]/console/layout", revision: "1795494519000" },
  ]);

  it("reads the newest revision and each tag's", () => {
    expect(revisions.newest).toBe(1795494519000);
    expect(revisions.byTag.get("_N_T_/[locale]/layout")).toBe(1795494515477);
  });

  it("serves a page rendered after its tags' last revalidation, even if other tags changed since", () => {
    expect(isStillCurrent(revisions, PAGE_TAGS, 1795494515477)).toBe(true);
    expect(isStillCurrent(revisions, PAGE_TAGS, 1795494518000)).toBe(true);
  });

  it("renders again a page rendered before a publication revalidated one of its tags", () => {
    expect(isStillCurrent(revisions, PAGE_TAGS, 1795494515476)).toBe(false);
    expect(isStillCurrent(revisions, PAGE_TAGS, 0)).toBe(false);
  });

  it("renders again a page rendered at a revision this database never reached (another database, or an older backup restored)", () => {
    expect(isStillCurrent(revisions, PAGE_TAGS, 1795494519001)).toBe(false);
  });

  it("serves a page of a database where nothing was revalidated yet", () => {
    expect(isStillCurrent(revisionsFromRows([]), PAGE_TAGS, 0)).toBe(true);
  });
});
