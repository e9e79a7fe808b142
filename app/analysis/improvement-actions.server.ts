import { randomUUID } from 'node:crypto'
import { unitFigures } from '~/aggregation/figures.server'
import { parsePeriod } from '~/aggregation/period'
import { getVersionCatalog } from '~/aggregation/versions.server'
import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { vietnamDay } from '~/responses/vietnam-time'
import { type ActionOutcome, type CriterionFigure, type ImprovementActionInput, actionOutcome } from './improvement-actions'

/*
 * The stored improvement plans (ImprovementAction): a province's own (agencyId null) or an
 * agency's. Every change is audited (improvement_action.created / updated / deleted). The
 * criterion's figures — the baseline when an action is recorded, the outcome in the target
 * period — are the aggregation module's, the same ones the analysis and the dashboards show.
 */

/** The unit a plan belongs to: a province (agencyId null) or one of its agencies. */
export type PlanUnit = { level: 'province' | 'agency'; id: string; provinceId: string; agencyId: string | null }

const actionSelect = {
  id: true,
  basePeriod: true,
  targetPeriod: true,
  methodologyCode: true,
  criterionCode: true,
  action: true,
  owner: true,
  dueOn: true,
  targetValue: true,
  baselineValue: true,
  createdById: true,
  createdAt: true,
} satisfies Prisma.ImprovementActionSelect

const planWhere = (unit: PlanUnit): Prisma.ImprovementActionWhereInput => ({ provinceId: unit.provinceId, agencyId: unit.agencyId })

/** The plan of a unit by level and id; null when there is none or the unit can have no plan (an agency outside any province). */
export async function getPlanUnit(level: string, unitId: string): Promise<PlanUnit | null> {
  if (level === 'province') {
    // Provinces and centrally run cities alike (AdminUnit.kind): both are province-level units.
    const province = await prisma.adminUnit.findUnique({ where: { id: unitId }, select: { id: true } })
    return province ? { level, id: province.id, provinceId: province.id, agencyId: null } : null
  }
  if (level === 'agency') {
    const agency = await prisma.agency.findUnique({ where: { id: unitId }, select: { id: true, provinceId: true } })
    return agency?.provinceId ? { level, id: agency.id, provinceId: agency.provinceId, agencyId: agency.id } : null
  }
  return null
}

/**
 * A criterion's figures in a period, by element or item code (none when the unit's figures are
 * not published), the series they belong to, and every criterion code of that series' methodology.
 */
export async function getCriterionFigures(unit: PlanUnit, periodKey: string) {
  const period = parsePeriod(periodKey)
  const figures = new Map<string, CriterionFigure>()
  const codes = new Set<string>()
  if (!period) return { methodologyCode: null, figures, codes }
  const rows = await unitFigures({ period, level: unit.level, ids: [unit.id] })
  const row = rows[0]
  if (!row) return { methodologyCode: null, figures, codes }
  const catalog = await getVersionCatalog([row.versionId])
  const methodology = catalog.versions.get(row.versionId)!.definition.methodology
  for (const element of methodology.elements) {
    codes.add(element.code)
    for (const item of [...element.items, ...(element.generalItem ? [element.generalItem] : [])]) codes.add(item)
  }
  if (row.figures.suppressed) return { methodologyCode: row.methodologyCode, figures, codes }
  const intervals = row.figures.intervals.elements
  for (const [code, value] of Object.entries(row.figures.elements)) {
    if (value !== null) figures.set(code, { value, low: intervals[code]?.low ?? null, high: intervals[code]?.high ?? null })
  }
  for (const [code, item] of Object.entries(row.figures.items)) {
    if (item.rate !== null && !item.suppressed) figures.set(code, { value: item.rate, low: item.low, high: item.high })
  }
  return { methodologyCode: row.methodologyCode, figures, codes }
}

export type PlannedAction = Awaited<ReturnType<typeof listImprovementActions>>[number]

/**
 * The unit's actions, by target period and deadline, each with its target period's figure and
 * whether the target was met (actionOutcome). A figure of another methodology series does not
 * measure a criterion of this one: such an action is not yet measured.
 */
