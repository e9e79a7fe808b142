import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { issuePasswordReset } from '~/auth/password-reset.server'
import { CAPABILITIES, type Capability, ROLES } from '~/auth/policy'
import { adminSectionsFor } from '~/auth/admin-nav'
import { prisma } from '~/db.server'
import type { Role } from '~/generated/prisma/enums'
import { createUser, createUserOfEveryRole, requestWith, sessionCookieFor } from './factories/accounts'
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
 *
 * Routes guarded by a capability of app/auth/policy.ts take their expectations from HOLDERS,
 * which says who holds each capability independently of the policy: a change of policy must be
 * made in both places, and a capability added to the policy fails here until it is listed and
 * guards a route.
 */

/** A route's loader or action, called with whatever Remix would pass. */
type RouteFunction = (args: never) => unknown
type Who = 'anonymous' | Role
type Outcome = 200 | 'sign-in' | 'redirect' | 400 | 401 | 403 | 404 | 405 | 409 | 415
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

const ADMINISTRATORS: readonly Role[] = ['ministry_admin', 'province_admin']
const MINISTRY_ADMINISTRATOR: readonly Role[] = ['ministry_admin']
const MINISTRY: readonly Role[] = ['ministry_admin', 'ministry_analyst']

/** Who holds each capability, in the order of ROLES. */
const HOLDERS: Record<Capability, readonly Role[]> = {
  canManageUsers: ADMINISTRATORS,
  canManageUnits: ADMINISTRATORS,
  canManageKiosks: ADMINISTRATORS,
  canManageCampaigns: ADMINISTRATORS,
  canPlanSamples: ADMINISTRATORS,
  canReadCollectionProgress: ['ministry_admin', 'ministry_analyst', 'province_admin'],
  canDistributeSurveys: ADMINISTRATORS,
  canAdministerNationally: MINISTRY_ADMINISTRATOR,
  canEditQuestionnaires: MINISTRY_ADMINISTRATOR,
  canManageRankings: MINISTRY_ADMINISTRATOR,
  canManageRetention: MINISTRY_ADMINISTRATOR,
  canManageQualityRules: MINISTRY_ADMINISTRATOR,
  canReadNationally: MINISTRY,
  canExportFigures: ['ministry_admin', 'ministry_analyst', 'province_admin'],
  canExportMicrodata: MINISTRY,
  canExportComments: MINISTRY_ADMINISTRATOR,
  canReadAuditLog: MINISTRY_ADMINISTRATOR,
  canReadDashboards: ['ministry_admin', 'ministry_analyst', 'province_admin', 'agency_manager', 'agency_viewer'],
  canAnalyseUnits: ['ministry_admin', 'ministry_analyst', 'province_admin', 'agency_manager'],
  canEnterPaper: ['ministry_admin', 'province_admin', 'clerk'],
  canReconcilePaper: ADMINISTRATORS,
  canPrintTickets: ['ministry_admin', 'province_admin', 'agency_manager', 'clerk'],
  canManageApiTokens: MINISTRY_ADMINISTRATOR,
  canManageTicketIssuers: ADMINISTRATORS,
  canReadCaseSettings: ADMINISTRATORS,
  canManageCaseSettings: MINISTRY_ADMINISTRATOR,
  canPublishOpenData: MINISTRY_ADMINISTRATOR,
}
/**
 * Capabilities that change what a page shows rather than whether it opens: choosing any province
 * in administration pages (the national scope), and the kinds of export the exports page offers.
 */
const GUARDING_NO_ROUTE: readonly Capability[] = ['canAdministerNationally', 'canExportMicrodata', 'canExportComments']

const guarding = new Set<Capability>()
/** A route guarded by `capability`: its holders get `outcome`, other signed-in users 403. */
const holders = (capability: Capability, outcome: Outcome = 200): Expectations => {
  guarding.add(capability)
  return roles(Object.fromEntries(HOLDERS[capability].map((role) => [role, outcome])))
}

