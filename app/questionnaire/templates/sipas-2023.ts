import { type Definition, DefinitionSchema, type ItemKind } from '../definition'
import { YES_NO, options, text } from './build'
import { commentSection, demographicsSection, screening, screeningSection } from './common-sections'

/**
 * SIPAS 2023–2026 (QĐ 1001/QĐ-BNV): perceptions, satisfaction with policy and with administrative
 * services element by element (each with an "in general" item), needs and expectations.
 * The wording follows the published design in spirit; provinces copy and adapt it.
 */

type Extra = { allowDontKnow?: boolean; allowNotApplicable?: boolean }

function satisfaction(code: string, vi: string, en: string, extra: Extra = {}) {
  return { code, kind: 'satisfaction5' as ItemKind, text: text(vi, en), ...extra }
}

/** One service element: its content items, then "satisfied with this element in general". */
function serviceSection(
  element: string,
  title: [vi: string, en: string],
  items: [code: string, vi: string, en: string][],
  general: [vi: string, en: string],
  extra: Extra = {},
) {
  return {
    code: `svc.${element}`,
    title: text(...title),
    items: [
      ...items.map(([code, vi, en]) => satisfaction(`svc.${element}.${code}`, vi, en, extra)),
      satisfaction(`svc.${element}.general`, ...general, extra),
    ],
  }
}

const perceptionsSection = {
  code: 'perc',
  title: text('Nhận thức của người dân, tổ chức', 'Your views'),
  items: [
    {
      code: 'perc.policy_interest',
      kind: 'categorical' as const,
      text: text(
        'Ông/Bà quan tâm đến các chính sách của Nhà nước ở mức độ nào?',
        'How interested are you in the State’s public policies?',
      ),
      options: options(
        ['Rất quan tâm', 'Very interested'],
        ['Quan tâm', 'Interested'],
        ['Ít quan tâm', 'Slightly interested'],
        ['Không quan tâm', 'Not interested'],
      ),
      positive: [1, 2],
    },
    {
      code: 'perc.info_channels',
      kind: 'multiSelect' as const,
      text: text(
        'Ông/Bà thường tìm hiểu thông tin về chính sách và thủ tục hành chính qua những kênh nào? (chọn tất cả các kênh phù hợp)',
        'Where do you usually find information about policies and administrative procedures? (tick all that apply)',
      ),
      options: options(
        ['Truyền hình, đài phát thanh', 'Television or radio'],
        ['Báo in, báo điện tử', 'Newspapers or news websites'],
        ['Cổng thông tin điện tử của cơ quan nhà nước', 'Government web portals'],
        ['Mạng xã hội', 'Social media'],
        ['Họp thôn, tổ dân phố', 'Village or neighbourhood meetings'],
        ['Cán bộ, công chức tại nơi làm thủ tục', 'Staff at the service desk'],
        ['Người thân, bạn bè', 'Family or friends'],
        ['Kênh khác', 'Other channels'],
      ),
    },
    {
      code: 'perc.willing_to_give_opinion',
      kind: 'yesNo' as const,
      text: text(
        'Ông/Bà có sẵn sàng góp ý cho cơ quan nhà nước về chính sách hoặc thủ tục hành chính không?',
        'Are you willing to give government agencies your opinion on policies or administrative procedures?',
      ),
      options: YES_NO,
      allowDontKnow: true,
    },
    {
      code: 'perc.harassment',
      kind: 'categorical' as const,
      text: text(
        'Khi giải quyết thủ tục vừa qua, Ông/Bà có gặp công chức gây phiền hà, sách nhiễu không?',
        'While your procedure was handled, did any official cause you trouble or harass you?',
      ),
      options: options(['Không có', 'None'], ['Có một số trường hợp', 'Some'], ['Nhiều', 'Many']),
      // "None" is the good outcome the rate reports.
      positive: [1],
    },
    {
      code: 'perc.informal_payment',
      kind: 'yesNo' as const,
      text: text(
        'Ông/Bà có phải trả thêm khoản chi phí nào ngoài phí, lệ phí theo quy định không?',
        'Did you have to pay anything beyond the official fees?',
      ),
      options: YES_NO,
      // "No" is the good outcome the rate reports.
      positive: [2],
    },
    {
      code: 'perc.submission_channel',
      kind: 'singleChoice' as const,
      text: text('Ông/Bà đã nộp hồ sơ bằng hình thức nào?', 'How did you submit your dossier?'),
      options: options(
        ['Trực tiếp tại Bộ phận Một cửa', 'In person at the one-stop desk'],
        ['Qua dịch vụ bưu chính công ích', 'By public postal service'],
        ['Trực tuyến qua Cổng Dịch vụ công', 'Online through the Public Service Portal'],
      ),
    },
    {
      code: 'perc.channel_suitable',
      kind: 'yesNo' as const,
      text: text(
        'Các hình thức nộp hồ sơ và nhận kết quả hiện nay có phù hợp với Ông/Bà không?',
        'Do the current ways of submitting dossiers and receiving results suit you?',
      ),
      options: YES_NO,
    },
    {
      code: 'perc.online_used',
      kind: 'yesNo' as const,
      text: text(
        'Ông/Bà đã từng sử dụng Cổng Dịch vụ công để thực hiện thủ tục hành chính chưa?',
        'Have you ever used the Public Service Portal to carry out an administrative procedure?',
      ),
      options: YES_NO,
    },
    {
      code: 'perc.online_easy',
      kind: 'agreement5' as const,
      text: text(
        'Thực hiện thủ tục hành chính trên Cổng Dịch vụ công là dễ dàng.',
        'Carrying out procedures on the Public Service Portal is easy.',
      ),
      showIf: { item: 'perc.online_used', op: 'equals' as const, value: 1 },
      allowDontKnow: true,
    },
    {
      code: 'perc.basic_services.health',
      kind: 'categorical' as const,
      text: text(
        'Ông/Bà đánh giá thế nào về dịch vụ y tế công ở địa phương?',
        'How do you rate the public health services where you live?',
      ),
      options: options(['Tốt', 'Good'], ['Bình thường', 'Average'], ['Chưa tốt', 'Poor']),
      positive: [1],
      allowDontKnow: true,
    },
    {
      code: 'perc.basic_services.education',
      kind: 'categorical' as const,
      text: text(
        'Ông/Bà đánh giá thế nào về dịch vụ giáo dục công ở địa phương?',
        'How do you rate the public schools where you live?',
      ),
      options: options(['Tốt', 'Good'], ['Bình thường', 'Average'], ['Chưa tốt', 'Poor']),
      positive: [1],
      allowDontKnow: true,
    },
  ],
}

