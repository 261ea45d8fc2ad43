import { timingSafeEqual } from "node:crypto";
import { revalidatePath } from "next/cache";

/**
 * Drops every cached public page, after a publication. Only the process that started this server
 * knows the token (scripts/run-app.ts passes it in PAR_REVALIDATE_TOKEN and writes it to
 * .data/portal.json for the command line); anyone else gets the same 404 as an unknown address.
 */
export async function POST(request: Request) {
  const expected = process.env.PAR_REVALIDATE_TOKEN;
  const given = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  if (!expected || !sameSecret(given, expected)) {
    return Response.json({ error: { code: "not_found", message: "Không tìm thấy. / Not found." } }, { status: 404 });
  }
  revalidatePath("/[locale]", "layout");
  return Response.json({ revalidated: true });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
