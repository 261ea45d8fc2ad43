// The /open-data page's examples, made by the API's own serializers from one small, consistent
// sample (points add up to totals, index = total / applicableMax × 100), so that the examples
// cannot drift from what the endpoints really send.
import Decimal from "decimal.js";
import type { PublicApiPeriod } from "@/lib/data/public-api-periods";
import type { PublicApiUnit } from "@/lib/data/public-api-unit";
import { toRankingsJson, type RankingsJson } from "@/lib/results-package/rankings-json";
import { writeRankingsCsv } from "@/lib/results-package/write-rankings-csv";
import { toSipasJson, type SipasJson } from "@/lib/results-package/sipas-json";
import { writeSipasCsv } from "@/lib/results-package/write-sipas-csv";
import { toUnitHistoryJson, type UnitHistoryJson } from "@/lib/results-package/unit-history-json";
import { writeUnitHistoryCsv } from "@/lib/results-package/write-unit-history-csv";
import { toComparisonJson, type ComparisonJson } from "@/lib/results-package/comparison-json";
import { writeComparisonCsv } from "@/lib/results-package/write-comparison-csv";

const FIELDS = [
  { code: "1", name: "Công tác chỉ đạo, điều hành CCHC", maxPoints: "13.5" },
  { code: "2", name: "Xây dựng và tổ chức thực hiện văn bản QPPL", maxPoints: "3" },
  { code: "3", name: "Cải cách thủ tục hành chính", maxPoints: "21" },
  { code: "4", name: "Cải cách tổ chức bộ máy hành chính", maxPoints: "6" },
  { code: "5", name: "Cải cách chế độ công vụ", maxPoints: "9" },
  { code: "6", name: "Cải cách tài chính công", maxPoints: "5" },
  { code: "7", name: "Xây dựng và phát triển chính quyền điện tử, chính quyền số", maxPoints: "11" },
  { code: "8", name: "Tác động của CCHC đến người dân, tổ chức", maxPoints: "31.5" },
];

/** Points per field; null marks a field not applicable to the unit (its max leaves applicableMax). */
function sampleRow(
  rank: number,
  rankChange: number | null,
  unitCode: string,
  unitName: string,
  points: (string | null)[],
) {
  const total = points.reduce((sum, value) => sum.plus(value ?? 0), new Decimal(0));
  const applicableMax = FIELDS.reduce((sum, field, position) => (points[position] === null ? sum : sum.plus(field.maxPoints)), new Decimal(0));
  const index = total.div(applicableMax).times(100);
  return {
    rank,
    rankChange,
    unitCode,
    unitName,
    total,
    applicableMax,
    index,
    band: index.gte(90) ? "Xuất sắc" : "Tốt",
    fields: FIELDS.map((field, position) => ({
      code: field.code,
      name: field.name,
      points: points[position] ?? "0",
      maxPoints: field.maxPoints,
      applicableMax: points[position] === null ? "0" : field.maxPoints,
    })),
  };
}

export const EXAMPLE_PERIOD = "tien-phuoc-2022";
export const EXAMPLE_GROUP = "xa";
export const EXAMPLE_UNIT = "tien-son";

const sampleRows = [
  sampleRow(1, 2, "tien-chau", "UBND xã Tiên Châu", ["12.97", "3", "19.5", "6", "8.25", "5", "10.1", "27"]),
  // Tied with tien-son on the index and on the appraisal and survey points: both rank 2.
  sampleRow(2, -1, "tien-ha", "UBND xã Tiên Hà", ["12.5", null, "18.75", "5.5", "8", "4.5", "9.25", "26.38"]),
  sampleRow(2, null, "tien-son", "UBND xã Tiên Sơn", ["12", null, "19.25", "5.5", "8", "4.5", "9.25", "26.38"]),
];

export const exampleRankings: RankingsJson = toRankingsJson(EXAMPLE_PERIOD, EXAMPLE_GROUP, sampleRows);

/** A file's text as the page shows it: the BOM at its start is invisible anyway. */
const withoutBom = (csv: string) => csv.replace(/^\uFEFF/, "");

export const exampleRankingsCsv: string = withoutBom(writeRankingsCsv(exampleRankings));

export const exampleSipas: SipasJson = toSipasJson(EXAMPLE_PERIOD, EXAMPLE_GROUP, {
  smallSampleThreshold: 30,
  elements: [
    { code: "access", name: "Tiếp cận dịch vụ hành chính công", nameEn: "Access to public administrative services" },
    { code: "procedures", name: "Thủ tục hành chính", nameEn: "Administrative procedures" },
  ],
  units: [
    { unitCode: "tien-chau", unitName: "UBND xã Tiên Châu", index: "97.27", responses: 120, smallSample: false, ciLow: "95.8", ciHigh: "98.74", elements: ["96.1", "98.45"] },
    // Fewer responses than the threshold: flagged, and without an interval.
    { unitCode: "tien-ha", unitName: "UBND xã Tiên Hà", index: "91.5", responses: 24, smallSample: true, ciLow: null, ciHigh: null, elements: ["92", null] },
  ],
});

export const exampleSipasCsv: string = withoutBom(writeSipasCsv(exampleSipas));

