/**
 * The three illustrative criteria sets (departments, districts, communes). Leaves carry their max
 * points as exact decimal strings; parents' max points are computed as the exact sum of children.
 */

import Decimal from "decimal.js";
import type { CriteriaSetJson, CriterionMethod, CriterionNodeJson } from "./results-package-json";

/** A node as written below: leaves have `max`; parents have `children`. */
interface CriterionSpec {
  code: string;
  name: string;
  max?: string;
  method?: CriterionMethod;
  /** Why the council takes points off this leaf (appraisal leaves). */
  lossReason?: string;
  children?: CriterionSpec[];
}

/** A leaf with what the generator needs beyond the package JSON. */
export interface DemoLeaf {
  code: string;
  name: string;
  max: Decimal;
  /** Max points in thousandths of a point (exact integer). */
  maxMilli: number;
  method: CriterionMethod;
  lossReason: string;
}

export interface DemoCriteriaSet {
  json: CriteriaSetJson;
  leaves: DemoLeaf[];
}

const S: CriterionMethod = "survey";

function leaf(code: string, name: string, max: string, lossReason: string): CriterionSpec {
  return { code, name, max, method: "appraisal", lossReason };
}

function survey(code: string, name: string, max: string): CriterionSpec {
  return { code, name, max, method: S };
}

function node(code: string, name: string, children: CriterionSpec[]): CriterionSpec {
  return { code, name, children };
}

function toJson(spec: CriterionSpec): { json: CriterionNodeJson; max: Decimal; allSurvey: boolean } {
  if (spec.children && spec.children.length > 0) {
    const built = spec.children.map(toJson);
    const max = built.reduce((sum, child) => sum.plus(child.max), new Decimal(0));
    const allSurvey = built.every((child) => child.allSurvey);
    return {
      json: {
        code: spec.code,
        name: spec.name,
        maxPoints: Number(max.toFixed()),
        method: allSurvey ? "survey" : "appraisal",
        children: built.map((child) => child.json),
      },
      max,
      allSurvey,
    };
  }
  if (spec.max === undefined) throw new Error(`leaf ${spec.code} has no max points`);
  const max = new Decimal(spec.max);
  const method = spec.method ?? "appraisal";
  return {
    json: { code: spec.code, name: spec.name, maxPoints: Number(max.toFixed()), method },
    max,
    allSurvey: method === "survey",
  };
}

function collectLeaves(spec: CriterionSpec, out: DemoLeaf[]): void {
  if (spec.children && spec.children.length > 0) {
    for (const child of spec.children) collectLeaves(child, out);
    return;
  }
  const max = new Decimal(spec.max ?? "0");
  out.push({
    code: spec.code,
    name: spec.name,
    max,
    maxMilli: max.times(1000).toNumber(),
    method: spec.method ?? "appraisal",
    lossReason: spec.lossReason ?? "Chưa đáp ứng đầy đủ yêu cầu của tiêu chí",
  });
}

function buildSet(code: string, name: string, fields: CriterionSpec[]): DemoCriteriaSet {
  const leaves: DemoLeaf[] = [];
  for (const field of fields) collectLeaves(field, leaves);
  const total = leaves.reduce((sum, l) => sum.plus(l.max), new Decimal(0));
  if (!total.equals(100)) throw new Error(`criteria set ${code} sums to ${total.toFixed()}, not 100`);
  return { json: { code, name, criteria: fields.map((f) => toJson(f).json) }, leaves };
}

// ---------------------------------------------------------------------------------------------
// Departments (sở, ban, ngành): 7 fields, 39 leaves, 29.5 survey points.

