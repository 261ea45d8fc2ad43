import type { Locale } from "./locale";

// Text of the /open-data page. `Backticks` mark code: the page renders them as <code>.

const vi = {
  metaTitle: "Dữ liệu mở và API",
  metaDescription:
    "API chỉ đọc, công khai của Chỉ số CCHC: danh sách kỳ đánh giá, bảng xếp hạng, chỉ số hài lòng SIPAS, diễn biến của từng đơn vị và bảng so sánh, dạng JSON, CSV và Excel.",
  title: "Dữ liệu mở — API công khai",
  intro:
    "Mọi kết quả Chỉ số CCHC đã công bố trên cổng này đều có thể tải về để phân tích, đối chiếu hay đưa vào ứng dụng khác: qua một API chỉ đọc, không cần đăng nhập, hoặc dưới dạng tệp CSV và tệp Excel (XLSX) mở được bằng bảng tính.",
  examplesAreIllustrative: "Số liệu trong các ví dụ dưới đây chỉ để minh họa hình dạng dữ liệu.",
  contents: "Trên trang này",

  overviewHeading: "Tổng quan",
  overviewPoints: [
    "Chỉ có các kỳ đánh giá đã được phê duyệt và công bố. Kỳ chưa công bố được trả lời như một kỳ không tồn tại.",
    "Số liệu lấy từ bản công bố đã lưu. Khi một kỳ được đính chính, API trả bản công bố hiện hành.",
    "Câu trả lời là JSON mã hóa UTF-8 (trừ tệp CSV và XLSX). Phiên bản `v1` chỉ thay đổi bằng cách thêm trường mới: chương trình của bạn nên bỏ qua các trường không biết.",
    "Mã kỳ, mã khối và mã đơn vị là mã trong gói kết quả, ví dụ `tien-phuoc-2022`, `xa`, `tien-chau`. Hãy mã hóa URL (percent-encoding) nếu mã có ký tự đặc biệt.",
  ],
  baseUrl: (url: string) => `Địa chỉ gốc: \`${url}\``,
  endpointsCaption: "Các địa chỉ của API",
  endpointColumn: "Yêu cầu",
  returnsColumn: "Trả về",
  endpointSummaries: {
    periods: "Các kỳ đánh giá đã công bố và các khối của mỗi kỳ",
    rankings: "Bảng xếp hạng của một khối trong một kỳ (JSON)",
    rankingsCsv: "Cùng bảng xếp hạng dưới dạng tệp CSV",
    rankingsXlsx: "Cùng bảng xếp hạng dưới dạng tệp Excel (XLSX)",
    unit: "Một đơn vị, quan hệ hợp nhất/chia tách và kết quả qua các kỳ",
    sipas: "Chỉ số hài lòng SIPAS của một khối trong một kỳ (JSON; cùng bảng dạng CSV và XLSX)",
    unitHistory: "Bảng diễn biến qua các kỳ của trang đơn vị, kể cả đơn vị tiền thân và kế tục (JSON, CSV, XLSX)",
    compare: "Bảng so sánh tối đa 4 đơn vị của một kỳ (JSON, CSV, XLSX)",
  },

  tryHeading: "Dùng thử với dữ liệu trên cổng",
  tryIntro: "Các kỳ đã công bố trên cổng này, với địa chỉ API của từng khối:",
  tryNone: "Chưa có kỳ đánh giá nào được công bố.",
  tryAllPeriods: "Danh sách kỳ đánh giá (JSON)",
  tryRankingsLabel: (group: string, period: string, format: string) => `Bảng xếp hạng ${group}, ${period}, dạng ${format}`,

  periodsHeading: "Danh sách kỳ đánh giá",
  periodsDescription:
    "Mọi kỳ đã công bố, năm mới nhất trước. `groups` liệt kê các khối theo thứ tự cấu hình của kỳ, với tên khối như lúc công bố. `publishedAt` là thời điểm của bản công bố hiện hành (ISO 8601, giờ UTC); đính chính làm thay đổi giá trị này.",

  rankingsHeading: "Bảng xếp hạng của một khối",
  rankingsDescription:
    "Các đơn vị của một khối trong một kỳ, theo thứ hạng. Đơn vị đồng hạng có cùng `rank` và được liệt kê theo mã đơn vị; hạng kế tiếp bị bỏ qua (1, 2, 2, 4).",
  parametersCaption: "Tham số",
  parameterColumn: "Tham số",
  placeColumn: "Vị trí",
  requiredColumn: "Bắt buộc",
  meaningColumn: "Ý nghĩa",
  inPath: "đường dẫn",
  inQuery: "chuỗi truy vấn",
  yes: "có",
  no: "không",
  whenSeveralGroups: "khi kỳ có nhiều khối",
  periodParameter: "Mã kỳ đánh giá, lấy từ `/api/v1/periods`.",
  groupParameter:
    "Mã khối. Có thể bỏ qua khi kỳ chỉ có một khối; kỳ có nhiều khối mà thiếu `group` thì nhận lỗi 400 `group_required` kèm danh sách các khối.",
  langParameter: "`vi` hoặc `en`: ngôn ngữ của thông báo lỗi (xem mục Ngôn ngữ).",
  unitParameter: "Mã đơn vị, ví dụ lấy từ `unit.code` của bảng xếp hạng.",
  fieldsCaption: "Các trường của mỗi dòng",
  fieldColumn: "Trường",
  rankingFields: [
    ["rank", "Thứ hạng trong khối: theo chỉ số giảm dần, rồi các tiêu chí phụ của kỳ (ví dụ điểm thẩm định); bằng nhau hoàn toàn thì đồng hạng."],
    ["rankChange", "Hạng kỳ trước − hạng kỳ này (dương là tăng bậc, âm là giảm bậc); `null` khi đơn vị mới, hoặc đã hợp nhất/chia tách nên không so sánh được."],
    ["unit", "`code` và `name` của đơn vị như lúc công bố."],
    ["total", "Tổng điểm đạt được trên các tiêu chí được đánh giá."],
    ["applicableMax", "Tổng điểm tối đa của các tiêu chí được đánh giá: 100 trừ điểm tối đa của các tiêu chí không đánh giá đối với đơn vị."],
    ["index", "Chỉ số = `total / applicableMax × 100`."],
    ["band", "Xếp loại theo quy định của kỳ (ví dụ \"Tốt\"), hoặc `null` khi kỳ không quy định xếp loại."],
    ["fields", "Điểm từng lĩnh vực theo thứ tự của bộ chỉ số: `code`, `name`, `points` (điểm đạt) và `maxPoints` (điểm tối đa của lĩnh vực)."],
  ] as [string, string][],

  csvHeading: "Bảng xếp hạng dạng CSV",
  csvPoints: [
    "Cùng bảng, cùng tham số và cùng lỗi như bảng xếp hạng JSON: mỗi dòng một đơn vị, theo thứ hạng.",
    "Mã hóa UTF-8 có BOM để Excel và LibreOffice hiển thị đúng tiếng Việt; cuối dòng là CRLF; ô chứa dấu phẩy, dấu ngoặc kép hoặc xuống dòng được đặt trong ngoặc kép (RFC 4180).",
    "Số dùng dấu chấm thập phân, không có dấu phân cách hàng nghìn, làm tròn như JSON (tối đa 4 chữ số thập phân): đây là định dạng cho máy đọc, không phải định dạng hiển thị. Nếu Excel cài đặt tiếng Việt đọc sai số, hãy mở bằng Data → From Text/CSV và chọn dấu thập phân là dấu chấm.",
    "Các cột: `period`, `group`, `rank`, `rankChange` (để trống khi không so sánh được), `unit`, `unitName`, `total`, `applicableMax`, `index`, `band`, rồi hai cột cho mỗi lĩnh vực theo thứ tự của bộ chỉ số: `field_<mã>_points` và `field_<mã>_maxPoints`. Tên các lĩnh vực có trong bảng xếp hạng JSON.",
    "Ô bắt đầu bằng `=`, `+`, `-`, `@` (trừ số âm) được thêm dấu `'` ở đầu để bảng tính không chạy nó như công thức.",
    "Tên tệp tải về: `par-index-<mã kỳ>-<mã khối>.csv`.",
  ],

  xlsxHeading: "Bảng xếp hạng dạng Excel (XLSX)",
  xlsxPoints: [
    "Cùng bảng, cùng các cột, cùng tham số và cùng lỗi như bảng xếp hạng CSV, trong một tệp Excel (Office Open XML) mở được bằng Excel, LibreOffice Calc hoặc Google Trang tính.",
    "Số được lưu dưới dạng số, đúng giá trị như JSON (tối đa 4 chữ số thập phân), và hiển thị từ 2 đến 4 chữ số thập phân với dấu thập phân theo cài đặt của máy người đọc: không phải chọn dấu phân cách như khi mở CSV. `rankChange` hiển thị kèm dấu (+2, -3) và để trống khi không so sánh được.",
    "Một trang tính mang tên khối (rút gọn nếu dài quá 31 ký tự, giới hạn của Excel). Dòng tiêu đề là tên cột của CSV, được cố định khi cuộn và có bộ lọc; ghi chú ở tiêu đề các cột `field_<mã>_…` cho biết tên lĩnh vực.",
    "Văn bản giữ nguyên như đã công bố: ô văn bản trong tệp XLSX không bao giờ được chạy như công thức, nên không thêm dấu `'` như CSV.",
    "`ETag` của tệp là ETag yếu (`W/\"…\"`): hai lần tải cùng một bản công bố có cùng dữ liệu nhưng các byte có thể khác nhau, vì tệp nén ghi lại thời điểm tạo. `If-None-Match` vẫn được trả lời `304` như ở các địa chỉ khác.",
    "Tên tệp tải về: `par-index-<mã kỳ>-<mã khối>.xlsx`.",
  ],

  unitHeading: "Một đơn vị qua các kỳ",
  unitDescription:
    "Đơn vị, quan hệ hợp nhất hoặc chia tách của nó và kết quả trong mọi kỳ đã công bố, kỳ cũ trước. Đơn vị chưa có kết quả nào được công bố nhận lỗi 404 như một đơn vị không tồn tại.",
  unitFieldsCaption: "Các trường của câu trả lời",
  unitFields: [
    ["unit", "`code`, `name` (tên trong lần công bố gần nhất) và `kind`: `province`, `ministry`, `department`, `district`, `commune` hoặc `other`, suy ra từ tên đơn vị."],
    ["lineage.predecessors", "Các đơn vị đã hợp nhất vào (hoặc tách ra thành) đơn vị này."],
    ["lineage.successors", "Các đơn vị kế thừa đơn vị này sau khi hợp nhất hoặc chia tách."],
    ["…code, name, kind, effectiveOn", "Mỗi quan hệ có mã và tên của đơn vị kia (`name` là `null` nếu đơn vị đó chưa có kết quả công bố), `kind` (`merge` là hợp nhất, `split` là chia tách) và ngày hiệu lực `effectiveOn` (YYYY-MM-DD). Chỉ có các quan hệ do một kỳ đã công bố nêu ra."],
    ["results", "Mỗi kỳ đã công bố một dòng, kỳ cũ trước: `period` (`code`, `year`, `name`), `group` (`code`, `name`), `unitName` (tên đơn vị trong lần công bố đó), `rank`, `rankChange`, `total`, `applicableMax`, `index`, `band`, cùng nghĩa như trong bảng xếp hạng."],
  ] as [string, string][],

  tableFilesPoint:
    "Các địa chỉ `.csv` và `.xlsx` trả cùng bảng, cùng tham số và cùng lỗi như JSON, theo đúng quy ước của bảng xếp hạng CSV và XLSX: UTF-8 có BOM, dấu chấm thập phân, làm tròn như JSON; trong XLSX số là số, tiêu đề cố định và có bộ lọc, ETag yếu.",
  filesColumns: "Các cột của CSV và XLSX",

  sipasHeading: "Chỉ số hài lòng SIPAS của một khối",
  sipasDescription:
    "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) đã công bố của các đơn vị trong một khối, chỉ số chung từ cao đến thấp (bằng nhau thì theo tên). Tham số `period`, `group`, `lang` và các lỗi giống bảng xếp hạng. Khối không có số liệu SIPAS trả về bảng rỗng (`rows: []`).",
  sipasFields: [
    ["smallSampleThreshold", "Số phiếu tối thiểu: đơn vị có ít phiếu hơn được đánh dấu mẫu nhỏ, kết quả chỉ mang tính tham khảo."],
    ["elements", "Các yếu tố của phiếu khảo sát theo thứ tự của phiếu: `code`, `name` (tiếng Việt) và `nameEn` (tiếng Anh); tên là `null` khi chưa có."],
    ["rows[].unit", "`code` và `name` của đơn vị như lúc công bố."],
    ["rows[].index", "Chỉ số hài lòng chung, tính bằng %."],
    ["rows[].responses", "Số phiếu khảo sát; `null` khi không rõ."],
    ["rows[].smallSample", "`true` khi số phiếu dưới `smallSampleThreshold`."],
    ["rows[].ciLow, ciHigh", "Khoảng tin cậy của chỉ số (%); `null` khi không có."],
    ["rows[].elements", "Chỉ số (%) của những yếu tố mà đơn vị có số liệu: `code` và `index`."],
  ] as [string, string][],
  sipasColumns:
    "`period`, `group`, `unit`, `unitName`, `index`, `responses`, `smallSample` (`true` hoặc `false`), `ciLow`, `ciHigh`, rồi một cột `element_<mã>_index` cho mỗi yếu tố theo thứ tự của phiếu; ô để trống khi không có số liệu. Tên các yếu tố có trong JSON và trong ghi chú ở tiêu đề cột của tệp XLSX. Tên tệp: `par-index-sipas-<mã kỳ>-<mã khối>.csv` (hoặc `.xlsx`).",

  historyHeading: "Diễn biến của một đơn vị qua các kỳ",
  historyDescription:
    "Bảng \"Diễn biến qua các kỳ\" của trang đơn vị: kết quả của đơn vị trong mọi kỳ đã công bố cùng kết quả của các đơn vị tiền thân (trước khi hợp nhất hoặc chia tách) và kế tục, kỳ cũ trước. Khác với `/api/v1/units/{unit}`, một dòng có thể là của đơn vị khác (`relation`), và mỗi dòng cho biết vì sao không so sánh trực tiếp được với kỳ trước. Đơn vị chưa có kết quả công bố nhận lỗi 404 `unit_not_found`.",
  historyFields: [
    ["unit", "`code` và `name` (tên trong lần công bố gần nhất) của đơn vị được hỏi."],
    ["rows[].period", "`code`, `year` và `name` của kỳ."],
    ["rows[].group, groupSize", "Khối (`code`, `name` như lúc công bố) và số đơn vị được xếp hạng trong khối ở kỳ đó."],
    ["rows[].unit, relation", "Đơn vị của dòng (tên như lúc công bố) và quan hệ với đơn vị được hỏi: `self` (chính đơn vị), `predecessor` (tiền thân) hoặc `successor` (kế tục)."],
    ["rows[].rank … band", "`rank`, `rankChange`, `total`, `applicableMax`, `index` và `band`, cùng nghĩa như trong bảng xếp hạng."],
    ["rows[].notComparableWithPrevious", "Vì sao kết quả kỳ này không so sánh trực tiếp được với kỳ trước đó: `lineage` (có hợp nhất hoặc chia tách ở giữa), `criteria-set` (bộ chỉ số khác). Mảng rỗng khi so sánh được, và ở kỳ đầu tiên."],
  ] as [string, string][],
  historyColumns:
    "`period`, `year`, `periodName`, `group`, `groupName`, `groupSize`, `rank`, `rankChange`, `unit`, `unitName`, `relation`, `total`, `applicableMax`, `index`, `band`, `notComparableWithPrevious` (các lý do cách nhau bằng `;`, để trống khi so sánh được). Tên tệp: `par-index-history-<mã đơn vị>.csv` (hoặc `.xlsx`).",

  compareHeading: "So sánh các đơn vị trong một kỳ",
  compareDescription:
    "Bảng của trang So sánh: kết quả của 1 đến 4 đơn vị trong một kỳ, theo thứ tự được hỏi; các đơn vị có thể thuộc những khối khác nhau. Nếu kỳ không có kết quả công bố của một đơn vị được hỏi, câu trả lời là lỗi 404 `unit_not_found` nêu các mã đó, không phải phần còn lại của bảng.",
  unitsParameter:
    "Mã các đơn vị, cách nhau bằng dấu phẩy (`units=a,b`) hoặc nêu lại tham số (`units=a&units=b`); từ 1 đến 4 đơn vị, mã trùng được tính một lần.",
  compareFields: [
    ["period", "Mã kỳ."],
    ["rows[].unit, group, groupSize", "Đơn vị và khối (`code`, `name` như lúc công bố), số đơn vị của khối."],
    ["rows[].rank … band", "`rank`, `rankChange`, `total`, `applicableMax`, `index` và `band`, cùng nghĩa như trong bảng xếp hạng."],
    ["rows[].fields", "Điểm từng lĩnh vực như trong bảng xếp hạng (`code`, `name`, `points`, `maxPoints`), thêm `applicableMax`: điểm tối đa của lĩnh vực trừ các tiêu chí không đánh giá đối với đơn vị (0 khi cả lĩnh vực không đánh giá)."],
  ] as [string, string][],
  compareColumns:
    "Mỗi đơn vị một dòng, theo thứ tự được hỏi: `period`, `group`, `groupName`, `groupSize`, `rank`, `rankChange`, `unit`, `unitName`, `total`, `applicableMax`, `index`, `band`, rồi ba cột cho mỗi lĩnh vực: `field_<mã>_points`, `field_<mã>_maxPoints` và `field_<mã>_applicableMax`. Tên tệp: `par-index-compare-<mã kỳ>-<mã đơn vị>-….csv` (hoặc `.xlsx`), các mã đơn vị theo thứ tự được hỏi.",

  numbersHeading: "Số liệu và làm tròn",
  numbersPoints: [
    "Điểm được lưu và tính chính xác bằng số thập phân, không dùng số dấu phẩy động nhị phân.",
    "API trả số JSON làm tròn nửa lên (half-up) đến 4 chữ số thập phân, không có số 0 thừa: 50 / 70 × 100 = 71,428571… được trả là `71.4286`, còn 100 là `100`.",
    "Trang web hiển thị 2 chữ số thập phân với dấu phẩy (`71,43`), làm tròn một lần từ giá trị chính xác. Đừng làm tròn lại số 4 chữ số để so với trang web: có trường hợp kết quả lệch 0,01.",
    "Thứ hạng so sánh giá trị chính xác, không phải giá trị đã làm tròn: hai đơn vị cùng hiển thị 85,86 vẫn có thể khác hạng.",
  ],

  errorsHeading: "Lỗi",
  errorsIntro:
    "Lỗi luôn là JSON dạng `{ \"error\": { \"code\": …, \"message\": … } }`. `code` cố định, dành cho chương trình; `message` dành cho người đọc. Câu trả lời lỗi không được lưu đệm (`Cache-Control: no-store`).",
  errorsCaption: "Các mã lỗi",
  statusColumn: "Mã HTTP",
  codeColumn: "code",
  whenColumn: "Khi nào",
  errorRows: [
    ["400", "invalid_parameter", "Tham số sai dạng: mã rỗng, có khoảng trắng ở đầu hoặc cuối, có ký tự điều khiển, dài quá 200 ký tự, `group` được nêu nhiều lần, hoặc `units` (so sánh) thiếu hay có quá 4 mã. Tham số truy vấn không biết được bỏ qua."],
    ["400", "group_required", "Kỳ có nhiều khối mà yêu cầu không chọn `group`; thông báo liệt kê các khối."],
    ["404", "period_not_found", "Không có kỳ đã công bố với mã này; kỳ chưa công bố cũng được trả lời như vậy."],
    ["404", "group_not_found", "Kỳ không có khối này; thông báo liệt kê các khối của kỳ."],
    ["404", "unit_not_found", "Không có đơn vị này, hoặc đơn vị chưa có kết quả đã công bố; khi so sánh: kỳ không có kết quả công bố của đơn vị được hỏi (thông báo nêu các mã đó)."],
    ["404", "not_found", "Không có địa chỉ này trong API."],
    ["500", "internal_error", "Lỗi ngoài dự kiến ở máy chủ, không kèm chi tiết kỹ thuật. Hãy thử lại sau."],
    ["503", "database_unavailable", "Cơ sở dữ liệu của cổng tạm thời không truy cập được. Tiêu đề `Retry-After` cho biết số giây nên chờ trước khi thử lại."],
  ] as [string, string, string][],

  cachingHeading: "Lưu đệm, ETag và CORS",
  cachingPoints: (cacheControl: string) => [
    `Câu trả lời thành công có \`Cache-Control: ${cacheControl}\`: trình duyệt giữ 1 phút, bộ nhớ đệm dùng chung (CDN, proxy) giữ 5 phút. Kết quả vừa công bố hoặc đính chính có thể mất vài phút mới đến mọi người dùng.`,
    "Mỗi câu trả lời thành công có `ETag`. Gửi lại giá trị đó trong tiêu đề `If-None-Match`: khi dữ liệu chưa đổi, máy chủ trả `304 Not Modified` không có nội dung. Bảng xếp hạng đổi ETag khi kỳ được đính chính; các bảng khác (SIPAS, diễn biến, so sánh) đổi ETag mỗi khi nội dung của chúng đổi. Tệp XLSX có ETag yếu (`W/\"…\"`), xem mục Excel.",
    "CORS mở cho mọi nguồn (`Access-Control-Allow-Origin: *`): trang web ở tên miền khác có thể gọi API bằng `fetch` ngay trong trình duyệt và đọc được `ETag`. Yêu cầu kiểm tra trước (`OPTIONS`) được trả lời 204. API không dùng cookie hay thông tin đăng nhập.",
  ],

  languageHeading: "Ngôn ngữ",
  languageText:
    "Thông báo lỗi bằng tiếng Việt theo mặc định; bằng tiếng Anh khi tiêu đề `Accept-Language` ưu tiên tiếng Anh hơn tiếng Việt, hoặc khi thêm `?lang=en` (`?lang=vi` chọn tiếng Việt). Dữ liệu (tên kỳ, tên khối, tên đơn vị) luôn giữ nguyên như được công bố.",

  packageHeading: "Gói kết quả và dòng lệnh",
  packageText:
    "Toàn bộ dữ liệu của một kỳ (bộ chỉ số, điểm từng tiêu chí thành phần, SIPAS) được trao đổi bằng gói kết quả `par-index.results/1`, dạng JSON hoặc Excel. Cơ quan đánh giá dùng nó để nhập kết quả các năm trước và gửi kết quả giữa các cấp.",
  packageLinks: {
    readme: "Tài liệu gói kết quả (tiếng Việt và tiếng Anh)",
    template: "Mẫu Excel trống (template.xlsx)",
    sample: "Ví dụ Excel: 3 xã, bộ chỉ số cấp xã 2022 (sample.xlsx)",
  },
  cliText:
    "Người quản trị cổng có thể xuất một kỳ bằng dòng lệnh. Lệnh `rankings` in bảng xếp hạng theo đúng dạng JSON của API, nhưng tính từ điểm hiện có của kỳ, kể cả kỳ chưa công bố:",

  requestExample: "Ví dụ yêu cầu",
  responseExample: "Ví dụ câu trả lời",
  csvExample: "Ví dụ nội dung tệp (BOM ở đầu tệp không hiển thị)",
  errorExample: "Ví dụ lỗi: kỳ có hai khối mà không chọn khối",
  conditionalExample: "Yêu cầu có điều kiện: dữ liệu chưa đổi",
  fetchExample: "Gọi API từ trang web khác bằng JavaScript",
  cliExample: "Dòng lệnh",
};

