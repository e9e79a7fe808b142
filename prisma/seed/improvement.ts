import { createImprovementAction, getCriterionFigures, getPlanUnit } from '~/analysis/improvement-actions.server'

/*
 * A demo improvement plan: the demo province's actions for 2026 on its 2025 figures, set so that
 * the plan page and the report show every status — one target met, one not met, one for 2027
 * (not yet measured) — and one action of the demo agency's own plan. Targets are placed around
 * the 2026 figures the demo generator produced, so they hold whatever its seed gives. An action is
 * recorded only where its criterion is published in 2025 (createImprovementAction refuses it
 * otherwise, as it would a person): a small seed (the seed test's) may have none.
 */

const PLAN = [
  { criterionCode: 'access', targetPeriod: '2026', offset: -2, action: 'Mở thêm quầy tiếp nhận hồ sơ vào sáng thứ Bảy', owner: 'Trung tâm Phục vụ hành chính công', dueOn: '2026-03-31' },
  { criterionCode: 'procedures', targetPeriod: '2026', offset: 4, action: 'Rà soát, cắt giảm thành phần hồ sơ của 20 thủ tục có nhiều phản ánh nhất', owner: 'Sở Tư pháp', dueOn: '2026-06-30' },
  { criterionCode: 'civil_servants', targetPeriod: '2027', offset: 3, action: 'Tập huấn kỹ năng giao tiếp cho công chức tiếp nhận hồ sơ', owner: 'Sở Nội vụ', dueOn: '2027-03-31' },
] as const

export async function seedImprovementActions(provinceId: string, agencyId: string, adminId: string, managerId: string) {
  const province = (await getPlanUnit('province', provinceId))!
  const agency = (await getPlanUnit('agency', agencyId))!
  const now = await getCriterionFigures(province, '2026')
  for (const step of PLAN) {
    const current = now.figures.get(step.criterionCode)?.value ?? 80
    const targetValue = Math.min(100, Math.max(0, Math.round((current + step.offset) * 10) / 10))
    await createImprovementAction(province, { basePeriod: '2025', ...step, targetValue }, adminId)
  }
  const agencyNow = await getCriterionFigures(agency, '2026')
  const results = agencyNow.figures.get('results')?.value ?? 80
  await createImprovementAction(
    agency,
    {
      basePeriod: '2025',
      targetPeriod: '2026',
      criterionCode: 'results',
      action: 'Trả kết quả qua dịch vụ bưu chính công ích cho mọi hồ sơ có yêu cầu',
      owner: 'Văn phòng Sở',
      dueOn: '2026-09-30',
      targetValue: Math.max(0, Math.round((results - 1) * 10) / 10),
    },
    managerId,
  )
}