export async function listImprovementActions(unit: PlanUnit, today = vietnamDay(new Date())) {
  const actions = await prisma.improvementAction.findMany({
    where: planWhere(unit),
    select: actionSelect,
    orderBy: [{ targetPeriod: 'asc' }, { dueOn: 'asc' }, { createdAt: 'asc' }],
  })
  const periods = [...new Set(actions.map((action) => action.targetPeriod))]
  const figuresOf = new Map(await Promise.all(periods.map(async (key) => [key, await getCriterionFigures(unit, key)] as const)))
  return actions.map((action) => {
    const target = figuresOf.get(action.targetPeriod)!
    const figure = target.methodologyCode === action.methodologyCode ? (target.figures.get(action.criterionCode) ?? null) : null
    const ended = (parsePeriod(action.targetPeriod)?.to ?? '9999-12-31') < today
    const outcome: ActionOutcome = actionOutcome(action.targetValue, figure, ended)
    return { ...action, dueOn: action.dueOn.toISOString().slice(0, 10), createdAt: action.createdAt.toISOString(), figure, outcome }
  })
}

type Refusal = { error: { field: string; key: string } }

/**
 * Records an action for a criterion of the methodology the unit was surveyed with in the base
 * period; its published figure there becomes the baseline (none when the unit had too few
 * respondents to publish: a small unit may plan too).
 */
export async function createImprovementAction(unit: PlanUnit, input: ImprovementActionInput, actorId: string): Promise<{ id: string } | Refusal> {
  const base = await getCriterionFigures(unit, input.basePeriod)
  if (!base.methodologyCode || !base.codes.has(input.criterionCode)) {
    return { error: { field: 'criterionCode', key: 'actions.errors.criterionUnmeasured' } }
  }
  const baseline = base.figures.get(input.criterionCode) ?? null
  const id = randomUUID()
  await prisma.$transaction(async (tx) => {
    await tx.improvementAction.create({
      data: {
        id,
        provinceId: unit.provinceId,
        agencyId: unit.agencyId,
        basePeriod: input.basePeriod,
        targetPeriod: input.targetPeriod,
        methodologyCode: base.methodologyCode!,
        criterionCode: input.criterionCode,
        action: input.action,
        owner: input.owner,
        dueOn: new Date(`${input.dueOn}T00:00:00Z`),
        targetValue: input.targetValue,
        baselineValue: baseline?.value ?? null,
        createdById: actorId,
      },
      select: { id: true },
    })
    await recordAudit('improvement_action.created', { actorId, target: `improvement_action:${id}`, details: auditDetails(unit, input) }, tx)
  })
  return { id }
}

/** Changes an action of the unit's plan (not its criterion or base period: that is another action). */
export async function updateImprovementAction(
  unit: PlanUnit,
  id: string,
  input: ImprovementActionInput,
  actorId: string,
): Promise<{ id: string } | Refusal | null> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.improvementAction.updateMany({
      where: { id, ...planWhere(unit) },
      data: {
        targetPeriod: input.targetPeriod,
        action: input.action,
        owner: input.owner,
        dueOn: new Date(`${input.dueOn}T00:00:00Z`),
        targetValue: input.targetValue,
      },
    })
    if (count === 0) return null
    await recordAudit('improvement_action.updated', { actorId, target: `improvement_action:${id}`, details: auditDetails(unit, input) }, tx)
    return { id }
  })
}

/** Deletes an action of the unit's plan; false when the plan has no such action. */
export async function deleteImprovementAction(unit: PlanUnit, id: string, actorId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.improvementAction.deleteMany({ where: { id, ...planWhere(unit) } })
    if (count === 0) return false
    await recordAudit('improvement_action.deleted', { actorId, target: `improvement_action:${id}`, details: { provinceId: unit.provinceId, agencyId: unit.agencyId } }, tx)
    return true
  })
}

function auditDetails(unit: PlanUnit, input: ImprovementActionInput) {
  return {
    provinceId: unit.provinceId,
    agencyId: unit.agencyId,
    criterionCode: input.criterionCode,
    targetPeriod: input.targetPeriod,
    targetValue: input.targetValue,
    dueOn: input.dueOn,
  }
}
