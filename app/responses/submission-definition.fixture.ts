import { DefinitionSchema } from '~/questionnaire/definition'

const t = (vi: string) => ({ vi, en: vi })
const options = (...values: number[]) => values.map((value) => ({ value, label: t(`Lựa chọn ${value}`) }))

/** A small questionnaire with one item of every kind and one conditional item. */
export const definition = DefinitionSchema.parse({
  title: t('Khảo sát'),
  screening: { item: 'screen', eligible: [1], endMessage: t('Cảm ơn') },
  sections: [
    { code: 's0', title: t('Sàng lọc'), items: [{ code: 'screen', kind: 'yesNo', text: t('Đã nhận kết quả?'), options: options(1, 2) }] },
    {
      code: 's1',
      title: t('Đánh giá'),
      items: [
        { code: 'svc.polite', kind: 'satisfaction5', text: t('Lịch sự'), allowDontKnow: true },
        { code: 'svc.time', kind: 'satisfaction5', text: t('Đúng hẹn'), allowNotApplicable: true },
        { code: 'svc.general', kind: 'satisfaction5', text: t('Nói chung') },
        { code: 'online.used', kind: 'yesNo', text: t('Dùng dịch vụ công trực tuyến?'), options: options(1, 2) },
        {
          code: 'online.easy',
          kind: 'agreement5',
          text: t('Dễ dùng'),
          showIf: { item: 'online.used', op: 'equals', value: 1 },
        },
        { code: 'channels', kind: 'multiSelect', text: t('Kênh'), options: options(1, 2, 3), allowDontKnow: true },
        { code: 'visits', kind: 'number', text: t('Số lần đi lại'), min: 1, max: 20, required: false },
        { code: 'field', kind: 'singleChoice', text: t('Lĩnh vực'), options: options(1, 2, 3), required: false },
        { code: 'comment', kind: 'text', text: t('Góp ý'), required: false },
      ],
    },
  ],
  methodology: { elements: [], unitIndex: 'meanOfElements' },
})
