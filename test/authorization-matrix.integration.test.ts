import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { issuePasswordReset } from '~/auth/password-reset.server'
import { ROLES } from '~/auth/roles'
import { prisma } from '~/db.server'
import type { Role } from '~/generated/prisma/enums'
import { createUser, requestWith, sessionCookieFor } from './factories/accounts'
import { createPaperBatch, createPaperCampaign } from './factories/paper'
import { createAgency, createProvince, createServicePoint } from './factories/units'

/*
 * Every route module × every role (plus anonymous): what its loader answers, and what its
 * action answers to a post carrying a valid CSRF token but no fields. The route list is read
 * from app/routes at run time, so a new route without an entry here fails this test: whoever
 * adds a route decides, in this table, who may see it.
 *
 * Outcomes: 200 · 'sign-in' (redirect to /login) · 'redirect' (elsewhere) · 400 · 403 · 404 ·
 * 405 (no loader: an action-only route) · 409 · 415 (not JSON, for the JSON API).
 */

/** A route's loader or action, called with whatever Remix would pass. */
type RouteFunction = (args: never) => unknown
type Who = 'anonymous' | Role
type Outcome = 200 | 'sign-in' | 'redirect' | 400 | 403 | 404 | 405 | 409 | 415
type Expectations = Record<Who, Outcome>
type World = Awaited<ReturnType<typeof buildWorld>>
type Case = {
  name: string
  path: (world: World) => string
  params?: (world: World) => Record<string, string>
  loader: Expectations
  /** Required when the module exports an action. */
  action?: Expectations
}

const WHO: Who[] = ['anonymous', ...ROLES]
const everyone = (outcome: Outcome): Expectations =>
  Object.fromEntries(WHO.map((who) => [who, outcome])) as Expectations
const signedIn = (outcome: Outcome): Expectations => ({ ...everyone(outcome), anonymous: 'sign-in' })
const roles = (allowed: Partial<Record<Role, Outcome>>, others: Outcome = 403): Expectations => ({
  ...signedIn(others),
  ...allowed,
})
const admins = (outcome: Outcome = 200) => roles({ ministry_admin: outcome, province_admin: outcome })

