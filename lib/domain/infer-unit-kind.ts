export type UnitKindName = "province" | "ministry" | "department" | "district" | "commune" | "other";

// JavaScript's \b only knows ASCII letters ("xã" ends in one it does not), hence the lookahead.
const END = "(?=\\s|$)";
const RULES: [RegExp, UnitKindName][] = [
  [new RegExp(`^(ubnd\\s+)?(xã|phường|thị trấn)${END}`, "iu"), "commune"],
  [new RegExp(`^(ubnd\\s+)?(huyện|quận|thị xã|thành phố)${END}`, "iu"), "district"],
  [new RegExp(`^(ubnd\\s+)?tỉnh${END}`, "iu"), "province"],
  [new RegExp(`^bộ${END}`, "iu"), "ministry"],
  [new RegExp(`^(sở|ban|thanh tra|văn phòng|đài|trường|bộ chỉ huy)${END}`, "iu"), "department"],
];

/**
 * Results packages carry only a unit's name; its kind (used for grouping in menus and search)
 * follows from the administrative prefix Vietnamese names always start with.
 */
export function inferUnitKind(name: string): UnitKindName {
  const normalized = name.normalize("NFC").trim();
  for (const [pattern, kind] of RULES) if (pattern.test(normalized)) return kind;
  return "other";
}
