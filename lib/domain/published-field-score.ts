/**
 * One field (lĩnh vực, depth-1 criterion) of one unit's result as a publication stores it in
 * `PublishedResult.fields` and as the ranking of stored scores carries it: exact decimal strings
 * without trailing zeros ("12.5", "0"), never binary floats.
 */
export type PublishedFieldScore = {
  code: string;
  name: string;
  points: string;
  maxPoints: string;
  /** The field's max without its not-applicable leaves: what the unit could have scored. */
  applicableMax: string;
  /** Every leaf of the field is not applicable to the unit. */
  notApplicable: boolean;
};

/** A field as a publication lists it once for all its units. */
export type PublishedFieldHeading = Pick<PublishedFieldScore, "code" | "name" | "maxPoints">;
