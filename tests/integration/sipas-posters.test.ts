import { beforeEach, describe, expect, it, vi } from "vitest";
import { PDFDocument } from "pdf-lib";
import type { SessionUser } from "@/lib/auth/session";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { clonePeriod } from "@/lib/services/clone-period";
import { createSipasSurvey } from "@/lib/services/create-sipas-survey";
import { getPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE } from "@/lib/auth/actor";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

import * as pngRoute from "@/app/api/console/sipas/[period]/[unit]/poster.png/route";
import * as pdfRoute from "@/app/api/console/sipas/[period]/[unit]/poster.pdf/route";

withTestDatabase();

const PERIOD = "thu-nghiem-2023";
const person = (role: SessionUser["role"], unitId: string | null = null): SessionUser => ({
  userId: `user-${role}`,
  role,
  unitId,
  name: role,
  email: `${role}@example.vn`,
  mustChangePassword: false,
});

function get(route: typeof pngRoute, unit: string, period = PERIOD) {
  const request = new Request(`https://cchc.example.vn/api/console/sipas/${period}/${unit}/poster`);
  return route.GET(request, { params: Promise.resolve({ period, unit }) });
}

beforeEach(async () => {
  const parsed = parseResultsPackage(
    JSON.stringify(buildPackage({ code: "thu-nghiem-2022", year: 2022, units: [{ code: "a", name: "UBND xã Chiềng Mai", points: [30, 28, 35] }] })),
  );
  if (!parsed.ok) throw new Error("fixture");
  await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: COMMAND_LINE });
  await clonePeriod(COMMAND_LINE, { fromPeriodCode: "thu-nghiem-2022", code: PERIOD, year: 2023, name: "Chỉ số CCHC năm 2023" });
  await createSipasSurvey(COMMAND_LINE, { periodCode: PERIOD, from: "default" });
  session.user = person("admin");
});

describe("QR posters of a unit's survey form", () => {
  it("gives home affairs the code as a PNG with room around it", async () => {
    const response = await get(pngRoute, "a");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toContain("sipas-qr-thu-nghiem-2023-a.png");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: a square image 1,024 pixels wide.
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it("gives an A4 PDF with the unit's name and the form's address, to print", async () => {
    const response = await get(pdfRoute, "a");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = await PDFDocument.load(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(pdf.getSubject()).toBe(`https://cchc.example.vn/survey/${PERIOD}/a`);
    expect(pdf.getTitle()).toContain("UBND xã Chiềng Mai");
  });

  it("prints the configured public address when there is one", async () => {
    vi.stubEnv("PUBLIC_BASE_URL", "https://cchc.sonla.gov.vn/");
    try {
      const pdf = await PDFDocument.load(new Uint8Array(await (await get(pdfRoute, "a")).arrayBuffer()));
      expect(pdf.getSubject()).toBe(`https://cchc.sonla.gov.vn/survey/${PERIOD}/a`);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("answers 404 to the council, an officer, a unit outside the period and a period without a survey; 401 without a session", async () => {
    const unit = await getPrisma().unit.findUniqueOrThrow({ where: { code: "a" } });
    for (const user of [person("council"), person("unit_officer", unit.id)]) {
      session.user = user;
      expect((await get(pngRoute, "a")).status).toBe(404);
      expect((await get(pdfRoute, "a")).status).toBe(404);
    }
    session.user = person("admin");
    expect((await get(pdfRoute, "khong-co")).status).toBe(404);
    expect((await get(pngRoute, "a", "thu-nghiem-2022")).status).toBe(404);
    session.user = null;
    expect((await get(pngRoute, "a")).status).toBe(401);
  });
});