const policySection = {
  code: 'pol',
  title: text('Sự hài lòng về chính sách', 'Satisfaction with public policies'),
  intro: text(
    'Xin cho biết mức độ hài lòng của Ông/Bà về việc xây dựng và tổ chức thực hiện chính sách ở địa phương.',
    'Please tell us how satisfied you are with how policies are made and carried out where you live.',
  ),
  items: [
    satisfaction(
      'pol.participation',
      'Việc người dân, tổ chức được tham gia góp ý trong quá trình xây dựng chính sách',
      'How people and organisations can take part in shaping policies',
      { allowDontKnow: true },
    ),
    satisfaction(
      'pol.responsiveness',
      'Chính sách đáp ứng nhu cầu của người dân, tổ chức',
      'How well policies meet the needs of people and organisations',
      { allowDontKnow: true },
    ),
    satisfaction(
      'pol.implementation',
      'Việc tổ chức thực hiện chính sách tại địa phương',
      'How policies are carried out locally',
      { allowDontKnow: true },
    ),
    satisfaction(
      'pol.benefits',
      'Lợi ích mà chính sách mang lại cho người dân, tổ chức',
      'The benefits policies bring to people and organisations',
      { allowDontKnow: true },
    ),
    satisfaction(
      'pol.general',
      'Nhìn chung, Ông/Bà hài lòng thế nào về việc xây dựng và tổ chức thực hiện chính sách?',
      'Overall, how satisfied are you with how policies are made and carried out?',
      { allowDontKnow: true },
    ),
  ],
}

