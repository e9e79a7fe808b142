import { type Definition, DefinitionSchema, type ItemKind } from '~/questionnaire/definition'

/**
 * A small questionnaire for paper-entry tests: screening, a scale with "don't know", an
 * agreement scale with "not applicable", a ten-option choice (two-digit keys), a multi-select,
 * an item shown only after a "yes", and an optional comment.
 */
const text = (en: string) => ({ vi: `vi ${en}`, en })
const options = (count: number) => Array.from({ length: count }, (_, i) => ({ value: i + 1, label: text(`option ${i + 1}`) }))
const item = (code: string, kind: ItemKind, extra: object = {}) => ({ code, kind, text: text(code), ...extra })

export const paperDefinition: Definition = DefinitionSchema.parse({
  title: text('Paper'),
  screening: { item: 'screen', eligible: [1], endMessage: text('Thank you') },
  sections: [
    { code: 'start', title: text('Start'), items: [item('screen', 'yesNo', { options: options(2) })] },
    {
      code: 'service',
      title: text('Service'),
      items: [
        item('svc.polite', 'satisfaction5', { allowDontKnow: true }),
        item('svc.rules', 'agreement5', { allowNotApplicable: true }),
        item('svc.field', 'singleChoice', { options: options(10) }),
        item('svc.channels', 'multiSelect', { options: options(4) }),
        item('svc.online_used', 'yesNo', { options: options(2) }),
        item('svc.online_easy', 'agreement5', { showIf: { item: 'svc.online_used', op: 'equals', value: 1 } }),
        item('svc.general', 'satisfaction5'),
      ],
    },
    { code: 'comment', title: text('Comment'), items: [item('comment', 'text', { required: false })] },
  ],
  methodology: {
    elements: [{ code: 'svc', name: text('Service'), items: ['svc.polite', 'svc.rules'], generalItem: 'svc.general', index: 'general' }],
    aspects: [],
    unitIndex: 'meanOfElements',
  },
})

export const itemOf = (code: string) => {
  const found = paperDefinition.sections.flatMap((section) => section.items).find((item) => item.code === code)
  if (!found) throw new Error(`no item ${code}`)
  return found
}
