import { describe, expect, it } from "vitest";
import { inferUnitKind } from "@/lib/domain/infer-unit-kind";

describe("a unit's kind from its Vietnamese name", () => {
  it.each([
    ["UBND xã Tiên Châu", "commune"],
    ["UBND thị trấn Hát Lót", "commune"],
    ["Phường Chiềng Lề", "commune"],
    ["UBND huyện Mai Sơn", "district"],
    ["UBND thành phố Sơn La", "district"],
    ["UBND tỉnh Sơn La", "province"],
    ["Bộ Nội vụ", "ministry"],
    ["Sở Nội vụ", "department"],
    ["Ban Dân tộc", "department"],
    ["Thanh tra tỉnh", "department"],
    ["Văn phòng UBND tỉnh", "department"],
    ["Trung tâm Phục vụ hành chính công tỉnh", "other"],
    ["Sởi", "other"],
  ])("%s is a %s", (name, kind) => {
    expect(inferUnitKind(name)).toBe(kind);
    expect(inferUnitKind(name.normalize("NFD"))).toBe(kind);
  });
});
