import type { SipasElementDefinitionFull, SipasQuestionnaire } from "@/lib/sipas/questionnaire";

/**
 * The questionnaire a period starts from when it has no survey of last year to copy: the five
 * elements of the Ministry of Home Affairs' SIPAS (access, procedures, civil servants, results,
 * feedback handling) plus online public services. Element codes are fixed because survey-scored
 * criteria name them (Criterion.sipasInput); question codes are unique in the whole questionnaire
 * because answers, import columns and per-question figures are keyed by them alone.
 */

export const DEFAULT_SIPAS_SCALE_LABELS = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"] as const;

export const DEFAULT_SIPAS_ELEMENT_CODES = ["access", "procedures", "civil-servants", "results", "feedback", "digital"] as const;

type QuestionText = [vi: string, en: string];

function element(
  code: (typeof DEFAULT_SIPAS_ELEMENT_CODES)[number],
  order: number,
  name: QuestionText,
  questions: QuestionText[],
  required: boolean,
): SipasElementDefinitionFull {
  return {
    code,
    name: name[0],
    nameEn: name[1],
    weight: "1",
    order,
    questions: questions.map(([text, textEn], index) => ({ code: `${code}-${index + 1}`, text, textEn, order: index + 1, required })),
  };
}

/** A fresh copy each call, so a caller may change it without touching the next period's. */
export function defaultSipasQuestionnaire(): SipasQuestionnaire {
  return {
    scale: { min: 1, max: 5, satisfiedFrom: 4, labels: [...DEFAULT_SIPAS_SCALE_LABELS] },
    indexMethod: "share_satisfied",
    smallSampleThreshold: 30,
    elements: [
      element(
        "access",
        1,
        ["Tiếp cận dịch vụ", "Access to the service"],
        [
          ["Nơi tiếp nhận và trả kết quả dễ tìm, thuận tiện đi lại", "The reception and results desk is easy to find and reach"],
          ["Nơi ngồi chờ có đủ chỗ ngồi, sạch sẽ, thoáng mát", "The waiting area has enough seats and is clean and comfortable"],
          ["Trang thiết bị phục vụ người dân (máy lấy số, máy tra cứu, bút, giấy) đầy đủ và dễ sử dụng", "Equipment for visitors (queue numbers, look-up kiosks, pens, forms) is sufficient and easy to use"],
          ["Thời gian chờ đến lượt được tiếp nhận hồ sơ hợp lý", "The wait before your dossier was received was reasonable"],
        ],
        true,
      ),
      element(
        "procedures",
        2,
        ["Thủ tục hành chính", "Administrative procedures"],
        [
          ["Thủ tục hành chính được niêm yết công khai, đầy đủ và dễ hiểu", "The procedure is posted publicly, completely and understandably"],
          ["Thành phần hồ sơ phải nộp đúng như quy định được công khai", "The documents you had to submit were exactly those publicly required"],
          ["Phí, lệ phí phải nộp đúng như quy định được công khai", "The fees you paid were exactly those publicly set"],
          ["Thời hạn giải quyết được ghi trên giấy hẹn là hợp lý", "The processing time on your appointment slip is reasonable"],
        ],
        true,
      ),
      element(
        "civil-servants",
        3,
        ["Công chức giải quyết công việc", "Civil servants handling your case"],
        [
          ["Công chức có thái độ giao tiếp lịch sự, tôn trọng", "The civil servant was polite and respectful"],
          ["Công chức chú ý lắng nghe ý kiến của ông/bà", "The civil servant listened carefully to you"],
          ["Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo và dễ hiểu", "The civil servant explained how to fill in the dossier attentively and clearly"],
          ["Công chức tuân thủ đúng quy định, không gây phiền hà, nhũng nhiễu", "The civil servant followed the rules and caused no trouble and asked for nothing extra"],
          ["Công chức có năng lực, giải quyết công việc thành thạo", "The civil servant was competent and handled the case skilfully"],
        ],
        true,
      ),
      element(
        "results",
        4,
        ["Kết quả giải quyết", "Results of the procedure"],
        [
          ["Kết quả nhận được đúng quy định", "The result you received complies with the rules"],
          ["Kết quả có thông tin đầy đủ, chính xác", "The result's information is complete and correct"],
          ["Nhận được kết quả đúng hạn hoặc sớm hơn giấy hẹn", "You received the result on or before the promised date"],
        ],
        true,
      ),
      element(
        "feedback",
        5,
        ["Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", "Handling of comments, complaints and suggestions"],
        [
          ["Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị (hòm thư, số điện thoại, cổng thông tin)", "The office offers ways to give comments and complaints (box, phone line, website)"],
          ["Góp ý, phản ánh, kiến nghị được tiếp nhận và xử lý tích cực", "Comments and complaints are received and acted upon"],
          ["Ông/bà được thông báo kịp thời kết quả xử lý góp ý, phản ánh, kiến nghị", "You were told the outcome of your comment or complaint in good time"],
        ],
        true,
      ),
      // Not everyone used the online service: these questions are optional, so a person served
      // only at the desk skips them instead of giving a meaningless answer.
      element(
        "digital",
        6,
        ["Dịch vụ công trực tuyến", "Online public services"],
        [
          ["Cổng dịch vụ công dễ truy cập, dễ sử dụng", "The public service portal is easy to reach and use"],
          ["Nộp hồ sơ và thanh toán phí, lệ phí trực tuyến thuận tiện", "Submitting the dossier and paying fees online is convenient"],
          ["Dễ dàng tra cứu tình trạng giải quyết hồ sơ trực tuyến", "Following the dossier's progress online is easy"],
        ],
        false,
      ),
    ],
  };
}

/** The survey's name as the console and the form show it. */
export function defaultSipasSurveyName(year: number): string {
  return `Khảo sát sự hài lòng của người dân, tổ chức (SIPAS) năm ${year}`;
}