const MATRIX: Record<string, Case[]> = {
  '_index.tsx': [{ name: 'home', path: () => '/', loader: everyone(200) }],
  'healthz.ts': [{ name: 'liveness', path: () => '/healthz', loader: everyone(200) }],
  'readyz.ts': [{ name: 'readiness', path: () => '/readyz', loader: everyone(200) }],
  // The JSON submission API: anonymous by design (kiosks authenticate with a device token, not a
  // session); GET is 405 and a form post is 415 whoever sends it.
  'api.submissions.ts': [{ name: 'submission API', path: () => '/api/submissions', loader: everyone(405), action: everyone(415) }],
  's._index.tsx': [{ name: 'code form', path: () => '/s?code=ab12', loader: everyone('redirect') }],
  's.$code.tsx': [
    {
      name: 'an unknown service point',
      path: () => '/s/NO-SUCH-POINT',
      params: () => ({ code: 'NO-SUCH-POINT' }),
      loader: everyone(404),
      action: everyone(404),
    },
    {
      // The phone survey is public; this service point takes part in no campaign.
      name: 'a service point without a campaign',
      path: (w) => `/s/${w.servicePoint.code}`,
      params: (w) => ({ code: w.servicePoint.code }),
      loader: everyone(404),
      action: everyone(404),
    },
  ],
  's.$code_.thanks.tsx': [
    {
      name: 'thank-you page',
      path: () => '/s/AB12/thanks?receipt=K7Q2-M9XD-3FHA',
      params: () => ({ code: 'AB12' }),
      loader: everyone(200),
    },
  ],
  'privacy.tsx': [{ name: 'privacy notice', path: () => '/privacy', loader: everyone(200) }],
  'login.tsx': [
    {
      name: 'sign-in page',
      path: () => '/login',
      loader: { ...everyone('redirect'), anonymous: 200 },
      action: everyone(400),
    },
  ],
  'logout.tsx': [{ name: 'sign out', path: () => '/logout', loader: everyone('redirect'), action: everyone('redirect') }],
  'account.tsx': [{ name: 'own account', path: () => '/account', loader: signedIn(200) }],
  'reset-password.$token.tsx': [
    {
      name: 'valid link',
      path: (w) => `/reset-password/${w.resetToken}`,
      params: (w) => ({ token: w.resetToken }),
      loader: everyone(200),
      action: everyone(400),
    },
    {
      name: 'unknown link',
      path: () => '/reset-password/unknown',
      params: () => ({ token: 'unknown' }),
      loader: everyone(404),
      action: everyone(400),
    },
  ],
  'admin.users._index.tsx': [{ name: 'users in scope', path: () => '/admin/users', loader: admins(), action: admins(400) }],
  'admin.users.$userId.tsx': [
    {
      name: 'a viewer in the province',
      path: (w) => `/admin/users/${w.viewerHere.id}`,
      params: (w) => ({ userId: w.viewerHere.id }),
      loader: admins(),
      action: admins(400),
    },
    {
      name: 'a viewer in another province',
      path: (w) => `/admin/users/${w.viewerElsewhere.id}`,
      params: (w) => ({ userId: w.viewerElsewhere.id }),
      loader: roles({ ministry_admin: 200 }),
      action: roles({ ministry_admin: 400 }),
    },
    {
      name: 'an unknown account',
      path: () => '/admin/users/unknown',
      params: () => ({ userId: 'unknown' }),
      loader: admins(404),
      action: admins(404),
    },
  ],
  'admin.agencies._index.tsx': [{ name: 'agencies in scope', path: () => '/admin/agencies', loader: admins(), action: admins(400) }],
  'admin.service-points._index.tsx': [
    { name: 'service points in scope', path: () => '/admin/service-points', loader: admins(), action: admins(400) },
  ],
  'admin.questionnaires._index.tsx': [
    {
      name: 'questionnaire list',
      path: () => '/admin/questionnaires',
      loader: roles({ ministry_admin: 200 }),
      action: roles({ ministry_admin: 400 }),
    },
  ],
  'admin.questionnaires.versions.$versionId._index.tsx': [
    {
      name: 'an unknown version',
      path: () => '/admin/questionnaires/versions/unknown',
      params: () => ({ versionId: 'unknown' }),
      loader: roles({ ministry_admin: 404 }),
      action: roles({ ministry_admin: 404 }),
    },
  ],
  'admin.questionnaires.versions.$versionId.preview.tsx': [
    {
      name: 'preview of an unknown version',
      path: () => '/admin/questionnaires/versions/unknown/preview',
      params: () => ({ versionId: 'unknown' }),
      loader: roles({ ministry_admin: 404 }),
    },
  ],
  'admin.questionnaires.versions.$versionId.publish.tsx': [
    {
      name: 'publishing an unknown version',
      path: () => '/admin/questionnaires/versions/unknown/publish',
      params: () => ({ versionId: 'unknown' }),
      loader: roles({ ministry_admin: 404 }),
      // publishVersion reports an unknown version as a publishing problem (409), not 404.
      action: roles({ ministry_admin: 409 }),
    },
  ],
  'admin.campaigns._index.tsx': [{ name: 'campaigns in scope', path: () => '/admin/campaigns', loader: admins(), action: admins(400) }],
  'admin.distribution._index.tsx': [{ name: 'service point links', path: () => '/admin/distribution', loader: admins() }],
  'admin.distribution.$code.$file.ts': [
    {
      name: 'a QR code',
      path: (w) => `/admin/distribution/${w.servicePoint.code}/qr.svg`,
      params: (w) => ({ code: w.servicePoint.code, file: 'qr.svg' }),
      loader: admins(),
    },
  ],
  'admin.retention.tsx': [
    {
      name: 'comment retention',
      path: () => '/admin/retention',
      loader: roles({ ministry_admin: 200 }),
      action: roles({ ministry_admin: 400 }),
    },
  ],
  'admin.quality.tsx': [
    {
      name: 'quality flag thresholds',
      path: () => '/admin/quality',
      loader: roles({ ministry_admin: 200 }),
      action: roles({ ministry_admin: 400 }),
    },
  ],
  'admin.kiosks._index.tsx': [{ name: 'kiosks in scope', path: () => '/admin/kiosks', loader: admins(), action: admins(400) }],
  // Paper entry: assigned clerks and administrators in scope key; administrators reconcile.
  'paper._index.tsx': [
    {
      name: 'batches in scope',
      path: () => '/paper',
      loader: roles({ clerk: 200, province_admin: 200, ministry_admin: 200 }),
      action: roles({ clerk: 400, province_admin: 400, ministry_admin: 400 }),
    },
  ],
  'paper.batches.$batchId._index.tsx': [
    {
      name: 'keying a batch of the clerk’s service point',
      path: (w) => `/paper/batches/${w.paperBatch.id}`,
      params: (w) => ({ batchId: w.paperBatch.id }),
      loader: roles({ clerk: 200, province_admin: 200, ministry_admin: 200 }),
      action: roles({ clerk: 400, province_admin: 400, ministry_admin: 400 }),
    },
    {
      name: 'an unknown batch',
      path: () => '/paper/batches/unknown',
      params: () => ({ batchId: 'unknown' }),
      loader: signedIn(404),
      action: signedIn(404),
    },
  ],
  'paper.batches.$batchId.reconcile.tsx': [
    {
      name: 'reconciling a batch in the province',
      path: (w) => `/paper/batches/${w.paperBatch.id}/reconcile`,
      params: (w) => ({ batchId: w.paperBatch.id }),
      loader: admins(),
      action: admins(400),
    },
    {
      name: 'reconciling an unknown batch',
      path: () => '/paper/batches/unknown/reconcile',
      params: () => ({ batchId: 'unknown' }),
      loader: admins(404),
      action: admins(404),
    },
  ],
  // Rankings and province pages are public; the ranking administration is the Ministry administrator's.
  'rankings._index.tsx': [
    { name: 'public ranking', path: () => '/rankings?group=provinces&index=SIPAS', loader: everyone(200) },
    { name: 'an unknown index', path: () => '/rankings?index=HDI', loader: everyone(400) },
  ],
  'provinces.$provinceId.tsx': [
    {
      name: 'a province page',
      path: (w) => `/provinces/${w.here.id}`,
      params: (w) => ({ provinceId: w.here.id }),
      loader: everyone(200),
    },
    { name: 'an unknown province', path: () => '/provinces/unknown', params: () => ({ provinceId: 'unknown' }), loader: everyone(404) },
  ],
  'admin.snapshots._index.tsx': [
    {
      name: 'freezing rankings',
      path: () => '/admin/snapshots',
      loader: roles({ ministry_admin: 200 }),
      action: roles({ ministry_admin: 400 }),
    },
  ],
  'admin.external-indices._index.tsx': [
    {
      name: 'importing other indices',
      path: () => '/admin/external-indices',
      loader: roles({ ministry_admin: 200 }),
      action: roles({ ministry_admin: 400 }),
    },
  ],
  // Agency staff are sent to their own dashboard; province and Ministry users choose one.
  'dashboard._index.tsx': [
    {
      name: 'dashboard chooser',
      path: () => '/dashboard',
      loader: roles({
        ministry_admin: 200,
        ministry_analyst: 200,
        province_admin: 200,
        agency_manager: 'redirect',
        agency_viewer: 'redirect',
      }),
    },
  ],
  // Comments are moderated by the agency's manager and the Ministry administrator only.
  'dashboard.$agencyId.tsx': [
    {
      name: 'own agency',
      path: (w) => `/dashboard/${w.agency.id}`,
      params: (w) => ({ agencyId: w.agency.id }),
      loader: roles({ ministry_admin: 200, ministry_analyst: 200, province_admin: 200, agency_manager: 200, agency_viewer: 200 }),
      action: roles({ ministry_admin: 400, agency_manager: 400 }),
    },
    {
      name: 'an agency in another province',
      path: (w) => `/dashboard/${w.viewerElsewhere.agencyId}`,
      params: (w) => ({ agencyId: w.viewerElsewhere.agencyId! }),
      loader: roles({ ministry_admin: 200, ministry_analyst: 200 }),
      action: roles({ ministry_admin: 400 }),
    },
    {
      name: 'an unknown agency',
      path: () => '/dashboard/unknown',
      params: () => ({ agencyId: 'unknown' }),
      loader: signedIn(404),
      action: signedIn(404),
    },
  ],
  'ministry._index.tsx': [
    { name: 'national overview', path: () => '/ministry', loader: roles({ ministry_admin: 200, ministry_analyst: 200 }) },
  ],
}

