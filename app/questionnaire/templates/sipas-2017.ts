import { type Definition, DefinitionSchema } from '../definition'
import { options, text } from './build'
import { commentSection, demographicsSection, screening, screeningSection } from './common-sections'

/**
 * SIPAS 2017–2022 (QĐ 2640/QĐ-BNV): 5 elements, 22 criteria (4 + 5 + 6 + 3 + 4), each element
 * asked as agreement with its criteria, then satisfaction with the element; expectations last.
 * The criteria split follows common practice; the legal wording is unverified
 * (docs/methodology.md, "The questionnaire").
 */

type Criterion = [code: string, vi: string, en: string]

function elementSection(
  element: string,
  title: [vi: string, en: string],
  criteria: Criterion[],
  satisfactionText: [vi: string, en: string],
  extra: { allowNotApplicable?: boolean } = {},
) {
  return {
    code: element,
    title: text(...title),
    intro: text(
      'Ông/Bà đồng ý với các nhận định sau ở mức độ nào?',
      'How far do you agree with the following statements?',
    ),
    items: [
      ...criteria.map(([code, vi, en]) => ({
        code: `${element}.${code}`,
        kind: 'agreement5' as const,
        text: text(vi, en),
        ...extra,
      })),
      {
        code: `${element}.satisfaction`,
        kind: 'satisfaction5' as const,
        text: text(...satisfactionText),
        ...extra,
      },
    ],
  }
}

const access = elementSection(
  'access',
  ['Tiếp cận dịch vụ', 'Access to the service'],
  [
    ['seats', 'Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi', 'The one-stop desk has enough seats in the waiting area'],
    ['equipment_sufficient', 'Trang thiết bị phục vụ tại Bộ phận Một cửa đầy đủ', 'The equipment at the one-stop desk is sufficient'],
    ['equipment_modern', 'Trang thiết bị phục vụ tại Bộ phận Một cửa hiện đại', 'The equipment at the one-stop desk is modern'],
    ['equipment_easy', 'Trang thiết bị phục vụ tại Bộ phận Một cửa dễ sử dụng', 'The equipment at the one-stop desk is easy to use'],
  ],
  ['Ông/Bà hài lòng thế nào về việc tiếp cận dịch vụ?', 'How satisfied are you with access to the service?'],
)

const procedure = elementSection(
  'procedure',
  ['Thủ tục hành chính', 'The administrative procedure'],
  [
    ['posted_fully', 'Thủ tục hành chính được niêm yết công khai đầy đủ', 'The procedure is posted publicly in full'],
    ['posted_accurately', 'Thủ tục hành chính được niêm yết công khai chính xác', 'The procedure is posted publicly and accurately'],
    ['documents', 'Thành phần hồ sơ Ông/Bà phải nộp là đúng quy định', 'The documents you had to submit were as regulated'],
    ['fees', 'Phí, lệ phí Ông/Bà phải nộp là đúng quy định', 'The fees you paid were as regulated'],
    [
      'time',
      'Thời hạn giải quyết ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả là đúng quy định',
      'The processing time on your receipt was as regulated',
    ],
  ],
  ['Ông/Bà hài lòng thế nào về thủ tục hành chính?', 'How satisfied are you with the procedure?'],
)

const civilServant = elementSection(
  'civil_servant',
  ['Công chức trực tiếp giải quyết công việc', 'The civil servant who handled your case'],
  [
    ['polite', 'Công chức có thái độ giao tiếp lịch sự', 'The civil servant was polite'],
    ['listens', 'Công chức chú ý lắng nghe ý kiến của Ông/Bà', 'The civil servant listened to what you said'],
    ['answers', 'Công chức trả lời, giải thích đầy đủ các ý kiến của Ông/Bà', 'The civil servant answered your questions fully'],
    ['guides_thoroughly', 'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo', 'The civil servant guided you through the forms thoroughly'],
    ['guides_clearly', 'Công chức hướng dẫn kê khai hồ sơ dễ hiểu', 'The civil servant’s guidance was easy to understand'],
    ['follows_rules', 'Công chức tuân thủ đúng quy định trong giải quyết công việc', 'The civil servant followed the rules'],
  ],
  [
    'Ông/Bà hài lòng thế nào về công chức trực tiếp giải quyết công việc?',
    'How satisfied are you with the civil servant who handled your case?',
  ],
)

