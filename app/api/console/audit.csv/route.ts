import { getSessionUser } from "@/lib/auth/session";
import { answer } from "@/lib/auth/console-route-answers";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { requestAddress } from "@/lib/auth/request-address";
import { actionFailure } from "@/lib/domain/action-result";
import { attachmentContentDisposition } from "@/lib/domain/evidence-file-rules";
import { negotiateApiLocale } from "@/lib/i18n/negotiate-api-locale";
import { exportAuditLogCsv } from "@/lib/services/export-audit-log-csv";

/** The fields of the audit page's filter, read from the query under the same names. */
const FILTER_FIELDS = ["periodCode", "actorEmail", "action", "entityType", "unitCode", "from", "to"] as const;

/**
 * The audit log as CSV, filtered as on the admin's page (every matching row, not one page),
 * streamed as it is read. Not signed in: 401; any role but home affairs: 404, like a missing
 * page; a bad filter: 400 with its message in both languages.
 */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return answer(NOT_SIGNED_IN);
  const query = new URL(request.url).searchParams;
  const filter = Object.fromEntries(FILTER_FIELDS.map((field) => [field, query.get(field) ?? undefined]));
  try {
    const csv = await exportAuditLogCsv(user, filter, {
      locale: negotiateApiLocale(request.headers.get("accept-language"), query.get("lang")),
      ip: requestAddress(request.headers),
    });
    return new Response(csv.body, {
      headers: {
        "content-type": csv.contentType,
        "content-disposition": attachmentContentDisposition(csv.fileName),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return answer(actionFailure(error));
  }
}
