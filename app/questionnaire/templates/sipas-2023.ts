import { type Definition, DefinitionSchema, type ItemKind } from '../definition'
import { type ElementData, type TemplateWording, YES_NO, extraAnswers, options, text } from './build'
import { commentSection, demographicsSection, prioritiesSection, screening, screeningSection } from './common-sections'
import wordingData from './sipas-2023-wording.json'

/**
 * SIPAS 2023–2026 (QĐ 1001/QĐ-BNV): perceptions, satisfaction with policy and with administrative
 * services element by element (each with an "in general" item), needs and expectations.
 * The wording follows the published design in spirit; provinces copy and adapt it.
 */

type Extra = { allowDontKnow?: boolean; allowNotApplicable?: boolean }

function satisfaction(code: string, vi: string, en: string, extra: Extra = {}) {
  return {
    code,
    kind: 'satisfaction5' as ItemKind,
    text: text(vi, en),
    ...extra,
  }
}

/**
 * The wording of the five service elements and of the closing needs, as data. Each element asks its content items, then
 * "satisfied with this element in general". Most people never give feedback, so that element's
 * items offer "not applicable".
 */
const wording: TemplateWording = wordingData
const serviceElements = wording.elements

function serviceSection(element: ElementData) {
  const extra = extraAnswers(element)
  return {
    code: `svc.${element.code}`,
    title: element.title,
    items: [
      ...element.criteria.map(({ code, vi, en }) => satisfaction(`svc.${element.code}.${code}`, vi, en, extra)),
      satisfaction(`svc.${element.code}.general`, element.overall.vi, element.overall.en, extra),
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

const serviceSections = serviceElements.map(serviceSection)

const needsSection = prioritiesSection(wording.priorities)

const serviceElement = (element: ElementData) => ({
  code: element.code,
  name: element.name,
  items: element.criteria.map((criterion) => `svc.${element.code}.${criterion.code}`),
  generalItem: `svc.${element.code}.general`,
  index: 'general' as const,
})

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
      ...serviceElements.map(serviceElement),
    ],
    aspects: [
      {
        code: 'policy',
        name: text('Chính sách', 'Policy'),
        elements: ['policy'],
      },
      {
        code: 'services',
        name: text('Cung ứng dịch vụ hành chính công', 'Administrative service delivery'),
        elements: ['access', 'procedures', 'civil_servants', 'results', 'feedback'],
      },
    ],
    unitIndex: 'meanOfAspects',
  },
})
