import type { SipasResponseAnswers } from "@/lib/sipas/compute-sipas-figures";
import { currentClient } from "./transaction";

type AnswerRow = { responseId: string; unitId: string; code: string | null; value: number | null };

/**
 * The accepted responses of a survey, per unit: unitId → one answer map per response. Flagged
 * and rejected responses are left out (a flagged one counts only once an admin accepts it).
 *
 * One query for the whole period, selecting only what the computation needs: a province's
 * ~100 units × 500 responses × 25 questions is over a million rows, so no Prisma objects per
 * answer. A response whose questions were all optional and skipped still counts as a response
 * (the left join keeps it with no answers).
 */
export async function loadAcceptedResponsesByUnit(surveyId: string, unitId?: string): Promise<Map<string, SipasResponseAnswers[]>> {
  const client = currentClient();
  const rows = unitId
    ? await client.$queryRaw<AnswerRow[]>`
        select r.id as "responseId", r."unitId", q.code, a.value
        from "SipasResponse" r
        left join "SipasAnswer" a on a."responseId" = r.id
        left join "SipasQuestion" q on q.id = a."questionId"
        where r."surveyId" = ${surveyId} and r."unitId" = ${unitId} and r.status = 'accepted'
        order by r."unitId", r.id`
    : await client.$queryRaw<AnswerRow[]>`
        select r.id as "responseId", r."unitId", q.code, a.value
        from "SipasResponse" r
        left join "SipasAnswer" a on a."responseId" = r.id
        left join "SipasQuestion" q on q.id = a."questionId"
        where r."surveyId" = ${surveyId} and r.status = 'accepted'
        order by r."unitId", r.id`;

  const byUnit = new Map<string, SipasResponseAnswers[]>();
  let currentId: string | null = null;
  let current = new Map<string, number>();
  for (const row of rows) {
    if (row.responseId !== currentId) {
      currentId = row.responseId;
      current = new Map();
      const list = byUnit.get(row.unitId) ?? [];
      list.push(current);
      byUnit.set(row.unitId, list);
    }
    if (row.code !== null && row.value !== null) current.set(row.code, row.value);
  }
  return byUnit;
}
