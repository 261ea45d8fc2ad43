import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PageFailureNotice } from "@/components/page-failure-notice";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/domain/database-outage";

const render = (error: unknown) => renderToStaticMarkup(createElement(PageFailureNotice, { error, retry: () => {} }));

describe("the page shown when a page fails to render", () => {
  it("gives an unexpected failure's error code in both languages, the one in the server's log line, and never its text", () => {
    const html = render(Object.assign(new Error("relation \"Unit\" does not exist"), { digest: "4051841075" }));
    expect(html).toContain("Đã có lỗi ngoài dự kiến");
    expect(html).toContain("hãy báo quản trị viên mã lỗi này: <code");
    expect(html).toContain("give the administrator this error code: <code");
    expect(html.match(/4051841075/g)).toHaveLength(2);
    expect(html).not.toContain("does not exist");
  });

  it("shows no code for a database outage, which nobody needs to report, nor for a digest that is not a plain code", () => {
    const outage = render(Object.assign(new Error("down"), { digest: DATABASE_UNAVAILABLE_DIGEST }));
    expect(outage).toContain("Cổng thông tin tạm thời gián đoạn");
    expect(outage).not.toContain("mã lỗi");
    expect(render(Object.assign(new Error("x"), { digest: "<script>alert(1)</script>" }))).not.toContain("mã lỗi");
    expect(render(new Error("no digest"))).not.toContain("mã lỗi");
  });
});