const accessSection = serviceSection(
  'access',
  ['Tiếp cận dịch vụ', 'Access to the service'],
  [
    ['location', 'Địa điểm nộp hồ sơ, nhận kết quả thuận tiện', 'A convenient place to submit dossiers and collect results'],
    ['seats', 'Nơi ngồi chờ có đủ chỗ ngồi', 'Enough seats in the waiting area'],
    ['equipment', 'Trang thiết bị phục vụ đầy đủ, hiện đại, dễ sử dụng', 'Equipment that is sufficient, modern and easy to use'],
    ['online', 'Dịch vụ công trực tuyến dễ tiếp cận', 'Online public services that are easy to reach'],
  ],
  ['Nhìn chung, Ông/Bà hài lòng thế nào về việc tiếp cận dịch vụ?', 'Overall, how satisfied are you with access to the service?'],
  { allowDontKnow: true },
)

const proceduresSection = serviceSection(
  'procedures',
  ['Thủ tục hành chính', 'The administrative procedure'],
  [
    ['posted', 'Thủ tục được niêm yết công khai đầy đủ, chính xác', 'The procedure is posted publicly, fully and accurately'],
    ['documents', 'Thành phần hồ sơ phải nộp đúng quy định', 'The documents you had to submit were as regulated'],
    ['fees', 'Phí, lệ phí phải nộp đúng quy định', 'The fees you paid were as regulated'],
    ['time', 'Thời hạn giải quyết đúng quy định', 'The processing time was as regulated'],
  ],
  ['Nhìn chung, Ông/Bà hài lòng thế nào về thủ tục hành chính?', 'Overall, how satisfied are you with the procedure?'],
)

const civilServantsSection = serviceSection(
  'civil_servants',
  ['Công chức trực tiếp giải quyết công việc', 'The civil servants who handled your case'],
  [
    ['polite', 'Công chức có thái độ giao tiếp lịch sự', 'They were polite'],
    ['listens', 'Công chức chú ý lắng nghe ý kiến của Ông/Bà', 'They listened to what you said'],
    ['explains', 'Công chức trả lời, giải thích đầy đủ các ý kiến của Ông/Bà', 'They answered and explained your questions fully'],
    ['guides', 'Công chức hướng dẫn kê khai hồ sơ tận tình, dễ hiểu', 'They guided you through the forms thoroughly and clearly'],
    ['follows_rules', 'Công chức tuân thủ đúng quy định khi giải quyết công việc', 'They followed the rules in handling your case'],
  ],
  [
    'Nhìn chung, Ông/Bà hài lòng thế nào về công chức trực tiếp giải quyết công việc?',
    'Overall, how satisfied are you with the civil servants who handled your case?',
  ],
)

const resultsSection = serviceSection(
  'results',
  ['Kết quả giải quyết thủ tục hành chính', 'The result of the procedure'],
  [
    ['as_regulated', 'Kết quả Ông/Bà nhận được đúng quy định', 'The result you received was as regulated'],
    ['accurate', 'Kết quả có thông tin đầy đủ, chính xác', 'The result contained complete and accurate information'],
    ['on_time', 'Ông/Bà nhận kết quả đúng hẹn', 'You received the result on the promised date'],
  ],
  ['Nhìn chung, Ông/Bà hài lòng thế nào về kết quả nhận được?', 'Overall, how satisfied are you with the result you received?'],
)

// Most people never give feedback, so every feedback item offers "not applicable".
const feedbackSection = serviceSection(
  'feedback',
  ['Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị', 'Handling of feedback, complaints and suggestions'],
  [
    ['channel', 'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị', 'The agency provides ways to give feedback'],
    ['easy', 'Ông/Bà dễ dàng thực hiện góp ý, phản ánh, kiến nghị', 'Giving feedback was easy'],
    ['handled', 'Góp ý, phản ánh, kiến nghị được tiếp nhận, xử lý tích cực', 'Feedback was received and acted on'],
    ['answered', 'Ông/Bà được thông báo kết quả xử lý kịp thời', 'You were told the outcome in good time'],
  ],
  [
    'Nhìn chung, Ông/Bà hài lòng thế nào về việc tiếp nhận, xử lý góp ý, phản ánh, kiến nghị?',
    'Overall, how satisfied are you with how feedback is handled?',
  ],
  { allowDontKnow: true, allowNotApplicable: true },
)

