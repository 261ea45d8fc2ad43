import type { SipasResponseAnswers } from "@/lib/sipas/compute-sipas-figures";
import { currentClient } from "./transaction";

type ResponseRow = { unitId: string; answers: Record<string, number> | null };

/**
 * The accepted responses of a survey, per unit: unitId → one answer map per response. Flagged
 * and rejected responses are left out (a flagged one counts only once an admin accepts it).
 *
 * One query for the whole period, selecting only what the computation needs: a province's
 * ~100 units × 500 responses × 25 questions is over a million answers, so PostgreSQL folds each
 * response's answers into one JSON object (code → value) and 50,000 rows travel instead of a
 * million. A response whose questions were all optional and skipped still counts as a response
 * (the left join keeps it, with no answers).
 */
export async function loadAcceptedResponsesByUnit(surveyId: string, unitId?: string): Promise<Map<string, SipasResponseAnswers[]>> {
  const client = currentClient();
  const rows = await client.$queryRaw<ResponseRow[]>`
    select r."unitId", json_object_agg(q.code, a.value) filter (where q.code is not null) as answers
    from "SipasResponse" r
    left join "SipasAnswer" a on a."responseId" = r.id
    left join "SipasQuestion" q on q.id = a."questionId"
    where r."surveyId" = ${surveyId} and r.status = 'accepted' and (${unitId ?? null}::text is null or r."unitId" = ${unitId ?? null})
    group by r."unitId", r.id
    order by r."unitId", r.id`;

  const byUnit = new Map<string, SipasResponseAnswers[]>();
  for (const row of rows) {
    const list = byUnit.get(row.unitId) ?? [];
    list.push(new Map(Object.entries(row.answers ?? {})));
    byUnit.set(row.unitId, list);
  }
  return byUnit;
}