/** Route modules as Remix sees them: files in app/routes, or folders holding route.tsx / route.ts. */
function listRouteModules(): string[] {
  const dir = join(process.cwd(), 'app/routes')
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && !/\.test\.tsx?$/.test(name))
    .flatMap((name) => {
      if (!statSync(join(dir, name)).isDirectory()) return /\.tsx?$/.test(name) ? [name] : []
      const inner = readdirSync(join(dir, name)).find((file) => /^route\.tsx?$/.test(file))
      return inner ? [`${name}/${inner}`] : []
    })
    .sort()
}

const modules = import.meta.glob<{ loader?: RouteFunction; action?: RouteFunction }>(['../app/routes/**/*.{ts,tsx}', '!**/*.test.*'])
const loadModule = (file: string) => {
  const load = modules[`../app/routes/${file}`]
  if (!load) throw new Error(`app/routes/${file} could not be loaded`)
  return load()
}

async function buildWorld() {
  const here = await createProvince()
  const elsewhere = await createProvince()
  const agency = await createAgency({ provinceId: here.id })
  const otherAgency = await createAgency({ provinceId: elsewhere.id })
  const servicePoint = await createServicePoint(agency)
  const attachment: Record<Role, { provinceId?: string; agencyId?: string }> = {
    ministry_admin: {},
    ministry_analyst: {},
    province_admin: { provinceId: here.id },
    agency_manager: { provinceId: here.id, agencyId: agency.id },
    agency_viewer: { provinceId: here.id, agencyId: agency.id },
    clerk: { provinceId: here.id },
  }
  const users = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await createUser({ role, ...attachment[role] })] as const)),
  ) as unknown as Record<Role, { id: string }>
  const viewerHere = await createUser({ role: 'agency_viewer', provinceId: here.id, agencyId: agency.id })
  const viewerElsewhere = await createUser({ role: 'agency_viewer', provinceId: elsewhere.id, agencyId: otherAgency.id })
  const resetToken = (await issuePasswordReset(viewerHere.id, users.ministry_admin.id)).split('/').pop() ?? ''
  // Paper entry at a service point of its own (March 2026 only, so no campaign is running today).
  const paperServicePoint = await createServicePoint(agency)
  await createPaperCampaign([paperServicePoint.id], { from: '2026-03-01', to: '2026-03-31' })
  await prisma.clerkAssignment.create({ data: { userId: users.clerk.id, servicePointId: paperServicePoint.id } })
  const paperBatch = await createPaperBatch({ servicePointId: paperServicePoint.id, createdById: users.clerk.id, doubleEntry: true })
  return { here, elsewhere, agency, servicePoint, users, viewerHere, viewerElsewhere, resetToken, paperBatch }
}

