import { type Definition, DefinitionSchema, type ItemKind } from '~/questionnaire/definition'

/**
 * A small 2023+-shaped questionnaire for aggregation tests: one item of every figure-bearing
 * kind, a "general" element, a "mean" element, and two satisfaction contents.
 */
const text = (en: string) => ({ vi: en, en })
const options = (...values: number[]) => values.map((value) => ({ value, label: text(`option ${value}`) }))
const item = (code: string, kind: ItemKind, extra: object = {}) => ({
  code,
  kind,
  text: text(code),
  ...extra,
})

export const sampleDefinition: Definition = DefinitionSchema.parse({
  title: text('Sample'),
  screening: { item: 'screen', eligible: [1], endMessage: text('Thank you') },
  sections: [
    {
      code: 'perception',
      title: text('Perception'),
      items: [
        item('screen', 'yesNo', { options: options(1, 2) }),
        // "none" is the positive answer to the harassment question
        item('harassment', 'singleChoice', { options: options(1, 2, 3), positive: [1] }),
        item('channel', 'categorical', { options: options(1, 2, 3) }),
      ],
    },
    {
      code: 'satisfaction',
      title: text('Satisfaction'),
      items: [
        item('policy.general', 'satisfaction5', { allowDontKnow: true }),
        item('access.general', 'satisfaction5'),
        item('procedure.1', 'agreement5', { allowNotApplicable: true }),
        item('procedure.2', 'agreement5'),
      ],
    },
    {
      code: 'expectations',
      title: text('Expectations'),
      items: [
        item('priorities', 'multiSelect', { options: options(1, 2, 3, 4) }),
        item('suggestions', 'text', { required: false }),
        item('visits', 'number', { required: false }),
      ],
    },
  ],
  methodology: {
    elements: [
      { code: 'policy', name: text('Policy'), items: [], generalItem: 'policy.general', index: 'general' },
      { code: 'access', name: text('Access'), items: [], generalItem: 'access.general', index: 'general' },
      { code: 'procedure', name: text('Procedure'), items: ['procedure.1', 'procedure.2'], index: 'mean' },
    ],
    aspects: [
      { code: 'policy', name: text('Policy'), elements: ['policy'] },
      { code: 'services', name: text('Services'), elements: ['access', 'procedure'] },
    ],
    unitIndex: 'meanOfAspects',
  },
})
