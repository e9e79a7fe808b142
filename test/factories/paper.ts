import { randomUUID } from 'node:crypto'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { prisma } from '~/db.server'
import type { Role } from '~/generated/prisma/enums'
import { createCampaign } from '~/questionnaire/campaigns.server'
import type { Definition } from '~/questionnaire/definition'
import { action as openBatchAction } from '~/routes/paper._index'
import { action as keyAction, loader as keyLoader } from '~/routes/paper.batches.$batchId._index/route'
import { action as reconcileAction, loader as reconcileLoader } from '~/routes/paper.batches.$batchId.reconcile/route'
import { paperDefinition } from '../fixtures/paper-definition'
import { createUser, requestWith, sessionCookieFor } from './accounts'
import { publishDefinition } from './submissions'
import { createAgency, createProvince, createServicePoint } from './units'

/** A published questionnaire (the small paper fixture by default) asked at `servicePointIds` from `from` to `to`. */
export async function createPaperCampaign(
  servicePointIds: readonly string[],
  {
    from = '2026-01-01',
    to = '2026-12-31',
    definition = paperDefinition,
  }: { from?: string; to?: string; definition?: Definition } = {}
) {
  const versionId = await publishDefinition(definition)
  const { campaignId } = await createCampaign({
    name: `Đợt ${from}`,
    nameEn: `Round ${from}`,
    startsOn: new Date(`${from}T00:00:00Z`),
    endsOn: new Date(`${to}T00:00:00Z`),
    versionId,
    servicePointIds,
  })
  return { versionId, campaignId }
}

/** A service point answering the paper fixture throughout 2026, in a province of its own. */
export async function createPaperServicePoint() {
  const province = await createProvince()
  const agency = await createAgency({ provinceId: province.id })
  const servicePoint = await createServicePoint(agency)
  return { province, agency, servicePoint, ...(await createPaperCampaign([servicePoint.id])) }
}

/** A clerk assigned to `servicePointIds` (none: a clerk of the province with no service point). */
export async function createClerk(provinceId: string, servicePointIds: readonly string[] = []) {
  const clerk = await createUser({ role: 'clerk', provinceId })
  if (servicePointIds.length) {
    await prisma.clerkAssignment.createMany({
      data: servicePointIds.map((servicePointId) => ({ userId: clerk.id, servicePointId })),
    })
  }
  return clerk
}

/** A user of `role` attached to the province (administrators supervise reconciliation). */
export function createProvinceUser(role: Role, provinceId: string) {
  return createUser({ role, provinceId })
}

/** A batch written directly (the route opens batches through openBatch and its checks). */
export async function createPaperBatch(options: {
  servicePointId: string
  createdById: string
  doubleEntry?: boolean
  sheetCount?: number
  fromDate?: string
  toDate?: string
}) {
  const id = randomUUID()
  await prisma.paperBatch.create({
    data: {
      id,
      servicePointId: options.servicePointId,
      createdById: options.createdById,
      doubleEntry: options.doubleEntry ?? false,
      sheetCount: options.sheetCount ?? 10,
      fromDate: new Date(`${options.fromDate ?? '2026-03-01'}T00:00:00Z`),
      toDate: new Date(`${options.toDate ?? '2026-03-31'}T00:00:00Z`),
    },
    select: { id: true },
  })
  return { id }
}

/** A paper service point with two clerks assigned to it and a supervisor (its province's administrator). */
export async function createPaperWorld() {
  const paper = await createPaperServicePoint()
  const clerk = await createClerk(paper.province.id, [paper.servicePoint.id])
  const secondClerk = await createClerk(paper.province.id, [paper.servicePoint.id])
  const supervisor = await createProvinceUser('province_admin', paper.province.id)
  return { ...paper, clerk, secondClerk, supervisor }
}

/** A complete, valid sheet of the paper fixture as a clerk types it. */
export const sheet = (sheetNo: number, overrides: Record<string, string> = {}) => ({
  sheetNo: String(sheetNo),
  sheetDate: '2026-03-02',
  screen: '1',
  'svc.polite': '4',
  'svc.rules': '8',
  'svc.field': '10',
  'svc.channels': '31',
  'svc.online_used': '1',
  'svc.online_easy': '5',
  'svc.general': '5',
  comment: '',
  ...overrides,
})

export const keyPath = (batchId: string) => `/paper/batches/${batchId}`
export const reconcilePath = (batchId: string) => `${keyPath(batchId)}/reconcile`

/** `userId` posts the batch form of /paper. */
export const openBatch = (userId: string, fields: Record<string, string>) =>
  post(openBatchAction, userId, '/paper', {}, fields)

/** `userId` saves a sheet on the keying screen (in the language `lng` when given). */
export const keySheet = (userId: string, batchId: string, fields: Record<string, string>, lng?: string) =>
  post(keyAction, userId, lng ? `${keyPath(batchId)}?lng=${lng}` : keyPath(batchId), { batchId }, fields)

/** `userId` opens the keying screen (`search`: the query string a redirect left, if any). */
export const viewKeying = (userId: string, batchId: string, search = '') =>
  get(keyLoader, userId, `${keyPath(batchId)}${search}`, { batchId })

/** `userId` posts the reconciliation screen's form (resolve a sheet, or count the waiting ones). */
export const reconcile = (userId: string, batchId: string, fields: Record<string, string>) =>
  post(reconcileAction, userId, reconcilePath(batchId), { batchId }, fields)

/** `userId` opens the reconciliation screen. */
export const viewReconciliation = (userId: string, batchId: string) =>
  get(reconcileLoader, userId, reconcilePath(batchId), { batchId })

type RouteFunction = (args: never) => unknown
type Outcome = { status: number; location: string | null; data: Record<string, unknown> | null }

/** What a loader or action answered, thrown responses included. */
async function settle(run: () => unknown): Promise<Outcome> {
  let result: unknown
  try {
    result = await run()
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    result = thrown
  }
  if (result instanceof Response) return { status: result.status, location: result.headers.get('Location'), data: null }
  if (result && typeof result === 'object' && (result as { type?: string }).type === 'DataWithResponseInit') {
    const { data, init } = result as { data: Record<string, unknown>; init: ResponseInit | null }
    return { status: init?.status ?? 200, location: null, data }
  }
  return { status: 200, location: null, data: result as Record<string, unknown> }
}

/** A form post with a valid CSRF token, signed in as `userId`. */
async function post(
  fn: RouteFunction,
  userId: string,
  path: string,
  params: Record<string, string>,
  fields: Record<string, string>
) {
  const cookie = await sessionCookieFor(userId)
  const body = new FormData()
  body.set(CSRF_FIELD, (await getCsrfToken(requestWith(cookie, '/'))) ?? '')
  for (const [name, value] of Object.entries(fields)) body.set(name, value)
  const request = requestWith(cookie, path, { method: 'POST', body })
  return settle(() => fn({ request, params, context: {} } as never))
}

async function get(fn: RouteFunction, userId: string, path: string, params: Record<string, string>) {
  const request = requestWith(await sessionCookieFor(userId), path)
  return settle(() => fn({ request, params, context: {} } as never))
}