const departmentFields: CriterionSpec[] = [
  node("1", "Công tác chỉ đạo, điều hành CCHC", [
    node("1.1", "Kế hoạch CCHC năm", [
      leaf("1.1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", "1",
        "Chưa cung cấp tài liệu kiểm chứng về việc ban hành kế hoạch"),
      leaf("1.1.2", "Mức độ hoàn thành kế hoạch CCHC năm", "2",
        "Còn nhiệm vụ trong kế hoạch CCHC năm chưa hoàn thành"),
    ]),
    leaf("1.2", "Thực hiện chế độ báo cáo CCHC định kỳ đầy đủ, đúng thời hạn", "1.5",
      "Báo cáo CCHC quý gửi chậm so với thời hạn quy định"),
    leaf("1.3", "Kiểm tra công tác CCHC tại các phòng, đơn vị trực thuộc", "1.5",
      "Tỷ lệ đơn vị trực thuộc được kiểm tra chưa đạt kế hoạch"),
    leaf("1.4", "Công tác tuyên truyền CCHC", "3",
      "Chưa có tài liệu kiểm chứng về các hoạt động tuyên truyền đã thực hiện"),
    survey("1.5", "Mức độ hài lòng của người dân, tổ chức về công tác chỉ đạo, điều hành CCHC", "3"),
  ]),
  node("2", "Cải cách thể chế", [
    node("2.1", "Xây dựng và ban hành văn bản QPPL thuộc phạm vi tham mưu", [
      leaf("2.1.1", "Thực hiện kế hoạch xây dựng văn bản QPPL của tỉnh", "1.5",
        "Còn văn bản QPPL trong kế hoạch chưa trình đúng tiến độ"),
      leaf("2.1.2", "Chất lượng văn bản QPPL do đơn vị tham mưu ban hành", "1.5",
        "Có văn bản QPPL phải sửa đổi, bổ sung do chưa bảo đảm chất lượng"),
    ]),
    leaf("2.2", "Rà soát, hệ thống hóa văn bản QPPL theo kế hoạch", "2.5",
      "Chưa hoàn thành rà soát văn bản QPPL theo kế hoạch"),
    leaf("2.3", "Tổ chức thực hiện và kiểm tra việc thi hành văn bản QPPL", "2",
      "Chưa ban hành kế hoạch kiểm tra việc thi hành văn bản QPPL"),
    survey("2.4", "Mức độ hài lòng về chất lượng văn bản QPPL do đơn vị tham mưu ban hành", "2.5"),
  ]),
  node("3", "Cải cách thủ tục hành chính", [
    leaf("3.1", "Kiểm soát, công bố, công khai TTHC đúng quy định", "3",
      "Công bố danh mục TTHC chậm so với thời hạn quy định"),
    node("3.2", "Thực hiện cơ chế một cửa, một cửa liên thông", [
      leaf("3.2.1", "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", "3",
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn dưới 98%"),
      leaf("3.2.2", "Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC", "2",
        "Còn phản ánh, kiến nghị về TTHC xử lý quá thời hạn"),
    ]),
    leaf("3.3", "Số hóa hồ sơ, kết quả giải quyết TTHC", "3",
      "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC chưa đạt chỉ tiêu"),
    node("3.4", "Mức độ hài lòng của người dân, tổ chức khi giải quyết TTHC", [
      survey("3.4.1", "Hài lòng về công khai, minh bạch và thời gian giải quyết TTHC", "4.5"),
      survey("3.4.2", "Hài lòng về thái độ phục vụ của công chức tại bộ phận một cửa", "4.5"),
    ]),
  ]),
  node("4", "Cải cách tổ chức bộ máy hành chính", [
    leaf("4.1", "Sắp xếp, kiện toàn tổ chức bộ máy theo quy định", "3.5",
      "Chưa hoàn thành sắp xếp các phòng chuyên môn theo đề án được duyệt"),
    node("4.2", "Thực hiện quy định về biên chế", [
      leaf("4.2.1", "Sử dụng biên chế được giao đúng quy định", "2",
        "Chưa cung cấp tài liệu kiểm chứng về việc sử dụng biên chế"),
      leaf("4.2.2", "Tỷ lệ tinh giản biên chế so với kế hoạch", "1.5",
        "Tỷ lệ tinh giản biên chế chưa đạt kế hoạch"),
    ]),
    leaf("4.3", "Thực hiện phân cấp, ủy quyền", "1",
      "Chưa kiểm tra việc thực hiện các nhiệm vụ được phân cấp"),
    survey("4.4", "Mức độ hài lòng về tổ chức bộ máy của đơn vị", "2"),
  ]),
  node("5", "Cải cách chế độ công vụ", [
    leaf("5.1", "Xác định, bố trí công chức theo vị trí việc làm", "3",
      "Còn công chức bố trí chưa đúng vị trí việc làm được phê duyệt"),
    node("5.2", "Tuyển dụng, đánh giá, đào tạo, bồi dưỡng công chức", [
      leaf("5.2.1", "Thực hiện tuyển dụng, đánh giá công chức đúng quy định", "2",
        "Hồ sơ đánh giá, xếp loại công chức chưa đầy đủ"),
      leaf("5.2.2", "Tỷ lệ công chức được đào tạo, bồi dưỡng theo kế hoạch", "1.5",
        "Tỷ lệ công chức được đào tạo, bồi dưỡng chưa đạt kế hoạch"),
    ]),
    leaf("5.3", "Chấp hành kỷ luật, kỷ cương hành chính", "3.5",
      "Có công chức vi phạm kỷ luật, kỷ cương hành chính trong năm"),
    survey("5.4", "Mức độ hài lòng về tinh thần, thái độ phục vụ của công chức", "4"),
  ]),
  node("6", "Cải cách tài chính công", [
    node("6.1", "Quản lý, sử dụng ngân sách", [
      leaf("6.1.1", "Tỷ lệ giải ngân vốn đầu tư công được giao", "2",
        "Tỷ lệ giải ngân vốn đầu tư công chưa đạt 95% kế hoạch"),
      leaf("6.1.2", "Thực hiện công khai ngân sách và quy chế chi tiêu nội bộ", "2",
        "Công khai dự toán ngân sách chậm so với quy định"),
    ]),
    leaf("6.2", "Thực hiện cơ chế tự chủ của đơn vị sự nghiệp công lập trực thuộc", "2.5",
      "Phương án tự chủ tài chính của đơn vị sự nghiệp trực thuộc chưa được phê duyệt"),
    leaf("6.3", "Thực hiện kết luận thanh tra, kiểm toán về tài chính", "1.5",
      "Còn kiến nghị của kiểm toán chưa thực hiện xong"),
    survey("6.4", "Mức độ hài lòng về công khai, minh bạch tài chính công", "2"),
  ]),
  node("7", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", [
    node("7.1", "Hạ tầng và ứng dụng công nghệ thông tin", [
      leaf("7.1.1", "Sử dụng hệ thống quản lý văn bản và điều hành", "2",
        "Còn văn bản chưa được xử lý trên hệ thống quản lý văn bản và điều hành"),
      leaf("7.1.2", "Tỷ lệ văn bản điện tử được ký số, gửi nhận trên môi trường mạng", "3",
        "Tỷ lệ văn bản đi được ký số chưa đạt 95%"),
    ]),
    node("7.2", "Cung cấp dịch vụ công trực tuyến", [
      leaf("7.2.1", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình", "3",
        "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình chưa đạt chỉ tiêu"),
      leaf("7.2.2", "Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến", "3",
        "Tỷ lệ hồ sơ trực tuyến chưa đạt chỉ tiêu của tỉnh"),
      leaf("7.2.3", "Tỷ lệ thanh toán trực tuyến phí, lệ phí", "2",
        "Tỷ lệ thanh toán trực tuyến phí, lệ phí thấp"),
    ]),
    leaf("7.3", "Kết nối, chia sẻ dữ liệu và thực hiện kế hoạch chuyển đổi số năm", "4",
      "Chưa hoàn thành kết nối, chia sẻ dữ liệu với cơ sở dữ liệu chuyên ngành"),
    survey("7.4", "Mức độ hài lòng của người dân, tổ chức về chính quyền điện tử, chính quyền số", "7"),
  ]),
];

