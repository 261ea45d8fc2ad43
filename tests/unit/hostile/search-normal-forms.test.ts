import { describe, expect, it } from "vitest";
import { foldDiacritics, matchesFoldedQuery } from "@/lib/domain/fold-diacritics";
import { listUsersFilter } from "@/lib/domain/account-input";
import { createUserInput } from "@/lib/domain/user-input";
import { auditLogFilter } from "@/lib/domain/audit-log-filter";

// "Sơn La" typed on a keyboard that sends decomposed Vietnamese (base letter + combining marks,
// NFD) must find what the composed form (NFC, as stored) finds, in every search: the league-table
// filter, the console's unit list and merge form (all through foldDiacritics), the account search
// and the audit filter (through the database, so their input is put in NFC like the stored text).

const NAMES = ["Sở Tư pháp", "UBND thành phố Sơn La", "UBND huyện Mai Sơn", "UBND xã Chiềng Mung", "Đồng Tháp"];

describe("composed and decomposed Vietnamese", () => {
  it("fold to the same text, whichever form the name and the query are in", () => {
    for (const name of NAMES) {
      expect(foldDiacritics(name.normalize("NFD"))).toBe(foldDiacritics(name.normalize("NFC")));
      for (const [stored, typed] of [
        ["NFC", "NFD"],
        ["NFD", "NFC"],
        ["NFD", "NFD"],
      ] as const) {
        expect(matchesFoldedQuery(foldDiacritics(name.normalize(stored)), name.normalize(typed)), `${name} stored ${stored}, typed ${typed}`).toBe(true);
      }
    }
    expect(matchesFoldedQuery(foldDiacritics("UBND thành phố Sơn La"), "Sơn La".normalize("NFD"))).toBe(true);
    expect(matchesFoldedQuery(foldDiacritics("Sở Tư pháp"), "Sơn La".normalize("NFD"))).toBe(false);
  });

  it("reach the account search and the audit filter in NFC, the form names are stored in", () => {
    const nfd = "Sơn La".normalize("NFD");
    expect(listUsersFilter.parse({ query: ` ${nfd} ` }).query).toBe("Sơn La".normalize("NFC"));
    expect(auditLogFilter.parse({ periodCode: nfd, actorEmail: nfd }).periodCode).toBe("Sơn La".normalize("NFC"));
    const created = createUserInput.parse({ email: "a@example.vn", name: "Lò Văn Hùng".normalize("NFD"), role: "admin", password: "mat-khau-dai" });
    expect(created.name).toBe("Lò Văn Hùng".normalize("NFC"));
  });
});
