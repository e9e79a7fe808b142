import { type Definition, DefinitionSchema } from '../definition'
import { type ElementData, type TemplateWording, extraAnswers, text } from './build'
import { commentSection, demographicsSection, prioritiesSection, screening, screeningSection } from './common-sections'
import wordingData from './sipas-2017-wording.json'

/**
 * SIPAS 2017–2022 (QĐ 2640/QĐ-BNV): 5 elements, 22 criteria (4 + 5 + 6 + 3 + 4), each element
 * asked as agreement with its criteria, then satisfaction with the element; expectations last.
 * The criteria split follows common practice; the legal wording is unverified
 * (docs/methodology.md, "The questionnaire").
 */

/**
 * The wording of the five elements and of the closing expectations, as data. Most people never
 * give feedback, so that element's items offer "not applicable".
 */
const wording: TemplateWording = wordingData
const elements = wording.elements

function elementSection(element: ElementData) {
  const extra = extraAnswers(element)
  return {
    code: element.code,
    title: element.title,
    intro: text(
      'Ông/Bà đồng ý với các nhận định sau ở mức độ nào?',
      'How far do you agree with the following statements?',
    ),
    items: [
      ...element.criteria.map(({ code, vi, en }) => ({
        code: `${element.code}.${code}`,
        kind: 'agreement5' as const,
        text: text(vi, en),
        ...extra,
      })),
      {
        code: `${element.code}.satisfaction`,
        kind: 'satisfaction5' as const,
        text: element.overall,
        ...extra,
      },
    ],
  }
}

const elementSections = elements.map(elementSection)

const expectationsSection = prioritiesSection(wording.priorities)

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
    elements: elements.map((element) => ({
      code: element.code,
      name: element.name,
      items: element.criteria.map((criterion) => `${element.code}.${criterion.code}`),
      generalItem: `${element.code}.satisfaction`,
      index: 'mean' as const,
    })),
    aspects: [],
    unitIndex: 'meanOfElements',
  },
})