// ---------------------------------------------------------------------------------------------
// Districts (huyện, thành phố): 8 fields worth 10 / 10 / 14.5 / 11 / 16 / 7 / 16 / 15.5; 40 leaves.

const districtFields: CriterionSpec[] = [
  node("1", "Công tác chỉ đạo, điều hành CCHC", [
    node("1.1", "Kế hoạch CCHC năm", [
      leaf("1.1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", "1",
        "Chưa cung cấp tài liệu kiểm chứng về việc ban hành kế hoạch"),
      leaf("1.1.2", "Mức độ hoàn thành kế hoạch CCHC năm", "2",
        "Còn nhiệm vụ trong kế hoạch CCHC năm chưa hoàn thành"),
    ]),
    leaf("1.2", "Thực hiện chế độ báo cáo CCHC định kỳ", "1.5",
      "Báo cáo CCHC quý gửi chậm so với thời hạn quy định"),
    leaf("1.3", "Kiểm tra công tác CCHC đối với các phòng, ban và UBND cấp xã", "2",
      "Tỷ lệ UBND cấp xã được kiểm tra trong năm chưa đạt 30%"),
    leaf("1.4", "Công tác tuyên truyền CCHC", "1.5",
      "Chưa có tài liệu kiểm chứng về các hoạt động tuyên truyền đã thực hiện"),
    leaf("1.5", "Sáng kiến, giải pháp mới trong CCHC", "2",
      "Sáng kiến CCHC chưa được cấp có thẩm quyền công nhận"),
  ]),
  node("2", "Cải cách thể chế", [
    node("2.1", "Xây dựng, ban hành văn bản QPPL", [
      leaf("2.1.1", "Thực hiện kế hoạch ban hành văn bản QPPL của huyện", "1.5",
        "Còn văn bản QPPL trong kế hoạch chưa ban hành đúng tiến độ"),
      leaf("2.1.2", "Bảo đảm chất lượng văn bản QPPL do UBND huyện ban hành", "2",
        "Có văn bản QPPL bị cơ quan kiểm tra kiến nghị xử lý"),
    ]),
    leaf("2.2", "Rà soát, hệ thống hóa văn bản QPPL", "2.5",
      "Chưa công bố kết quả hệ thống hóa văn bản QPPL đúng thời hạn"),
    leaf("2.3", "Tổ chức thực hiện và kiểm tra việc thi hành văn bản QPPL", "2",
      "Chưa ban hành kế hoạch kiểm tra việc thi hành văn bản QPPL"),
    leaf("2.4", "Xử lý văn bản trái pháp luật phát hiện qua kiểm tra", "2",
      "Xử lý văn bản trái pháp luật chưa đúng thời hạn"),
  ]),
  node("3", "Cải cách thủ tục hành chính", [
    leaf("3.1", "Kiểm soát, công bố, công khai TTHC", "3",
      "Niêm yết TTHC tại bộ phận một cửa chưa đầy đủ, kịp thời"),
    node("3.2", "Thực hiện cơ chế một cửa, một cửa liên thông", [
      leaf("3.2.1", "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", "4",
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn dưới 98%"),
      leaf("3.2.2", "Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC", "1.5",
        "Còn phản ánh, kiến nghị về TTHC xử lý quá thời hạn"),
      leaf("3.2.3", "Thực hiện xin lỗi người dân, tổ chức khi giải quyết hồ sơ quá hạn", "1.5",
        "Có hồ sơ quá hạn nhưng chưa có văn bản xin lỗi người dân, tổ chức"),
    ]),
    leaf("3.3", "Số hóa hồ sơ, kết quả giải quyết TTHC", "4.5",
      "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC chưa đạt chỉ tiêu"),
  ]),
  node("4", "Cải cách tổ chức bộ máy hành chính", [
    leaf("4.1", "Sắp xếp, kiện toàn các cơ quan chuyên môn thuộc UBND huyện", "3",
      "Chưa ban hành quy định chức năng, nhiệm vụ của một số phòng chuyên môn"),
    node("4.2", "Thực hiện quy định về biên chế", [
      leaf("4.2.1", "Sử dụng biên chế được giao đúng quy định", "2",
        "Chưa cung cấp tài liệu kiểm chứng về việc sử dụng biên chế"),
      leaf("4.2.2", "Tỷ lệ tinh giản biên chế so với kế hoạch", "2",
        "Tỷ lệ tinh giản biên chế chưa đạt kế hoạch"),
    ]),
    leaf("4.3", "Sắp xếp, tổ chức lại đơn vị sự nghiệp công lập", "2.5",
      "Chưa hoàn thành sắp xếp đơn vị sự nghiệp công lập theo lộ trình"),
    leaf("4.4", "Thực hiện phân cấp quản lý", "1.5",
      "Chưa kiểm tra việc thực hiện các nhiệm vụ được phân cấp"),
  ]),
  node("5", "Cải cách chế độ công vụ", [
    node("5.1", "Vị trí việc làm", [
      leaf("5.1.1", "Phê duyệt, điều chỉnh vị trí việc làm kịp thời", "1.5",
        "Điều chỉnh vị trí việc làm chậm so với yêu cầu"),
      leaf("5.1.2", "Bố trí công chức theo vị trí việc làm được phê duyệt", "2",
        "Còn công chức bố trí chưa đúng vị trí việc làm được phê duyệt"),
    ]),
    leaf("5.2", "Tuyển dụng, đánh giá, xếp loại công chức", "4",
      "Hồ sơ đánh giá, xếp loại công chức chưa đầy đủ"),
    leaf("5.3", "Đào tạo, bồi dưỡng cán bộ, công chức cấp huyện và cấp xã", "3.5",
      "Tỷ lệ cán bộ, công chức được đào tạo, bồi dưỡng chưa đạt kế hoạch"),
    leaf("5.4", "Chấp hành kỷ luật, kỷ cương hành chính", "3",
      "Có cán bộ, công chức vi phạm kỷ luật, kỷ cương hành chính trong năm"),
    leaf("5.5", "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định", "2",
      "Còn cán bộ, công chức cấp xã chưa đạt chuẩn theo quy định"),
  ]),
  node("6", "Cải cách tài chính công", [
    leaf("6.1", "Tỷ lệ giải ngân vốn đầu tư công được giao", "2.5",
      "Tỷ lệ giải ngân vốn đầu tư công chưa đạt 95% kế hoạch"),
    leaf("6.2", "Thực hiện công khai ngân sách và quy chế chi tiêu nội bộ", "2",
      "Công khai dự toán ngân sách chậm so với quy định"),
    leaf("6.3", "Thực hiện cơ chế tự chủ của đơn vị sự nghiệp công lập", "2.5",
      "Còn đơn vị sự nghiệp công lập chưa được giao quyền tự chủ"),
  ]),
  node("7", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", [
    node("7.1", "Hạ tầng và ứng dụng công nghệ thông tin", [
      leaf("7.1.1", "Sử dụng hệ thống quản lý văn bản và điều hành", "2.5",
        "Còn văn bản chưa được xử lý trên hệ thống quản lý văn bản và điều hành"),
      leaf("7.1.2", "Tỷ lệ văn bản điện tử được ký số", "3",
        "Tỷ lệ văn bản đi được ký số chưa đạt 95%"),
    ]),
    node("7.2", "Cung cấp dịch vụ công trực tuyến", [
      leaf("7.2.1", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình", "3",
        "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình chưa đạt chỉ tiêu"),
      leaf("7.2.2", "Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến", "4",
        "Tỷ lệ hồ sơ trực tuyến chưa đạt chỉ tiêu của tỉnh"),
    ]),
    leaf("7.3", "Thực hiện kế hoạch chuyển đổi số năm", "3.5",
      "Còn nhiệm vụ chuyển đổi số trong kế hoạch chưa hoàn thành"),
  ]),
  node("8", "Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội", [
    survey("8.1", "Tác động đến chất lượng thể chế trên địa bàn", "2.5"),
    survey("8.2", "Tác động đến chất lượng giải quyết TTHC", "4"),
    survey("8.3", "Tác động đến tổ chức bộ máy và đội ngũ cán bộ, công chức", "3"),
    node("8.4", "Tác động đến phát triển kinh tế - xã hội", [
      survey("8.4.1", "Thu hút đầu tư và phát triển doanh nghiệp trên địa bàn", "3"),
      survey("8.4.2", "Thực hiện các chỉ tiêu phát triển kinh tế - xã hội của huyện", "3"),
    ]),
  ]),
];

