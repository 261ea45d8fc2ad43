import type { Actor } from "@/lib/auth/actor";
import { auditActorId } from "@/lib/auth/actor";
import { parseAuditLogFilter, type AuditLogFilter, type AuditLogFilterInput } from "@/lib/domain/audit-log-filter";
import type { Locale } from "@/lib/i18n/locale";
import { csvField } from "@/lib/results-package/write-results-package-csv";
import { assertCan } from "@/lib/review/permissions";
import { readAuditLogBatches, type AuditLogRow } from "@/lib/data/audit-log-query";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";

const BOM = "\uFEFF";
const CRLF = "\r\n";
const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

const HEADERS: Record<Locale, string[]> = {
  vi: [
    "Thời điểm UTC (ISO 8601)",
    "Giờ Việt Nam",
    "Người thực hiện",
    "Thao tác",
    "Đối tượng",
    "Kỳ đánh giá",
    "Đơn vị",
    "Trước (JSON)",
    "Sau (JSON)",
    "Địa chỉ IP",
  ],
  en: ["Time UTC (ISO 8601)", "Vietnam time", "Actor", "Action", "Entity", "Period", "Unit", "Before (JSON)", "After (JSON)", "IP address"],
};

const localTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: VIETNAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "20/01/2026 10:05:09": the day first, as Vietnamese readers and spreadsheets set to vi expect. */
function vietnamTime(at: Date): string {
  const parts = Object.fromEntries(localTime.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

function csvLine(row: AuditLogRow): string {
  const cells = [
    row.at.toISOString(),
    vietnamTime(row.at),
    row.actor ? `${row.actor.name} <${row.actor.email}>` : "",
    row.action,
    row.entityId ? `${row.entityType} ${row.entityId}` : row.entityType,
    row.period?.code ?? "",
    row.unit ? `${row.unit.code} — ${row.unit.name}` : "",
    row.before == null ? "" : JSON.stringify(row.before),
    row.after == null ? "" : JSON.stringify(row.after),
    row.ip ?? "",
  ];
  return cells.map(csvField).join(",");
}

/** The CSV text in pieces: the BOM and header, then one piece per batch of rows. */
async function* csvChunks(actor: Actor, filter: AuditLogFilter, locale: Locale, batchSize: number): AsyncGenerator<string> {
  yield BOM + HEADERS[locale].map(csvField).join(",") + CRLF;
  for await (const rows of readAuditLogBatches(actor, filter, batchSize)) {
    yield rows.map(csvLine).join(CRLF) + CRLF;
  }
}

export type AuditLogCsvExport = {
  fileName: string;
  contentType: string;
  /** UTF-8 bytes, read from the database batch by batch as the client reads them. */
  body: ReadableStream<Uint8Array>;
};

/**
 * The audit log, filtered as on the admin's screen, as CSV for a spreadsheet: UTF-8 with a BOM,
 * RFC 4180 quoting, cells that a spreadsheet would run as a formula prefixed with an apostrophe.
 * Refusals (permission, a bad filter) happen before anything is streamed, so the route can answer
 * with a status; the export itself is audited, since it takes the log out of the portal.
 */
export async function exportAuditLogCsv(
  actor: Actor,
  filterInput: AuditLogFilterInput,
  options: { locale?: Locale; batchSize?: number; ip?: string | null; now?: Date } = {},
): Promise<AuditLogCsvExport> {
  assertCan(actor, "audit.read");
  const filter = parseAuditLogFilter(filterInput);
  const now = options.now ?? new Date();
  await inTransaction((tx) =>
    writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "audit.export",
      entityType: "AuditLog",
      ip: options.ip ?? null,
      after: describeFilter(filter),
    }),
  );
  const chunks = csvChunks(actor, filter, options.locale ?? "vi", options.batchSize ?? 1000);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    // Pull, not push: the next batch is read only when the client has taken the previous one.
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const stamp = now.toISOString().slice(0, 10);
  return { fileName: `nhat-ky-${stamp}.csv`, contentType: "text/csv; charset=utf-8", body };
}

function describeFilter(filter: AuditLogFilter) {
  return {
    periodCode: filter.periodCode ?? null,
    actorEmail: filter.actorEmail ?? null,
    action: filter.action ?? null,
    entityType: filter.entityType ?? null,
    unitCode: filter.unitCode ?? null,
    from: filter.from?.toISOString() ?? null,
    until: filter.until?.toISOString() ?? null,
  };
}
