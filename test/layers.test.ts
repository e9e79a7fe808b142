import { ESLint } from 'eslint'
import { beforeAll, describe, expect, test } from 'vitest'

/*
 * The layer rules of docs/architecture.md are lint rules (eslint.config.js). Each is shown to
 * refuse a small offending file placed where the rule applies, and to leave a clean one alone.
 */

let eslint: ESLint
beforeAll(async () => {
  eslint = new ESLint({ overrideConfigFile: 'eslint.config.js' })
  // The first lint loads the config and the TypeScript parser: seconds, more on a busy machine.
  await eslint.lintText('export {}\n', { filePath: 'app/example.ts' })
}, 120_000)

/** The layer-rule messages for `code` as if it were the file at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-syntax')
    .map((message) => message.message)
}

/** Every message at all for `code` at `filePath`: a clean file has none. */
async function allMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`)
}

describe('aggregation and responses do not import each other', () => {
  test('aggregation importing responses is refused', async () => {
    const errors = await layerErrors(
      'app/aggregation/example.server.ts',
      "import { submitResponse } from '~/responses/submit.server'\nexport { submitResponse }\n",
    )
    expect(errors).toEqual([expect.stringContaining('app/aggregation does not import app/responses')])
  })

  test('responses importing aggregation is refused, by alias or by relative path, in tests too', async () => {
    const errors = await Promise.all([
      layerErrors('app/responses/example.server.ts', "import { scheduleRollupFold } from '~/aggregation/rollup-fold.server'\nexport { scheduleRollupFold }\n"),
      layerErrors('app/responses/example.ts', "import { itemRate } from '../aggregation/rate'\nexport { itemRate }\n"),
      layerErrors('app/responses/example.integration.test.ts', "import { foldPendingRollups } from '~/aggregation/rollup-fold.server'\nexport { foldPendingRollups }\n"),
    ])
    for (const fileErrors of errors) expect(fileErrors).toEqual([expect.stringContaining('app/responses does not import app/aggregation')])
  })
})

describe('only Remix loads route modules', () => {
  test('a domain module importing a route is refused', async () => {
    expect(
      await layerErrors('app/ranking/example.server.ts', "import { loader } from '~/routes/rankings._index'\nexport { loader }\n"),
    ).toEqual([expect.stringContaining('Only Remix loads route modules')])
  })

  test('so is a test beside domain code that drives a route, statically or with import()', async () => {
    expect(
      await layerErrors('app/auth/example.integration.test.ts', "import { action } from '~/routes/logout'\nexport { action }\n"),
    ).toEqual([expect.stringContaining('Only Remix loads route modules')])
    expect(
      await layerErrors('app/responses/example.integration.test.ts', "export const load = () => import('~/routes/api.submissions')\n"),
    ).toEqual([expect.stringContaining('Only Remix loads route modules')])
  })

  test('tests under test/ drive routes', async () => {
    expect(await allMessages('test/routes/example.integration.test.ts', "import { action } from '~/routes/logout'\nexport { action }\n")).toEqual([])
  })
})

describe('test support stays out of the app', () => {
  test('app code importing test/ is refused', async () => {
    expect(
      await layerErrors('app/units/example.server.ts', "import { createProvince } from '../../test/factories/units'\nexport { createProvince }\n"),
    ).toEqual([expect.stringContaining('App code does not import test support')])
  })

  test('a test beside the code may import it', async () => {
    expect(
      await allMessages('app/units/example.integration.test.ts', "import { createProvince } from '../../test/factories/units'\nexport { createProvince }\n"),
    ).toEqual([])
  })
})

describe('only server modules import the database client', () => {
  test('a route or a plain module importing ~/db.server is refused', async () => {
    for (const filePath of ['app/routes/example.ts', 'app/units/example.ts']) {
      expect(await layerErrors(filePath, "import { prisma } from '~/db.server'\nexport { prisma }\n")).toEqual([
        expect.stringContaining('Only *.server.ts files import the database client'),
      ])
    }
  })

  test('a server module may', async () => {
    expect(await allMessages('app/units/example.server.ts', "import { prisma } from '~/db.server'\nexport { prisma }\n")).toEqual([])
  })
})

describe('the modules below the domain stay below it', () => {
  test('audit and quality importing a domain module are refused', async () => {
    expect(
      await layerErrors('app/audit/example.server.ts', "import { requireUser } from '~/auth/session.server'\nexport { requireUser }\n"),
    ).toEqual([expect.stringContaining('sit below the domain modules')])
    expect(
      await layerErrors('app/quality/example.ts', "import { answerFacts } from '~/responses/flags'\nexport { answerFacts }\n"),
    ).toEqual([expect.stringContaining('sit below the domain modules')])
  })

  test('i18n importing anything else of the app is refused', async () => {
    expect(await layerErrors('app/i18n/example.ts', "import { FigureTable } from '~/ui/figure-table'\nexport { FigureTable }\n")).toEqual([
      expect.stringContaining('app/i18n sits below everything else'),
    ])
  })

  test('quality may use the database and the audit log', async () => {
    const code = [
      "import { recordAudit } from '~/audit/audit.server'",
      "import { prisma } from '~/db.server'",
      "import { createLookupCache } from '~/db/lookup-cache'",
      "import { QUALITY_FLAGS } from './flags'",
      'export { recordAudit, prisma, createLookupCache, QUALITY_FLAGS }',
      '',
    ].join('\n')
    expect(await allMessages('app/quality/example.server.ts', code)).toEqual([])
  })
})

test('a module that keeps to the layers lints clean', async () => {
  const code = [
    "import { prisma } from '~/db.server'",
    "import { exclusionMask } from '~/quality/settings.server'",
    "import { allItems } from '~/questionnaire/definition'",
    "import { parsePeriod } from './period'",
    'export { prisma, exclusionMask, allItems, parsePeriod }',
    '',
  ].join('\n')
  expect(await allMessages('app/aggregation/example.server.ts', code)).toEqual([])
})

test('routes may import every domain module', async () => {
  const code = [
    "import { unitFigures } from '~/aggregation/figures.server'",
    "import { submitResponse } from '~/responses/submit.server'",
    'export { unitFigures, submitResponse }',
    '',
  ].join('\n')
  expect(await allMessages('app/routes/example.tsx', code)).toEqual([])
})
