export type UnitKindName = "province" | "ministry" | "department" | "district" | "commune" | "other";

const RULES: [RegExp, UnitKindName][] = [
  [/^(ubnd\s+)?(xã|phường|thị trấn)\b/iu, "commune"],
  [/^(ubnd\s+)?(huyện|quận|thị xã|thành phố\s+(?!trực thuộc))/iu, "district"],
  [/^(ubnd\s+)?tỉnh\b/iu, "province"],
  [/^bộ\b/iu, "ministry"],
  [/^(sở|ban|thanh tra|văn phòng|đài|trường|bộ chỉ huy)\b/iu, "department"],
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
