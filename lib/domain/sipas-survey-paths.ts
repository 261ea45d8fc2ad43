/** The address printed on a unit's QR poster: short, so the code stays coarse and easy to scan. */
export function surveyFormPath(periodCode: string, unitCode: string): string {
  return `/survey/${encodeURIComponent(periodCode)}/${encodeURIComponent(unitCode)}`;
}

/** Where the form posts its answers. */
export function surveySubmitPath(periodCode: string, unitCode: string): string {
  return `/api/survey/${encodeURIComponent(periodCode)}/${encodeURIComponent(unitCode)}`;
}

/** The random id of the visitor's device (only its salted hash is stored), one response per unit per day. */
export const SURVEY_DEVICE_COOKIE = "sipas_device";