/** What a loader or action produced, as one of the outcomes above. */
function outcomeOf(result: unknown): Outcome | string {
  if (result instanceof Response) {
    if (result.status >= 300 && result.status < 400) {
      return (result.headers.get('Location') ?? '').startsWith('/login') ? 'sign-in' : 'redirect'
    }
    return result.status as Outcome
  }
  if (result && typeof result === 'object' && (result as { type?: string }).type === 'DataWithResponseInit') {
    return ((result as { init?: ResponseInit | null }).init?.status ?? 200) as Outcome
  }
  return 200
}

async function run(fn: RouteFunction, args: unknown): Promise<Outcome | string> {
  try {
    return outcomeOf(await fn(args as never))
  } catch (thrown) {
    // A loader may throw a Response or, since single fetch, `data(…, { status })`.
    if (thrown instanceof Response || (thrown as { type?: string } | null)?.type === 'DataWithResponseInit') return outcomeOf(thrown)
    throw thrown
  }
}

async function cookieFor(world: World, who: Who) {
  // A fresh session per call: signing out (the logout action) must not affect other cells.
  return who === 'anonymous' ? null : sessionCookieFor(world.users[who].id)
}

let world: World
beforeAll(async () => {
  world = await buildWorld()
})

describe('authorization matrix', () => {
  test('every route module has an entry, and every entry a route module', () => {
    const routes = listRouteModules()
    expect(routes.filter((file) => !(file in MATRIX)), 'routes without a matrix entry').toEqual([])
    expect(Object.keys(MATRIX).filter((file) => !routes.includes(file)), 'entries without a route').toEqual([])
  })

  for (const [file, cases] of Object.entries(MATRIX)) {
    for (const routeCase of cases) {
      test(`${file} — ${routeCase.name}`, async () => {
        const module = await loadModule(file)
        const params = routeCase.params?.(world) ?? {}
        const context = { clientIp: '192.0.2.200' }
        const got: Partial<Record<Who, { loader: Outcome | string; action?: Outcome | string }>> = {}
        const want: typeof got = {}
        if (module.action && !routeCase.action) throw new Error(`${file} has an action: add its expectations`)
        for (const who of WHO) {
          const cookie = await cookieFor(world, who)
          const loaderRequest = requestWith(cookie, routeCase.path(world))
          const loader = module.loader ? await run(module.loader, { request: loaderRequest, params, context }) : 405
          got[who] = { loader }
          want[who] = { loader: routeCase.loader[who] }
          if (module.action && routeCase.action) {
            const body = new FormData()
            const token = await getCsrfToken(requestWith(cookie, '/'))
            if (token) body.set(CSRF_FIELD, token)
            const actionRequest = requestWith(cookie, routeCase.path(world), { method: 'POST', body })
            got[who].action = await run(module.action, { request: actionRequest, params, context })
            want[who].action = routeCase.action[who]
          }
        }
        expect(got).toEqual(want)
      })
    }
  }
})