const result = elementSection(
  'result',
  ['Kết quả giải quyết thủ tục hành chính', 'The result of the procedure'],
  [
    ['as_regulated', 'Kết quả Ông/Bà nhận được đúng quy định', 'The result you received was as regulated'],
    ['complete', 'Kết quả Ông/Bà nhận được có thông tin đầy đủ', 'The result contained complete information'],
    ['accurate', 'Kết quả Ông/Bà nhận được có thông tin chính xác', 'The result contained accurate information'],
  ],
  ['Ông/Bà hài lòng thế nào về kết quả nhận được?', 'How satisfied are you with the result you received?'],
)

// Most people never give feedback, so these items offer "not applicable".
const feedback = elementSection(
  'feedback',
  ['Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị', 'Handling of feedback, complaints and suggestions'],
  [
    ['channel', 'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị', 'The agency provides ways to give feedback'],
    ['easy', 'Ông/Bà dễ dàng thực hiện góp ý, phản ánh, kiến nghị', 'Giving feedback was easy'],
    ['handled', 'Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh, kiến nghị', 'The agency acted on the feedback it received'],
    ['answered', 'Cơ quan thông báo kịp thời kết quả xử lý góp ý, phản ánh, kiến nghị', 'The agency reported the outcome in good time'],
  ],
  [
    'Ông/Bà hài lòng thế nào về việc tiếp nhận, xử lý góp ý, phản ánh, kiến nghị?',
    'How satisfied are you with how feedback is handled?',
  ],
  { allowNotApplicable: true },
)

const elementSections = [access, procedure, civilServant, result, feedback]

const elementNames = [
  text('Tiếp cận dịch vụ', 'Access to the service'),
  text('Thủ tục hành chính', 'Administrative procedure'),
  text('Công chức', 'Civil servant'),
  text('Kết quả giải quyết', 'Results'),
  text('Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị', 'Feedback handling'),
]

const expectationsSection = {
  code: 'expect',
  title: text('Mong đợi của người dân, tổ chức', 'Your expectations'),
  items: [
    {
      code: 'expect.priorities',
      kind: 'multiSelect' as const,
      text: text(
        'Để nâng cao chất lượng phục vụ, Ông/Bà mong muốn cơ quan cải thiện những nội dung nào? (chọn tất cả nội dung phù hợp)',
        'To serve you better, what should the agency improve? (tick all that apply)',
      ),
      options: options(
        ['Cải thiện cơ sở vật chất, trang thiết bị nơi tiếp nhận hồ sơ', 'Better premises and equipment at the desk'],
        ['Công khai thủ tục hành chính đầy đủ, dễ hiểu hơn', 'Post procedures more fully and clearly'],
        ['Đơn giản hóa thủ tục, giảm thành phần hồ sơ', 'Simpler procedures with fewer documents'],
        ['Rút ngắn thời gian giải quyết', 'Shorter processing times'],
        ['Cải thiện thái độ phục vụ của công chức', 'Better attitude of civil servants'],
        ['Nâng cao năng lực của công chức', 'More competent civil servants'],
        ['Tiếp nhận, xử lý tốt hơn góp ý, phản ánh, kiến nghị', 'Better handling of feedback'],
        ['Mở rộng dịch vụ công trực tuyến', 'More services online'],
      ),
    },
  ],
}

export const sipas2017: Definition = DefinitionSchema.parse({
  title: text(
    'Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước',
    'Questionnaire on citizens’ and organisations’ satisfaction with public administrative services',
  ),
  intro: text(
    'Ý kiến của Ông/Bà giúp cơ quan nhà nước phục vụ tốt hơn. Khảo sát ẩn danh và mất khoảng 10 phút.',
    'Your answers help government agencies serve you better. The survey is anonymous and takes about 10 minutes.',
  ),
  screening,
  sections: [screeningSection, demographicsSection, ...elementSections, expectationsSection, commentSection],
  methodology: {
    elements: elementSections.map((section, index) => {
      return {
        code: section.code,
        name: elementNames[index],
        items: section.items.map((item) => item.code).filter((code) => !code.endsWith('.satisfaction')),
        generalItem: `${section.code}.satisfaction`,
        index: 'mean' as const,
      }
    }),
    aspects: [],
    unitIndex: 'meanOfElements',
  },
})
