type Score = { unit: string; criterion: string; points?: number | string; selfPoints?: number; reason?: string; notApplicable?: boolean };

/**
 * A small but complete results package: fields 1 (60 points: 1.1 and 1.2, appraised) and
 * 2 (40 points: 2.1, survey). `points` maps unit code → [1.1, 1.2, 2.1], null = not applicable.
 * `leafMax` changes the three leaves' maxima (the fields follow).
 */
export function buildPackage(options: {
  code: string;
  year: number;
  previous?: string;
  units: { code: string; name: string; predecessors?: string[]; points: [number | string | null, number | string | null, number | string | null] }[];
  tieBreakers?: string[];
  leafMax?: [number, number, number];
}) {
  const [max11, max12, max21] = options.leafMax ?? [30, 30, 40];
  const leaves = ["1.1", "1.2", "2.1"];
  const scores: Score[] = options.units.flatMap((unit) =>
    unit.points.map((points, position) =>
      points === null
        ? { unit: unit.code, criterion: leaves[position]!, notApplicable: true }
        : { unit: unit.code, criterion: leaves[position]!, points },
    ),
  );
  return {
    format: "par-index.results/1",
    period: {
      code: options.code,
      year: options.year,
      name: `Chỉ số CCHC năm ${options.year} — thử nghiệm`,
      authority: "UBND huyện Thử Nghiệm",
      ...(options.previous ? { previous: options.previous } : {}),
      decision: { number: `${options.year}/QĐ-UBND`, date: `${options.year + 1}-01-12` },
    },
    criteriaSet: {
      code: "test-set",
      name: "Bộ chỉ số thử nghiệm",
      criteria: [
        {
          code: "1",
          name: "Công tác chỉ đạo, điều hành",
          maxPoints: Number((max11 + max12).toFixed(4)),
          method: "appraisal",
          children: [
            { code: "1.1", name: "Kế hoạch CCHC", maxPoints: max11, method: "appraisal" },
            { code: "1.2", name: "Văn bản QPPL", maxPoints: max12, method: "appraisal" },
          ],
        },
        {
          code: "2",
          name: "Tác động của CCHC",
          maxPoints: max21,
          method: "survey",
          children: [{ code: "2.1", name: "Mức độ hài lòng", maxPoints: max21, method: "survey" }],
        },
      ],
    },
    groups: [{ code: "xa", name: "Khối xã" }],
    bands: [
      { label: "Xuất sắc", minIndex: 90 },
      { label: "Tốt", minIndex: 80 },
      { label: "Khá", minIndex: 70 },
      { label: "Trung bình", minIndex: 50 },
      { label: "Yếu", minIndex: 0 },
    ],
    tieBreakers: options.tieBreakers ?? ["appraisalPoints", "surveyPoints"],
    units: options.units.map((unit) => ({ code: unit.code, name: unit.name, group: "xa", predecessors: unit.predecessors ?? [] })),
    scores,
  };
}
