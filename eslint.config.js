import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/*
 * The layer rules of docs/architecture.md: which parts of app/ may import which.
 * NOTE: ESLint does not merge one rule's options across config objects (for each file the last
 * matching object wins), so every object below lists all the restrictions for its files, and the
 * folder-specific objects come after the general ones. test/layers.test.ts shows each one bites.
 */
const UP = '(\\.\\./)+'
const RESTRICTIONS = {
  routes: {
    regex: `^(~/|${UP})routes(/|$)`,
    message: 'Only Remix loads route modules: put what is shared in a domain module (docs/architecture.md).',
  },
  testSupport: {
    regex: `^${UP}test(/|$)`,
    message: 'App code does not import test support (test/); only tests do (docs/architecture.md).',
  },
  database: {
    regex: `^(~/|\\./|${UP})db\\.server$`,
    message: 'Only *.server.ts files import the database client (docs/architecture.md).',
  },
  responses: {
    regex: `^(~/|${UP})responses(/|$)`,
    message:
      'app/aggregation does not import app/responses: they share app/quality and meet through the start-up wiring (docs/architecture.md).',
  },
  aggregation: {
    regex: `^(~/|${UP})aggregation(/|$)`,
    message:
      'app/responses does not import app/aggregation: they share app/quality and meet through the start-up wiring (docs/architecture.md).',
  },
  belowDomain: {
    regex: `^(~/(?!db\\.server$|db/|generated/|audit/)|${UP})`,
    message: 'app/audit and app/quality sit below the domain modules: they import only the database and the audit log (docs/architecture.md).',
  },
  i18n: {
    regex: `^(~/|${UP})`,
    message: 'app/i18n sits below everything else in app/ and imports none of it (docs/architecture.md).',
  },
}

/** Restrictions of one folder's own, on top of those every file of app/ has. */
const FOLDERS = {
  aggregation: [RESTRICTIONS.responses],
  responses: [RESTRICTIONS.aggregation],
  audit: [RESTRICTIONS.belowDomain],
  quality: [RESTRICTIONS.belowDomain],
  i18n: [RESTRICTIONS.i18n],
}

const SERVER_MODULES = '**/*.server.{ts,tsx}'
const TESTS = '**/*.test.{ts,tsx}'

const restrict = (files, ignores, patterns) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
})

/** One object per kind of file under `dir`: app code, server modules, tests. */
function layer(dir, { ignores = [], own = [], routes = true }) {
  const common = routes ? [RESTRICTIONS.routes] : []
  return [
    restrict(
      [`${dir}/**/*.{ts,tsx}`],
      [...ignores, SERVER_MODULES, TESTS],
      [...common, RESTRICTIONS.testSupport, RESTRICTIONS.database, ...own],
    ),
    restrict([`${dir}/${SERVER_MODULES}`], ignores, [...common, RESTRICTIONS.testSupport, ...own]),
    restrict([`${dir}/${TESTS}`], ignores, [...common, ...own]),
  ]
}

const layers = [
  ...layer('app', { ignores: ['app/routes/**'] }),
  ...layer('app/routes', { routes: false }),
  ...Object.entries(FOLDERS).flatMap(([folder, own]) => layer(`app/${folder}`, { own })),
  {
    // no-restricted-imports does not see import(): a test loading a route module late is still a route test.
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/routes/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression > Literal[value=/^(~|\\.\\.)\\/routes\\//]', message: RESTRICTIONS.routes.message },
      ],
    },
  },
]

export default tseslint.config(
  { ignores: ['build/', 'app/generated/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layers,
)
