import { etagOf, matchesIfNoneMatch, notModifiedResponse, type ApiContext } from "./public-api-http";

export type TableRepresentation = "json" | "csv" | "xlsx";

/**
 * The validator of a table whose data has no version of its own (SIPAS element figures, a unit's
 * lineage, a comparison of any units): the hash of its JSON, which every representation is made
 * from, so the tag changes exactly when a figure, a name or a row does. `revision` is bumped when
 * the bytes made from the same JSON change (another CSV column). A workbook's zip records when it
 * was written, so its tag is weak: same data, other bytes.
 */
export function tableEtag(table: string, revision: string, representation: TableRepresentation, json: unknown): string {
  const tag = etagOf(table, revision, representation, JSON.stringify(json));
  return representation === "xlsx" ? `W/${tag}` : tag;
}

/** 304 when the client already holds this representation; null to answer it in full. */
export function notModifiedFor(context: ApiContext, etag: string): Response | null {
  return matchesIfNoneMatch(context.request, etag) ? notModifiedResponse(etag) : null;
}
