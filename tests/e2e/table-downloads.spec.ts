import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

// The demo data (scripts/demo-data): the departments of 2024 have SIPAS figures for all 18 units;
// Sở Nội vụ has results from 2022 to 2024; three communes of Mai Sơn 2024 are compared.
const SIPAS = "/sipas/son-la-so-2024";
const UNIT = "/units/so-noi-vu";
const COMPARED = "/compare?period=mai-son-xa-2024&units=xa-chieng-dong-kheo,xa-na-bo,xa-chieng-mung";

type Downloads = { csv: string; xlsx: string; json: string };

/** The three links of the page's "Tải dữ liệu" block, which must be the only ones on the page. */
async function downloadLinks(page: Page): Promise<Downloads> {
  const href = async (name: RegExp) => (await page.getByRole("link", { name }).getAttribute("href"))!;
  return { csv: await href(/^Tải CSV/), xlsx: await href(/^Tải Excel \(XLSX\)/), json: await href(/^Tải JSON/) };
}

/** Each link answers its file; the CSV's lines, after its BOM, for the caller to check. */
async function fetchAll(request: APIRequestContext, links: Downloads): Promise<{ csv: string[]; json: unknown }> {
  const csv = await request.get(links.csv);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="par-index-[^"]+\.csv"/);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  const xlsx = await request.get(links.xlsx);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  // A workbook is a zip, not an error page.
  expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");

  const json = await request.get(links.json);
  expect(json.status()).toBe(200);
  expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect(json.headers()["access-control-allow-origin"]).toBe("*");

  return { csv: bytes.subarray(3).toString("utf8").split("\r\n"), json: await json.json() };
}

test.describe("table downloads", () => {
  test("the SIPAS page offers its table as CSV, XLSX and JSON", async ({ page, request }) => {
    await page.goto(SIPAS);
    const links = await downloadLinks(page);
    expect(links).toEqual({
      csv: "/api/v1/periods/son-la-so-2024/sipas.csv?group=so",
      xlsx: "/api/v1/periods/son-la-so-2024/sipas.xlsx?group=so",
      json: "/api/v1/periods/son-la-so-2024/sipas?group=so",
    });
    const { csv, json } = await fetchAll(request, links);
    expect(csv[0]).toMatch(/^period,group,unit,unitName,index,responses,smallSample,ciLow,ciHigh(,element_[^,]+_index)*$/);
    expect(csv.slice(1, -1)).toHaveLength(18);
    expect(csv.find((line) => line.includes(",so-noi-vu,"))).toMatch(/^son-la-so-2024,so,so-noi-vu,Sở Nội vụ,\d+(\.\d{1,4})?,/);
    expect((json as { rows: unknown[] }).rows).toHaveLength(18);
  });

  test("a unit page offers its history table as CSV, XLSX and JSON", async ({ page, request }) => {
    await page.goto(UNIT);
    const history = page.getByRole("region", { name: "Diễn biến qua các kỳ" });
    await expect(history.getByRole("heading", { name: "Tải dữ liệu" })).toBeVisible();
    const links = await downloadLinks(page);
    expect(links).toEqual({
      csv: "/api/v1/units/so-noi-vu/history.csv",
      xlsx: "/api/v1/units/so-noi-vu/history.xlsx",
      json: "/api/v1/units/so-noi-vu/history",
    });
    const { csv } = await fetchAll(request, links);
    expect(csv[0]).toBe("period,year,periodName,group,groupName,groupSize,rank,rankChange,unit,unitName,relation,total,applicableMax,index,band,notComparableWithPrevious");
    const years = csv.slice(1, -1).map((line) => line.split(",")[1]);
    expect(years).toEqual(["2022", "2023", "2024"]);
    expect(csv[3]).toContain(",so-noi-vu,Sở Nội vụ,self,");
  });

  test("a comparison offers its table as CSV, XLSX and JSON, units in the order compared", async ({ page, request }) => {
    await page.goto(COMPARED);
    const links = await downloadLinks(page);
    expect(links.csv).toBe("/api/v1/periods/mai-son-xa-2024/compare.csv?units=xa-chieng-dong-kheo,xa-na-bo,xa-chieng-mung");
    const { csv, json } = await fetchAll(request, links);
    expect(csv[0]).toMatch(/^period,group,groupName,groupSize,rank,rankChange,unit,unitName,total,applicableMax,index,band,field_/);
    // A group's name may hold a comma (quoted in the file), so the code is found rather than counted to.
    const order = ["xa-chieng-dong-kheo", "xa-na-bo", "xa-chieng-mung"];
    expect(csv.slice(1, -1).map((line) => order.find((code) => line.includes(`,${code},`)))).toEqual(order);
    expect((json as { rows: { unit: { code: string } }[] }).rows.map((row) => row.unit.code)).toEqual(order);

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: /^Download CSV/ })).toHaveAttribute("href", links.csv);
  });
});