// ---------------------------------------------------------------------------------------------
// Communes (xã, thị trấn): 8 fields worth 13.5 / 3 / 21 / 6 / 9 / 5 / 11 / 31.5; 33 leaves.

const communeFields: CriterionSpec[] = [
  node("1", "Công tác chỉ đạo, điều hành CCHC", [
    node("1.1", "Kế hoạch CCHC năm", [
      leaf("1.1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", "1.5",
        "Chưa cung cấp tài liệu kiểm chứng về việc ban hành kế hoạch"),
      leaf("1.1.2", "Mức độ hoàn thành kế hoạch CCHC năm", "2.5",
        "Còn nhiệm vụ trong kế hoạch CCHC năm chưa hoàn thành"),
    ]),
    leaf("1.2", "Thực hiện chế độ báo cáo CCHC định kỳ", "2",
      "Báo cáo CCHC quý gửi chậm so với thời hạn quy định"),
    leaf("1.3", "Công tác tuyên truyền CCHC", "3",
      "Chưa có tài liệu kiểm chứng về các hoạt động tuyên truyền đã thực hiện"),
    leaf("1.4", "Sáng kiến, giải pháp mới trong CCHC", "1.5",
      "Không có sáng kiến, giải pháp mới được công nhận trong năm"),
    leaf("1.5", "Thực hiện nhiệm vụ được UBND huyện giao", "3",
      "Còn nhiệm vụ UBND huyện giao chưa hoàn thành đúng hạn"),
  ]),
  node("2", "Cải cách thể chế", [
    leaf("2.1", "Tổ chức thực hiện văn bản QPPL trên địa bàn", "1.5",
      "Chưa ban hành kế hoạch triển khai văn bản QPPL mới"),
    leaf("2.2", "Theo dõi tình hình thi hành pháp luật", "1.5",
      "Chưa có báo cáo theo dõi tình hình thi hành pháp luật"),
  ]),
  node("3", "Cải cách TTHC", [
    node("3.1", "Công khai TTHC", [
      leaf("3.1.1", "Niêm yết, công khai TTHC tại bộ phận một cửa", "2",
        "Niêm yết TTHC tại bộ phận một cửa chưa đầy đủ, kịp thời"),
      leaf("3.1.2", "Công khai TTHC trên trang thông tin điện tử của xã", "2",
        "Chưa công khai đầy đủ TTHC trên trang thông tin điện tử"),
    ]),
    node("3.2", "Thực hiện cơ chế một cửa, một cửa liên thông", [
      leaf("3.2.1", "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", "6",
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn dưới 98%"),
      leaf("3.2.2", "Bố trí bộ phận một cửa đáp ứng yêu cầu", "2.5",
        "Bộ phận một cửa chưa bố trí đủ trang thiết bị theo quy định"),
      leaf("3.2.3", "Thực hiện xin lỗi người dân, tổ chức khi giải quyết hồ sơ quá hạn", "2.5",
        "Có hồ sơ quá hạn nhưng chưa có văn bản xin lỗi người dân, tổ chức"),
    ]),
    leaf("3.3", "Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC", "2",
      "Còn phản ánh, kiến nghị về TTHC xử lý quá thời hạn"),
    leaf("3.4", "Số hóa hồ sơ, kết quả giải quyết TTHC", "4",
      "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC chưa đạt chỉ tiêu"),
  ]),
  node("4", "Cải cách tổ chức bộ máy", [
    leaf("4.1", "Bố trí cán bộ, công chức cấp xã đúng số lượng quy định", "3",
      "Bố trí cán bộ, công chức vượt số lượng quy định"),
    leaf("4.2", "Thực hiện quy chế làm việc của UBND xã", "3",
      "Chưa sửa đổi quy chế làm việc của UBND xã theo quy định mới"),
  ]),
  node("5", "Cải cách chế độ công vụ", [
    leaf("5.1", "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn", "3",
      "Còn cán bộ, công chức cấp xã chưa đạt chuẩn theo quy định"),
    leaf("5.2", "Đào tạo, bồi dưỡng cán bộ, công chức cấp xã", "2.5",
      "Tỷ lệ cán bộ, công chức được đào tạo, bồi dưỡng chưa đạt kế hoạch"),
    leaf("5.3", "Chấp hành kỷ luật, kỷ cương hành chính", "3.5",
      "Có cán bộ, công chức vi phạm kỷ luật, kỷ cương hành chính trong năm"),
  ]),
  node("6", "Cải cách tài chính công", [
    leaf("6.1", "Thực hiện dự toán thu, chi ngân sách xã", "2.5",
      "Thu ngân sách xã chưa đạt dự toán được giao"),
    leaf("6.2", "Công khai ngân sách xã đúng quy định", "2.5",
      "Công khai quyết toán ngân sách xã chậm so với quy định"),
  ]),
  node("7", "Xây dựng chính quyền điện tử, chính quyền số", [
    leaf("7.1", "Sử dụng hệ thống quản lý văn bản và điều hành", "3",
      "Còn văn bản chưa được xử lý trên hệ thống quản lý văn bản và điều hành"),
    leaf("7.2", "Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến", "4",
      "Tỷ lệ hồ sơ trực tuyến chưa đạt chỉ tiêu của huyện"),
    leaf("7.3", "Tỷ lệ văn bản điện tử được ký số", "2",
      "Tỷ lệ văn bản đi được ký số chưa đạt 95%"),
    leaf("7.4", "Thanh toán trực tuyến phí, lệ phí", "2",
      "Tỷ lệ thanh toán trực tuyến phí, lệ phí thấp"),
  ]),
  node("8", "Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH", [
    node("8.1", "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của UBND xã", [
      survey("8.1.1", "Hài lòng về tiếp cận dịch vụ", "4"),
      survey("8.1.2", "Hài lòng về thủ tục hành chính", "4.5"),
      survey("8.1.3", "Hài lòng về công chức trực tiếp giải quyết công việc", "4"),
      survey("8.1.4", "Hài lòng về kết quả giải quyết công việc", "4"),
      survey("8.1.5", "Hài lòng về tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", "4"),
    ]),
    node("8.2", "Tác động đến phát triển kinh tế - xã hội trên địa bàn", [
      survey("8.2.1", "Tác động đến an ninh, trật tự và đời sống người dân", "5.5"),
      survey("8.2.2", "Tác động đến phát triển kinh tế địa phương", "5.5"),
    ]),
  ]),
];

export const departmentCriteriaSet: DemoCriteriaSet = buildSet(
  "so-2022",
  "Bộ chỉ số CCHC các sở, ban, ngành tỉnh Sơn La (minh họa)",
  departmentFields,
);

export const districtCriteriaSet: DemoCriteriaSet = buildSet(
  "huyen-2022",
  "Bộ chỉ số CCHC cấp huyện tỉnh Sơn La (minh họa)",
  districtFields,
);

export const communeCriteriaSet: DemoCriteriaSet = buildSet(
  "xa-2022",
  "Bộ chỉ số CCHC cấp xã huyện Mai Sơn (minh họa)",
  communeFields,
);