const serviceSections = [accessSection, proceduresSection, civilServantsSection, resultsSection, feedbackSection]

const needsSection = {
  code: 'needs',
  title: text('Nhu cầu, mong đợi', 'Needs and expectations'),
  items: [
    {
      code: 'needs.priorities',
      kind: 'multiSelect' as const,
      text: text(
        'Theo Ông/Bà, cơ quan hành chính nhà nước cần ưu tiên cải thiện những nội dung nào? (chọn tất cả nội dung phù hợp)',
        'Which improvements should government agencies make first? (tick all that apply)',
      ),
      options: options(
        ['Nâng cao năng lực, trình độ của công chức', 'Improve officials’ competence'],
        ['Cải thiện thái độ phục vụ của công chức', 'Improve officials’ attitude'],
        ['Tăng cường công khai, minh bạch', 'More openness and transparency'],
        ['Đơn giản hóa thủ tục hành chính', 'Simplify procedures'],
        ['Rút ngắn thời gian giải quyết', 'Shorten processing times'],
        ['Giảm phí, lệ phí', 'Lower fees'],
        ['Mở rộng dịch vụ công trực tuyến', 'Offer more services online'],
        ['Cải thiện cơ sở vật chất nơi làm thủ tục', 'Improve the premises and equipment'],
        ['Tiếp nhận, xử lý tốt hơn góp ý, phản ánh, kiến nghị', 'Handle feedback better'],
        ['Nội dung khác', 'Something else'],
      ),
    },
  ],
}

const serviceElement = (section: (typeof serviceSections)[number], vi: string, en: string) => {
  const element = section.code.replace('svc.', '')
  return {
    code: element,
    name: text(vi, en),
    items: section.items.map((item) => item.code).filter((code) => !code.endsWith('.general')),
    generalItem: `svc.${element}.general`,
    index: 'general' as const,
  }
}

export const sipas2023: Definition = DefinitionSchema.parse({
  title: text(
    'Khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước',
    'Survey of citizens’ and organisations’ satisfaction with public administrative services',
  ),
  intro: text(
    'Ý kiến của Ông/Bà giúp cơ quan nhà nước phục vụ tốt hơn. Khảo sát ẩn danh và mất khoảng 10 phút.',
    'Your answers help government agencies serve you better. The survey is anonymous and takes about 10 minutes.',
  ),
  screening,
  sections: [
    screeningSection,
    demographicsSection,
    perceptionsSection,
    policySection,
    ...serviceSections,
    needsSection,
    commentSection,
  ],
  methodology: {
    elements: [
      {
        code: 'policy',
        name: text('Xây dựng, tổ chức thực hiện chính sách', 'Policy making and implementation'),
        items: policySection.items.map((item) => item.code).filter((code) => code !== 'pol.general'),
        generalItem: 'pol.general',
        index: 'general',
      },
      serviceElement(accessSection, 'Tiếp cận dịch vụ', 'Access to the service'),
      serviceElement(proceduresSection, 'Thủ tục hành chính', 'Administrative procedure'),
      serviceElement(civilServantsSection, 'Công chức', 'Civil servants'),
      serviceElement(resultsSection, 'Kết quả giải quyết', 'Results'),
      serviceElement(feedbackSection, 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị', 'Feedback handling'),
    ],
    aspects: [
      { code: 'policy', name: text('Chính sách', 'Policy'), elements: ['policy'] },
      {
        code: 'services',
        name: text('Cung ứng dịch vụ hành chính công', 'Administrative service delivery'),
        elements: ['access', 'procedures', 'civil_servants', 'results', 'feedback'],
      },
    ],
    unitIndex: 'meanOfAspects',
  },
})