export type OpenDataMessages = typeof vi;

const en: OpenDataMessages = {
  metaTitle: "Open data and API",
  metaDescription:
    "The PAR Index's public read-only API: published periods, league tables, SIPAS satisfaction figures, each unit's history and comparisons, as JSON, CSV and Excel.",
  title: "Open data — public API",
  intro:
    "Every PAR Index result published on this portal can be downloaded for analysis, checking or use in other applications: through a read-only API that needs no sign-in, or as CSV and Excel (XLSX) files that open in a spreadsheet.",
  examplesAreIllustrative: "Figures in the examples below only illustrate the shape of the data.",
  contents: "On this page",

  overviewHeading: "Overview",
  overviewPoints: [
    "Only periods that have been approved and published are visible. A period that is not published is answered as if it did not exist.",
    "Figures come from the stored publication. When a period is corrected, the API gives the current publication.",
    "Answers are UTF-8 JSON (except the CSV and XLSX files). Version `v1` only changes by adding fields: your program should ignore fields it does not know.",
    "Period, group and unit codes are the codes of the results package, e.g. `tien-phuoc-2022`, `xa`, `tien-chau`. Percent-encode a code with special characters.",
  ],
  baseUrl: (url) => `Base address: \`${url}\``,
  endpointsCaption: "The API's addresses",
  endpointColumn: "Request",
  returnsColumn: "Returns",
  endpointSummaries: {
    periods: "The published periods and the groups of each",
    rankings: "One group's league table in one period (JSON)",
    rankingsCsv: "The same league table as a CSV file",
    rankingsXlsx: "The same league table as an Excel (XLSX) file",
    unit: "One unit, its merges or splits, and its results over the periods",
    sipas: "One group's SIPAS satisfaction figures in one period (JSON; the same table as CSV and XLSX)",
    unitHistory: "The unit page's history table, with predecessors and successors (JSON, CSV, XLSX)",
    compare: "The comparison table of up to 4 units of one period (JSON, CSV, XLSX)",
  },

  tryHeading: "Try it with this portal's data",
  tryIntro: "The periods published on this portal, with the API address of each group:",
  tryNone: "No evaluation period has been published yet.",
  tryAllPeriods: "List of periods (JSON)",
  tryRankingsLabel: (group, period, format) => `League table of ${group}, ${period}, as ${format}`,

  periodsHeading: "List of periods",
  periodsDescription:
    "Every published period, newest year first. `groups` lists the groups in the period's configured order, named as published. `publishedAt` is the time of the current publication (ISO 8601, UTC); a correction changes it.",

  rankingsHeading: "League table of a group",
  rankingsDescription:
    "The units of one group in one period, in rank order. Tied units share the same `rank` and are listed by unit code; the next rank is skipped (1, 2, 2, 4).",
  parametersCaption: "Parameters",
  parameterColumn: "Parameter",
  placeColumn: "In",
  requiredColumn: "Required",
  meaningColumn: "Meaning",
  inPath: "path",
  inQuery: "query",
  yes: "yes",
  no: "no",
  whenSeveralGroups: "when the period has several groups",
  periodParameter: "The period's code, from `/api/v1/periods`.",
  groupParameter:
    "The group's code. It may be left out when the period has one group; without `group`, a period with several groups answers 400 `group_required` listing its groups.",
  langParameter: "`vi` or `en`: the language of error messages (see Language).",
  unitParameter: "The unit's code, e.g. `unit.code` from a league table.",
  fieldsCaption: "Fields of each row",
  fieldColumn: "Field",
  rankingFields: [
    ["rank", "Rank in the group: by index, highest first, then the period's tie-breakers (e.g. appraisal points); units still equal share the rank."],
    ["rankChange", "Previous rank − this rank (positive means moved up); `null` when the unit is new, or was merged or split and cannot be compared."],
    ["unit", "The unit's `code` and `name` as published."],
    ["total", "Points achieved on the applicable criteria."],
    ["applicableMax", "Maximum points of the applicable criteria: 100 minus the maximum of criteria not applicable to the unit."],
    ["index", "Index = `total / applicableMax × 100`."],
    ["band", "The period's classification (e.g. \"Tốt\"), or `null` when the period defines none."],
    ["fields", "Points per field in the criteria set's order: `code`, `name`, `points` (achieved) and `maxPoints` (the field's maximum)."],
  ],

  csvHeading: "League table as CSV",
  csvPoints: [
    "The same table, parameters and errors as the JSON league table: one row per unit, in rank order.",
    "UTF-8 with a BOM so that Excel and LibreOffice show Vietnamese correctly; CRLF line ends; cells with commas, quotes or line breaks are quoted (RFC 4180).",
    "Numbers use a decimal point, no thousands separators, rounded as in the JSON (at most 4 decimals): a format for machines, not for display. If a spreadsheet set to Vietnamese misreads them, open the file with Data → From Text/CSV and choose the point as decimal separator.",
    "Columns: `period`, `group`, `rank`, `rankChange` (empty when not comparable), `unit`, `unitName`, `total`, `applicableMax`, `index`, `band`, then two columns per field in the criteria set's order: `field_<code>_points` and `field_<code>_maxPoints`. The fields' names are in the JSON league table.",
    "A cell starting with `=`, `+`, `-` or `@` (other than a negative number) gets a leading `'` so that spreadsheets do not run it as a formula.",
    "Download file name: `par-index-<period code>-<group code>.csv`.",
  ],

  xlsxHeading: "League table as Excel (XLSX)",
  xlsxPoints: [
    "The same table, columns, parameters and errors as the CSV league table, in an Excel (Office Open XML) file that opens in Excel, LibreOffice Calc or Google Sheets.",
    "Numbers are stored as numbers, with the JSON's exact values (at most 4 decimals), and shown with 2 to 4 decimals in the reader's own decimal separator: no separator to choose as when opening a CSV. `rankChange` is shown with its sign (+2, -3) and left empty when not comparable.",
    "One sheet, named after the group (shortened beyond Excel's limit of 31 characters). The header row holds the CSV's column names, stays in view when scrolling and has filters; a note on the headers of the `field_<code>_…` columns gives the field's name.",
    "Text stays exactly as published: a text cell in an XLSX file is never run as a formula, so no `'` is added as in the CSV.",
    "The file's `ETag` is weak (`W/\"…\"`): two downloads of one publication hold the same data but may differ in bytes, because the zip records when it was written. `If-None-Match` is still answered `304` as on the other addresses.",
    "Download file name: `par-index-<period code>-<group code>.xlsx`.",
  ],

  unitHeading: "One unit over the periods",
  unitDescription:
    "The unit, its merges or splits, and its results in every published period, oldest first. A unit without any published result answers 404, like a unit that does not exist.",
  unitFieldsCaption: "Fields of the answer",
  unitFields: [
    ["unit", "`code`, `name` (as last published) and `kind`: `province`, `ministry`, `department`, `district`, `commune` or `other`, inferred from the unit's name."],
    ["lineage.predecessors", "Units merged into (or split into) this one."],
    ["lineage.successors", "Units that continue this one after a merge or split."],
    ["…code, name, kind, effectiveOn", "Each link gives the other unit's code and name (`name` is `null` when that unit has no published result), `kind` (`merge` or `split`) and the date `effectiveOn` (YYYY-MM-DD). Only links stated by a published period are shown."],
    ["results", "One row per published period, oldest first: `period` (`code`, `year`, `name`), `group` (`code`, `name`), `unitName` (the unit's name in that publication), `rank`, `rankChange`, `total`, `applicableMax`, `index`, `band`, meaning the same as in the league table."],
  ],

  tableFilesPoint:
    "The `.csv` and `.xlsx` addresses give the same table, parameters and errors as the JSON, with the conventions of the league table CSV and XLSX: UTF-8 with a BOM, a decimal point, rounded as in the JSON; in the XLSX numbers are numbers, the header stays in view with filters, and the ETag is weak.",
  filesColumns: "Columns of the CSV and XLSX",

  sipasHeading: "SIPAS satisfaction figures of a group",
  sipasDescription:
    "The published satisfaction figures (SIPAS) of the units of one group, highest overall index first (equal ones by name). The parameters `period`, `group` and `lang` and the errors are the league table's. A group without SIPAS figures answers an empty table (`rows: []`).",
  sipasFields: [
    ["smallSampleThreshold", "The minimum number of responses: a unit with fewer is flagged as a small sample, for reference only."],
    ["elements", "The survey's elements in its order: `code`, `name` (Vietnamese) and `nameEn` (English); a name is `null` when there is none."],
    ["rows[].unit", "The unit's `code` and `name` as published."],
    ["rows[].index", "The overall satisfaction index, in %."],
    ["rows[].responses", "The number of responses; `null` when unknown."],
    ["rows[].smallSample", "`true` when there are fewer responses than `smallSampleThreshold`."],
    ["rows[].ciLow, ciHigh", "The index's confidence interval (%); `null` when there is none."],
    ["rows[].elements", "The index (%) of each element the unit has a figure for: `code` and `index`."],
  ],
  sipasColumns:
    "`period`, `group`, `unit`, `unitName`, `index`, `responses`, `smallSample` (`true` or `false`), `ciLow`, `ciHigh`, then one column `element_<code>_index` per element in the survey's order; a cell is empty where there is no figure. The elements' names are in the JSON and in notes on the XLSX's column headers. File name: `par-index-sipas-<period code>-<group code>.csv` (or `.xlsx`).",

  historyHeading: "A unit's history over the periods",
  historyDescription:
    "The unit page's \"Over the periods\" table: the unit's results in every published period with those of its predecessors (before a merge or split) and successors, oldest first. Unlike `/api/v1/units/{unit}`, a row may be another unit's (`relation`), and each row says why it cannot be compared directly with the period before. A unit without a published result answers 404 `unit_not_found`.",
  historyFields: [
    ["unit", "The requested unit's `code` and `name` (as last published)."],
    ["rows[].period", "The period's `code`, `year` and `name`."],
    ["rows[].group, groupSize", "The group (`code`, `name` as published) and the number of units ranked in it that period."],
    ["rows[].unit, relation", "The row's unit (named as published) and how it relates to the requested one: `self`, `predecessor` or `successor`."],
    ["rows[].rank … band", "`rank`, `rankChange`, `total`, `applicableMax`, `index` and `band`, meaning the same as in the league table."],
    ["rows[].notComparableWithPrevious", "Why this period's figures cannot be compared directly with the period before: `lineage` (a merge or split in between), `criteria-set` (another criteria set). Empty when they can, and in the first period."],
  ],
  historyColumns:
    "`period`, `year`, `periodName`, `group`, `groupName`, `groupSize`, `rank`, `rankChange`, `unit`, `unitName`, `relation`, `total`, `applicableMax`, `index`, `band`, `notComparableWithPrevious` (reasons separated by `;`, empty when comparable). File name: `par-index-history-<unit code>.csv` (or `.xlsx`).",

  compareHeading: "Comparing units of one period",
  compareDescription:
    "The compare page's table: the results of 1 to 4 units of one period, in the order asked; the units may be in different groups. When the period has no published result for a requested unit, the answer is a 404 `unit_not_found` naming those codes, not the rest of the table.",
  unitsParameter:
    "The units' codes, separated by commas (`units=a,b`) or by repeating the parameter (`units=a&units=b`); 1 to 4 units, a repeated code counts once.",
  compareFields: [
    ["period", "The period's code."],
    ["rows[].unit, group, groupSize", "The unit and its group (`code`, `name` as published), and the group's number of units."],
    ["rows[].rank … band", "`rank`, `rankChange`, `total`, `applicableMax`, `index` and `band`, meaning the same as in the league table."],
    ["rows[].fields", "Points per field as in the league table (`code`, `name`, `points`, `maxPoints`), plus `applicableMax`: the field's maximum without the criteria not applicable to the unit (0 when none of the field applies)."],
  ],
  compareColumns:
    "One row per unit, in the order asked: `period`, `group`, `groupName`, `groupSize`, `rank`, `rankChange`, `unit`, `unitName`, `total`, `applicableMax`, `index`, `band`, then three columns per field: `field_<code>_points`, `field_<code>_maxPoints` and `field_<code>_applicableMax`. File name: `par-index-compare-<period code>-<unit code>-….csv` (or `.xlsx`), the unit codes in the order asked.",

  numbersHeading: "Numbers and rounding",
  numbersPoints: [
    "Points are stored and computed as exact decimals, never binary floating point.",
    "The API returns JSON numbers rounded half-up to 4 decimals, without trailing zeros: 50 / 70 × 100 = 71.428571… is returned as `71.4286`, and 100 as `100`.",
    "The website shows 2 decimals with a decimal comma in Vietnamese (`71,43`), rounded once from the exact value. Do not round the 4-decimal number again to compare with the website: the result can differ by 0.01.",
    "Ranks compare exact values, not rounded ones: two units both shown as 85.86 may still rank differently.",
  ],

  errorsHeading: "Errors",
  errorsIntro:
    "Errors are always JSON of the form `{ \"error\": { \"code\": …, \"message\": … } }`. `code` is stable, for programs; `message` is for people. Error answers are not cached (`Cache-Control: no-store`).",
  errorsCaption: "Error codes",
  statusColumn: "HTTP status",
  codeColumn: "code",
  whenColumn: "When",
  errorRows: [
    ["400", "invalid_parameter", "A malformed parameter: an empty code, one with leading or trailing spaces, control characters or more than 200 characters, `group` given more than once, or `units` (comparison) missing or with more than 4 codes. Unknown query parameters are ignored."],
    ["400", "group_required", "The period has several groups and the request chose none; the message lists the groups."],
    ["404", "period_not_found", "No published period has this code; a period that is not published is answered the same way."],
    ["404", "group_not_found", "The period has no such group; the message lists its groups."],
    ["404", "unit_not_found", "No such unit, or the unit has no published result; in a comparison: the period has no published result for a requested unit (the message names the codes)."],
    ["404", "not_found", "No such address in the API."],
    ["500", "internal_error", "An unexpected server failure, without technical details. Try again later."],
    ["503", "database_unavailable", "The portal's database cannot be reached for the moment. The `Retry-After` header gives the seconds to wait before trying again."],
  ],

  cachingHeading: "Caching, ETag and CORS",
  cachingPoints: (cacheControl) => [
    `Successful answers carry \`Cache-Control: ${cacheControl}\`: browsers keep them for a minute, shared caches (CDNs, proxies) for five. A new publication or correction may take a few minutes to reach every reader.`,
    "Every successful answer has an `ETag`. Send it back in `If-None-Match`: while the data is unchanged, the server answers `304 Not Modified` without a body. A league table's ETag changes when the period is corrected; the other tables' (SIPAS, history, comparison) whenever their content changes. XLSX files have a weak ETag (`W/\"…\"`), see the Excel section.",
    "CORS is open to every origin (`Access-Control-Allow-Origin: *`): a page on another site can call the API with `fetch` in the browser and read the `ETag`. Preflight requests (`OPTIONS`) are answered 204. The API uses no cookies or credentials.",
  ],

  languageHeading: "Language",
  languageText:
    "Error messages are in Vietnamese by default, and in English when the `Accept-Language` header prefers English to Vietnamese or when `?lang=en` is added (`?lang=vi` chooses Vietnamese). Data (names of periods, groups and units) always stays as published.",

  packageHeading: "Results package and command line",
  packageText:
    "A period's complete data (criteria set, points per sub-criterion, SIPAS) is exchanged as a `par-index.results/1` results package, in JSON or Excel. Evaluating authorities use it to load past years' results and to send results between levels.",
  packageLinks: {
    readme: "Results package documentation (Vietnamese and English)",
    template: "Empty Excel template (template.xlsx)",
    sample: "Excel example: 3 communes, the 2022 commune criteria set (sample.xlsx)",
  },
  cliText:
    "The portal's administrators can export a period from the command line. The `rankings` command prints a league table in exactly the API's JSON shape, but computed from the period's current scores, published or not:",

  requestExample: "Example request",
  responseExample: "Example response",
  csvExample: "Example file content (the BOM at the start of the file is not shown)",
  errorExample: "Example error: a period with two groups and no group chosen",
  conditionalExample: "Conditional request: the data has not changed",
  fetchExample: "Calling the API from another website in JavaScript",
  cliExample: "Command line",
};

const catalogue: Record<Locale, OpenDataMessages> = { vi, en };

export function openDataMessagesFor(locale: Locale): OpenDataMessages {
  return catalogue[locale];
}