const MATRIX: Record<string, Case[]> = {
  '_index.tsx': [{ name: 'home', path: () => '/', loader: everyone(200) }],
  'healthz.ts': [{ name: 'liveness', path: () => '/healthz', loader: everyone(200) }],
  'readyz.ts': [{ name: 'readiness', path: () => '/readyz', loader: everyone(200) }],
  // The JSON submission API: anonymous by design (kiosks authenticate with a device token, not a
  // session); GET is 405 and a form post is 415 whoever sends it.
  'api.submissions.ts': [{ name: 'submission API', path: () => '/api/submissions', loader: everyone(405), action: everyone(415) }],
  // Kiosk endpoints: a device token, never a session (docs/decisions/019-kiosk.md). Without a
  // token: 401; enrolment without a code in the body: 400.
  'api.kiosk.config.ts': [{ name: 'kiosk config', path: () => '/api/kiosk/config', loader: everyone(401) }],
  'api.kiosk.heartbeat.ts': [
    { name: 'kiosk heartbeat', path: () => '/api/kiosk/heartbeat', loader: everyone(405), action: everyone(401) },
  ],
  // The kiosk app itself is public: the device, not a person, holds the credential.
  'kiosk/route.tsx': [{ name: 'kiosk app', path: () => '/kiosk', loader: everyone(200) }],
  'api.kiosk.enrol.ts': [{ name: 'kiosk enrolment', path: () => '/api/kiosk/enrol', loader: everyone(405), action: everyone(400) }],
  's._index.tsx': [{ name: 'code form', path: () => '/s?code=ab12', loader: everyone('redirect') }],
  // A rating ticket's link is public; a forged one opens nothing, whoever follows it.
  't.$token.tsx': [
    {
      name: 'a forged ticket',
      path: () => '/t/k0.Zm9yZ2Vk.Zm9yZ2Vk',
      params: () => ({ token: 'k0.Zm9yZ2Vk.Zm9yZ2Vk' }),
      loader: everyone(400),
    },
  ],
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
      // Hearing back about a case needs the proof the submission's redirect carries.
      action: everyone(403),
    },
  ],
  // Where a citizen's feedback stands, by receipt code: public, rate limited; an unknown code is 404.
  'feedback.tsx': [
    { name: 'your feedback', path: () => '/feedback', loader: everyone(200) },
    { name: 'an unknown receipt', path: () => '/feedback?receipt=ZZZZ-ZZZZ-ZZZZ', loader: everyone(404) },
  ],
  's.$code_.you-said-we-did.tsx': [
    {
      name: "a service point's public notes",
      path: (w) => `/s/${w.servicePoint.code}/you-said-we-did`,
      params: (w) => ({ code: w.servicePoint.code }),
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
  'admin.users._index.tsx': [
    {
      name: 'users in scope',
      path: () => '/admin/users',
      loader: holders('canManageUsers'),
      action: holders('canManageUsers', 400),
    },
  ],
  'admin.users.$userId.tsx': [
    {
      name: 'a viewer in the province',
      path: (w) => `/admin/users/${w.viewerHere.id}`,
      params: (w) => ({ userId: w.viewerHere.id }),
      loader: holders('canManageUsers'),
      action: holders('canManageUsers', 400),
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
      loader: holders('canManageUsers', 404),
      action: holders('canManageUsers', 404),
    },
  ],
  'admin.agencies._index.tsx': [
    {
      name: 'agencies in scope',
      path: () => '/admin/agencies',
      loader: holders('canManageUnits'),
      action: holders('canManageUnits', 400),
    },
  ],
  'admin.service-points._index.tsx': [
    {
      name: 'service points in scope',
      path: () => '/admin/service-points',
      loader: holders('canManageUnits'),
      action: holders('canManageUnits', 400),
    },
  ],
  'admin.questionnaires._index.tsx': [
    {
      name: 'questionnaire list',
      path: () => '/admin/questionnaires',
      loader: holders('canEditQuestionnaires'),
      action: holders('canEditQuestionnaires', 400),
    },
  ],
  'admin.questionnaires.versions.$versionId._index.tsx': [
    {
      name: 'an unknown version',
      path: () => '/admin/questionnaires/versions/unknown',
      params: () => ({ versionId: 'unknown' }),
      loader: holders('canEditQuestionnaires', 404),
      action: holders('canEditQuestionnaires', 404),
    },
  ],
  'admin.questionnaires.versions.$versionId.preview.tsx': [
    {
      name: 'preview of an unknown version',
      path: () => '/admin/questionnaires/versions/unknown/preview',
      params: () => ({ versionId: 'unknown' }),
      loader: holders('canEditQuestionnaires', 404),
    },
  ],
  'admin.questionnaires.versions.$versionId.publish.tsx': [
    {
      name: 'publishing an unknown version',
      path: () => '/admin/questionnaires/versions/unknown/publish',
      params: () => ({ versionId: 'unknown' }),
      loader: holders('canEditQuestionnaires', 404),
      // publishVersion reports an unknown version as a publishing problem (409), not 404.
      action: holders('canEditQuestionnaires', 409),
    },
  ],
  'admin.campaigns._index.tsx': [
    {
      name: 'campaigns in scope',
      path: () => '/admin/campaigns',
      loader: holders('canManageCampaigns'),
      action: holders('canManageCampaigns', 400),
    },
  ],
  // An unknown campaign: whoever holds the capability learns it is not there (404), before any scope.
  'admin.campaigns.$campaignId.plan.tsx': [
    {
      name: "an unknown campaign's sampling plan",
      path: () => '/admin/campaigns/unknown/plan',
      params: () => ({ campaignId: 'unknown' }),
      loader: holders('canPlanSamples', 404),
      action: holders('canPlanSamples', 404),
    },
  ],
  'campaigns.$campaignId.progress.tsx': [
    {
      name: "an unknown campaign's collection progress",
      path: () => '/campaigns/unknown/progress',
      params: () => ({ campaignId: 'unknown' }),
      loader: holders('canReadCollectionProgress', 404),
    },
  ],
  'campaigns.$campaignId.progress_.$format.ts': [
    {
      name: "an unknown campaign's progress as CSV",
      path: () => '/campaigns/unknown/progress/csv',
      params: () => ({ campaignId: 'unknown', format: 'csv' }),
      loader: holders('canReadCollectionProgress', 404),
    },
  ],
  'admin.distribution._index.tsx': [
    { name: 'service point links', path: () => '/admin/distribution', loader: holders('canDistributeSurveys') },
  ],
  'admin.distribution.$code.$file.ts': [
    {
      name: 'a QR code',
      path: (w) => `/admin/distribution/${w.servicePoint.code}/qr.svg`,
      params: (w) => ({ code: w.servicePoint.code, file: 'qr.svg' }),
      loader: holders('canDistributeSurveys'),
    },
  ],
  'admin.retention.tsx': [
    {
      name: 'comment retention',
      path: () => '/admin/retention',
      loader: holders('canManageRetention'),
      action: holders('canManageRetention', 400),
    },
  ],
  'admin.quality.tsx': [
    {
      name: 'quality flag thresholds',
      path: () => '/admin/quality',
      loader: holders('canManageQualityRules'),
      action: holders('canManageQualityRules', 400),
    },
  ],
  'admin.kiosks._index/route.tsx': [
    {
      name: 'kiosks in scope',
      path: () => '/admin/kiosks',
      loader: holders('canManageKiosks'),
      action: holders('canManageKiosks', 400),
    },
  ],
  // Paper entry: assigned clerks and administrators in scope key; administrators reconcile.
  'paper._index.tsx': [
    {
      name: 'batches in scope',
      path: () => '/paper',
      loader: holders('canEnterPaper'),
      action: holders('canEnterPaper', 400),
    },
  ],
  'paper.tickets.tsx': [
    {
      name: 'printing rating tickets',
      path: () => '/paper/tickets',
      loader: holders('canPrintTickets'),
      action: holders('canPrintTickets', 400),
    },
  ],
  'paper.tickets.$sheetId[.]pdf.ts': [
    {
      name: 'an unknown ticket sheet',
      path: () => '/paper/tickets/unknown.pdf',
      params: () => ({ sheetId: 'unknown' }),
      loader: holders('canPrintTickets', 404),
    },
  ],
  'paper.batches.$batchId._index/route.tsx': [
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
  'paper.batches.$batchId.reconcile/route.tsx': [
    {
      name: 'reconciling a batch in the province',
      path: (w) => `/paper/batches/${w.paperBatch.id}/reconcile`,
      params: (w) => ({ batchId: w.paperBatch.id }),
      loader: holders('canReconcilePaper'),
      action: holders('canReconcilePaper', 400),
    },
    {
      name: 'reconciling an unknown batch',
      path: () => '/paper/batches/unknown/reconcile',
      params: () => ({ batchId: 'unknown' }),
      loader: holders('canReconcilePaper', 404),
      action: holders('canReconcilePaper', 404),
    },
  ],
  // Rankings and province pages are public; the ranking administration is the Ministry administrator's.
  // Open data is public; publishing it is the Ministry administrator's (ADR 022).
  'open-data._index.tsx': [{ name: 'open-data releases', path: () => '/open-data', loader: everyone(200) }],
  'open-data.$period.$version.$file.ts': [
    {
      name: 'a file of a release not published',
      path: () => '/open-data/2025/v1/datapackage.json',
      params: () => ({ period: '2025', version: 'v1', file: 'datapackage.json' }),
      loader: everyone(404),
    },
  ],
  'admin.open-data.tsx': [
    {
      name: 'publishing open data',
      path: () => '/admin/open-data',
      loader: holders('canPublishOpenData'),
      action: holders('canPublishOpenData', 400),
    },
  ],
  'rankings._index.tsx': [
    { name: 'public ranking', path: () => '/rankings?group=provinces&index=SIPAS', loader: everyone(200) },
    { name: 'an unknown index', path: () => '/rankings?index=HDI', loader: everyone(400) },
  ],
  'provinces.$provinceId/route.tsx': [
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
      loader: holders('canManageRankings'),
      action: holders('canManageRankings', 400),
    },
  ],
  'admin.external-indices._index/route.tsx': [
    {
      name: 'importing other indices',
      path: () => '/admin/external-indices',
      loader: holders('canManageRankings'),
      action: holders('canManageRankings', 400),
    },
  ],
  // Agency staff are sent to their own dashboard; province and Ministry users choose one.
  'dashboard._index.tsx': [
    {
      name: 'dashboard chooser',
      path: () => '/dashboard',
      loader: { ...holders('canReadDashboards'), agency_manager: 'redirect', agency_viewer: 'redirect' },
    },
  ],
  // An agency's figures; its comments are the index route below.
  'dashboard.$agencyId/route.tsx': [
    {
      name: 'own agency',
      path: (w) => `/dashboard/${w.agency.id}`,
      params: (w) => ({ agencyId: w.agency.id }),
      loader: roles({ ministry_admin: 200, ministry_analyst: 200, province_admin: 200, agency_manager: 200, agency_viewer: 200 }),
    },
    {
      name: 'an agency in another province',
      path: (w) => `/dashboard/${w.viewerElsewhere.agencyId}`,
      params: (w) => ({ agencyId: w.viewerElsewhere.agencyId! }),
      loader: roles({ ministry_admin: 200, ministry_analyst: 200 }),
    },
    {
      name: 'an unknown agency',
      path: () => '/dashboard/unknown',
      params: () => ({ agencyId: 'unknown' }),
      loader: signedIn(404),
    },
  ],
  // The comments under the figures: read by the agency's own staff, moderated by its manager
  // and the Ministry administrator (the loader answers the others without them).
  // "You said, we did" (app/cases/public-notes.server.ts): the agency's manager publishes and
  // withdraws, its province's administrator withdraws; another agency's manager is refused.
  'dashboard.$agencyId_.notes._index.tsx': [
    {
      name: 'own agency',
      path: (w) => `/dashboard/${w.agency.id}/notes`,
      params: (w) => ({ agencyId: w.agency.id }),
      loader: roles({ province_admin: 200, agency_manager: 200 }),
      action: roles({ province_admin: 400, agency_manager: 400 }),
    },
    {
      name: 'an agency in another province',
      path: (w) => `/dashboard/${w.viewerElsewhere.agencyId}/notes`,
      params: (w) => ({ agencyId: w.viewerElsewhere.agencyId! }),
      loader: roles({}),
      action: roles({}),
    },
  ],
  'dashboard.$agencyId_.notes.new.tsx': [
    {
      name: 'own agency',
      path: (w) => `/dashboard/${w.agency.id}/notes/new`,
      params: (w) => ({ agencyId: w.agency.id }),
      loader: roles({ agency_manager: 200 }),
      action: roles({ agency_manager: 400 }),
    },
    {
      name: 'an agency in another province',
      path: (w) => `/dashboard/${w.viewerElsewhere.agencyId}/notes/new`,
      params: (w) => ({ agencyId: w.viewerElsewhere.agencyId! }),
      loader: roles({}),
      action: roles({}),
    },
  ],
  'dashboard.$agencyId._index.tsx': [
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
  // Cases (docs/decisions/026-cases.md): read by whoever reads the agency's comments; only its
  // manager acts. No case exists in this world: its readers get 404, everyone else 403 first.
  'dashboard.$agencyId_.cases._index.tsx': [
    {
      name: 'own agency',
      path: (w) => `/dashboard/${w.agency.id}/cases`,
      params: (w) => ({ agencyId: w.agency.id }),
      loader: roles({ ministry_admin: 200, agency_manager: 200, agency_viewer: 200 }),
    },
    {
      name: 'an agency in another province',
      path: (w) => `/dashboard/${w.viewerElsewhere.agencyId}/cases`,
      params: (w) => ({ agencyId: w.viewerElsewhere.agencyId! }),
      loader: roles({ ministry_admin: 200 }),
    },
  ],
  'dashboard.$agencyId_.cases.$caseId/route.tsx': [
    {
      name: 'an unknown case of the own agency',
      path: (w) => `/dashboard/${w.agency.id}/cases/unknown`,
      params: (w) => ({ agencyId: w.agency.id, caseId: 'unknown' }),
      loader: roles({ ministry_admin: 404, agency_manager: 404, agency_viewer: 404 }),
      action: roles({ agency_manager: 400 }),
    },
    {
      name: 'an agency in another province',
      path: (w) => `/dashboard/${w.viewerElsewhere.agencyId}/cases/unknown`,
      params: (w) => ({ agencyId: w.viewerElsewhere.agencyId!, caseId: 'unknown' }),
      loader: roles({ ministry_admin: 404 }),
      action: roles({}),
    },
  ],
  // The analysis of a unit (docs/decisions/030-analysis.md): the Ministry any unit, a province
  // administrator within the province, an agency manager the agency (another province: 403).
  'analysis._index.tsx': [{ name: 'choosing a unit to analyse', path: () => '/analysis', loader: holders('canAnalyseUnits') }],
  'analysis.$level.$unitId._index/route.tsx': [
    {
      name: 'analysis of own province',
      path: (w) => `/analysis/province/${w.here.id}`,
      params: (w) => ({ level: 'province', unitId: w.here.id }),
      loader: roles({ ministry_admin: 200, ministry_analyst: 200, province_admin: 200 }),
    },
    {
      name: 'analysis of own agency',
      path: (w) => `/analysis/agency/${w.agency.id}`,
      params: (w) => ({ level: 'agency', unitId: w.agency.id }),
      loader: roles({ ministry_admin: 200, ministry_analyst: 200, province_admin: 200, agency_manager: 200 }),
    },
    {
      name: 'analysis of another province',
      path: (w) => `/analysis/province/${w.elsewhere.id}`,
      params: (w) => ({ level: 'province', unitId: w.elsewhere.id }),
      loader: roles({ ministry_admin: 200, ministry_analyst: 200 }),
    },
  ],
  // Peer comparison (docs/decisions/030-analysis.md): the Ministry, and a province administrator
  // comparing their own province with others; agencies' staff compare nothing.
  'analysis.compare/route.tsx': [
    { name: 'choosing units to compare', path: () => '/analysis/compare', loader: roles({ ministry_admin: 200, ministry_analyst: 200, province_admin: 200 }) },
    {
      name: 'own province beside another',
      path: (w) => `/analysis/compare?level=province&unit=${w.here.id}&unit=${w.elsewhere.id}`,
      loader: roles({ ministry_admin: 200, ministry_analyst: 200, province_admin: 200 }),
    },
  ],
  // Improvement plans: read by whoever analyses the unit, recorded by the province's administrator
  // (province and agencies) or the agency's manager (a post without fields: 400).
  'analysis.$level.$unitId_.actions/route.tsx': [
    {
      name: "own province's plan",
      path: (w) => `/analysis/province/${w.here.id}/actions`,
      params: (w) => ({ level: 'province', unitId: w.here.id }),
      loader: roles({ ministry_admin: 200, ministry_analyst: 200, province_admin: 200 }),
      action: roles({ province_admin: 400 }),
    },
    {
      name: "own agency's plan",
      path: (w) => `/analysis/agency/${w.agency.id}/actions`,
      params: (w) => ({ level: 'agency', unitId: w.agency.id }),
      loader: roles({ ministry_admin: 200, ministry_analyst: 200, province_admin: 200, agency_manager: 200 }),
      action: roles({ province_admin: 400, agency_manager: 400 }),
    },
    {
      name: "another province's plan",
      path: (w) => `/analysis/province/${w.elsewhere.id}/actions`,
      params: (w) => ({ level: 'province', unitId: w.elsewhere.id }),
      loader: roles({ ministry_admin: 200, ministry_analyst: 200 }),
      action: roles({}),
    },
  ],
  // The analysis report, page and PDF: whoever may analyse the unit.
  'analysis.$level.$unitId_.report/route.tsx': [
    {
      name: "own province's report",
      path: (w) => `/analysis/province/${w.here.id}/report`,
      params: (w) => ({ level: 'province', unitId: w.here.id }),
      loader: roles({ ministry_admin: 200, ministry_analyst: 200, province_admin: 200 }),
    },
  ],
  'analysis.$level.$unitId_.report[.]pdf.ts': [
    {
      name: "another province's report as PDF",
      path: (w) => `/analysis/province/${w.elsewhere.id}/report.pdf`,
      params: (w) => ({ level: 'province', unitId: w.elsewhere.id }),
      loader: roles({ ministry_admin: 200, ministry_analyst: 200 }),
    },
  ],
  // Response times: the Ministry (the country), a province administrator (their province).
  'cases.performance.tsx': [
    {
      name: 'response times',
      path: () => '/cases/performance',
      loader: roles({ ministry_admin: 200, ministry_analyst: 200, province_admin: 200 }),
    },
  ],
  // Exports: the Ministry and province administrators (their province); a file only for its owner.
  'exports._index/route.tsx': [
    {
      name: 'own exports',
      path: () => '/exports',
      loader: holders('canExportFigures'),
      action: holders('canExportFigures', 400),
    },
  ],
  'exports.$id.download.ts': [
    {
      name: 'an unknown export',
      path: () => '/exports/unknown/download',
      params: () => ({ id: 'unknown' }),
      loader: holders('canExportFigures', 404),
    },
  ],
  'admin.audit.tsx': [{ name: 'audit log', path: () => '/admin/audit', loader: holders('canReadAuditLog') }],
  // The read API (docs/decisions/021-read-api.md): an API token, never a session, so 401 without
  // one; its OpenAPI document and docs page are public.
  'admin.api-tokens._index/route.tsx': [
    {
      name: 'API tokens',
      path: () => '/admin/api-tokens',
      loader: holders('canManageApiTokens'),
      action: holders('canManageApiTokens', 400),
    },
  ],
  // Rating tickets (docs/decisions/025-rating-tickets.md): the administrators issue the service
  // tokens; the minting API takes a service token, never a session, so 401 without one.
  'admin.ticket-issuers._index/route.tsx': [
    {
      name: 'rating-ticket tokens',
      path: () => '/admin/ticket-issuers',
      loader: holders('canManageTicketIssuers'),
      action: holders('canManageTicketIssuers', 400),
    },
  ],
  // The case rules (docs/decisions/026-cases.md) bind every agency: the provinces' administrators
  // read them, only the Ministry administrator changes them.
  'admin.cases/route.tsx': [
    {
      name: 'case rules',
      path: () => '/admin/cases',
      loader: holders('canReadCaseSettings'),
      action: holders('canManageCaseSettings', 400),
    },
  ],
  'api.v1.tickets.ts': [{ name: 'API tickets', path: () => '/api/v1/tickets', loader: everyone(405), action: everyone(401) }],
  'api.v1.units.ts': [{ name: 'API units', path: () => '/api/v1/units', loader: everyone(401) }],
  'api.v1.indices.ts': [{ name: 'API indices', path: () => '/api/v1/indices?period=2025&level=province', loader: everyone(401) }],
  'api.v1.rankings.ts': [{ name: 'API rankings', path: () => '/api/v1/rankings?year=2025', loader: everyone(401) }],
  'api.v1.openapi[.]json.ts': [{ name: 'API document', path: () => '/api/v1/openapi.json', loader: everyone(200) }],
  'api.v1.docs.tsx': [{ name: 'API docs', path: () => '/api/v1/docs', loader: everyone(200) }],
  'ministry._index.tsx': [
    { name: 'national overview', path: () => '/ministry', loader: holders('canReadNationally') },
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
  const users = await createUserOfEveryRole({ provinceId: here.id, agencyId: agency.id })
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

describe('capabilities', () => {
  test('every capability of the policy has its holders written here', () => {
    expect(Object.keys(HOLDERS).sort()).toEqual(Object.keys(CAPABILITIES).sort())
  })

  test.each(Object.keys(CAPABILITIES) as Capability[])('%s is held by exactly the roles written here', (capability) => {
    expect(ROLES.filter((role) => CAPABILITIES[capability]({ role }))).toEqual(HOLDERS[capability])
  })

  test('every capability guards a route of the matrix, unless it guards none by design', () => {
    const unguarding = (Object.keys(CAPABILITIES) as Capability[]).filter(
      (capability) => !guarding.has(capability) && !GUARDING_NO_ROUTE.includes(capability),
    )
    expect(unguarding).toEqual([])
  })

  test('the administration menu links exactly the administration pages each role may open', () => {
    for (const role of ROLES) {
      const openable = Object.values(MATRIX)
        .flat()
        .filter((routeCase) => /^\/admin\/[a-z-]+$/.test(routeCase.path(world)) && routeCase.loader[role] === 200)
        .map((routeCase) => routeCase.path(world))
      expect(adminSectionsFor({ role }).map((section) => `/admin/${section}`).sort(), role).toEqual(openable.sort())
    }
  })
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
