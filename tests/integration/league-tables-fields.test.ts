import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/scripts/seed/seed-demo";
import { getPublishedLeagueTables } from "@/lib/data/league-tables";
import { withTestDatabase } from "@/tests/support/test-database";

withTestDatabase({ reset: "once" });

describe("the published league table carries field points and band levels for the period page", () => {
  beforeAll(async () => {
    await seedDemo(() => {});
  }, 120_000);

  it("gives every row the group's field columns, in tree order, summing exactly to the total", async () => {
    const table = (await getPublishedLeagueTables("son-la-so-2024"))!.tables[0]!;
    expect(table.fieldColumns.map((column) => column.code)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(table.fieldColumns.reduce((sum, column) => sum.plus(column.maxPoints), new Decimal(0)).toFixed()).toBe("100");
    for (const row of table.rows) {
      expect(row.fields.map((field) => field.code)).toEqual(table.fieldColumns.map((column) => column.code));
      expect(row.fields.reduce((sum, field) => sum.plus(field.points), new Decimal(0)).equals(row.total)).toBe(true);
      expect(row.fields.reduce((sum, field) => sum.plus(field.applicableMax), new Decimal(0)).equals(row.applicableMax)).toBe(true);
    }
    // Two criteria of field 2 do not apply to this department in 2024: its field max shrinks, the field stays.
    const science = table.rows.find((row) => row.unitCode === "so-khoa-hoc-cong-nghe")!;
    const field2 = science.fields.find((field) => field.code === "2")!;
    expect(new Decimal(field2.applicableMax).lessThan(field2.maxPoints)).toBe(true);
    expect(field2.notApplicable).toBe(false);
  });

  it("numbers bands from the period's highest (0) down", async () => {
    const table = (await getPublishedLeagueTables("mai-son-xa-2024"))!.tables[0]!;
    expect(table.bandCount).toBe(5);
    const levels = new Map(table.rows.map((row) => [row.band, row.bandLevel]));
    expect(levels.get("Xuất sắc")).toBe(0);
    expect(levels.get("Tốt")).toBe(1);
    expect(levels.get("Khá")).toBe(2);
    expect(levels.get("Trung bình")).toBe(3);
    // Rank order never puts a lower band above a higher one.
    const inRankOrder = table.rows.map((row) => row.bandLevel!);
    expect([...inRankOrder].sort((a, b) => a - b)).toEqual(inRankOrder);
  });
});