export const EXAMPLE_COMPARED = ["tien-chau", "tien-son"] as const;

export const exampleComparison: ComparisonJson = toComparisonJson(
  EXAMPLE_PERIOD,
  EXAMPLE_COMPARED.map((code) => {
    const row = sampleRows.find((candidate) => candidate.unitCode === code)!;
    return {
      ...row,
      groupCode: EXAMPLE_GROUP,
      groupName: "Khối xã, thị trấn",
      groupSize: 15,
      total: row.total.toFixed(),
      applicableMax: row.applicableMax.toFixed(),
      index: row.index.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(),
    };
  }),
);

export const exampleComparisonCsv: string = withoutBom(writeComparisonCsv(exampleComparison));

export const examplePeriods: PublicApiPeriod[] = [
  {
    code: EXAMPLE_PERIOD,
    year: 2022,
    name: "Chỉ số CCHC năm 2022 — huyện Tiên Phước",
    authority: "UBND huyện Tiên Phước",
    publishedAt: "2023-01-12T08:30:00.000Z",
    groups: [{ code: EXAMPLE_GROUP, name: "Khối xã, thị trấn" }],
  },
  {
    code: "son-la-2022",
    year: 2022,
    name: "Chỉ số CCHC năm 2022 — tỉnh Sơn La",
    authority: "UBND tỉnh Sơn La",
    publishedAt: "2023-02-20T02:00:00.000Z",
    groups: [
      { code: "so", name: "Khối sở, ban, ngành" },
      { code: "huyen", name: "Khối huyện, thành phố" },
    ],
  },
];

const tienSon = exampleRankings.rows.find((row) => row.unit.code === EXAMPLE_UNIT)!;

export const exampleUnit: PublicApiUnit = {
  unit: { code: EXAMPLE_UNIT, name: "UBND xã Tiên Sơn", kind: "commune" },
  lineage: {
    predecessors: [
      { code: "tien-lanh", name: "UBND xã Tiên Lãnh", kind: "merge", effectiveOn: "2022-01-01" },
      { code: "tien-ngoc", name: "UBND xã Tiên Ngọc", kind: "merge", effectiveOn: "2022-01-01" },
    ],
    successors: [],
  },
  results: [
    {
      period: { code: EXAMPLE_PERIOD, year: 2022, name: "Chỉ số CCHC năm 2022 — huyện Tiên Phước" },
      group: { code: EXAMPLE_GROUP, name: "Khối xã, thị trấn" },
      unitName: tienSon.unit.name,
      rank: tienSon.rank,
      rankChange: tienSon.rankChange,
      total: tienSon.total,
      applicableMax: tienSon.applicableMax,
      index: tienSon.index,
      band: tienSon.band,
    },
  ],
};

// Tiên Sơn was formed in 2022 from Tiên Lãnh and Tiên Ngọc (exampleUnit's lineage): its history
// starts with theirs, and the merge makes 2021 and 2022 not directly comparable.
export const exampleUnitHistory: UnitHistoryJson = toUnitHistoryJson(
  exampleUnit.unit,
  [
    ...[
      { unitCode: "tien-lanh", unitName: "UBND xã Tiên Lãnh", total: "84.5", rank: 6, band: "Tốt" },
      { unitCode: "tien-ngoc", unitName: "UBND xã Tiên Ngọc", total: "79.75", rank: 11, band: "Khá" },
    ].map((row) => ({
      ...row,
      periodCode: "tien-phuoc-2021",
      periodName: "Chỉ số CCHC năm 2021 — huyện Tiên Phước",
      year: 2021,
      relation: "predecessor" as const,
      groupCode: EXAMPLE_GROUP,
      groupName: "Khối xã, thị trấn",
      groupSize: 17,
      applicableMax: "100",
      index: row.total,
      rankChange: null,
    })),
    ...exampleUnit.results.map((result) => ({
      periodCode: result.period.code,
      periodName: result.period.name,
      year: result.period.year,
      unitCode: EXAMPLE_UNIT,
      unitName: result.unitName,
      relation: "self" as const,
      groupCode: result.group.code,
      groupName: result.group.name,
      groupSize: 15,
      total: String(result.total),
      applicableMax: String(result.applicableMax),
      index: String(result.index),
      rank: result.rank,
      rankChange: result.rankChange,
      band: result.band,
    })),
  ],
  [{ previousPeriodCode: "tien-phuoc-2021", previousYear: 2021, periodCode: EXAMPLE_PERIOD, year: 2022, reasons: ["lineage"] }],
);

export const exampleUnitHistoryCsv: string = withoutBom(writeUnitHistoryCsv(exampleUnitHistory));

/**
 * JSON as the API sends it, laid out for reading: an object or array of plain values on one
 * line, everything else indented. The text is still valid JSON.
 */
export function readableJson(value: unknown, indent = ""): string {
  const plain = (item: unknown) => item === null || typeof item !== "object";
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every(plain)) return `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
    return `[\n${value.map((item) => inner + readableJson(item, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    if (entries.every(([, item]) => plain(item))) {
      return `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${JSON.stringify(item)}`).join(", ")} }`;
    }
    return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${readableJson(item, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
