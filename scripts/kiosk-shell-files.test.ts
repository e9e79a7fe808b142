import type { Manifest } from 'vite'
import { describe, expect, test } from 'vitest'
import { kioskShellFiles } from './kiosk-shell-files'

// The shape of build/client/.vite/manifest.json after `remix vite:build`, trimmed.
const manifest: Manifest = {
  'app/entry.client.tsx': { file: 'assets/entry.client-A.js', isEntry: true, imports: ['_components-B.js', '_index-C.js'] },
  '_components-B.js': { file: 'assets/components-B.js', imports: ['_index-C.js'] },
  '_index-C.js': { file: 'assets/index-C.js', dynamicImports: ['locales/vi/admin.json', 'locales/en/kiosk.json'] },
  'app/root.tsx?__remix-build-client-route': {
    file: 'assets/root-D.js',
    isEntry: true,
    imports: ['_components-B.js'],
    assets: ['assets/styles-J.css'],
  },
  'app/routes/kiosk/route.tsx?__remix-build-client-route': {
    file: 'assets/route-F.js',
    isEntry: true,
    imports: ['_idb-G.js', '_components-B.js'],
    assets: ['assets/kiosk-K.css'],
  },
  '_idb-G.js': { file: 'assets/idb-G.js' },
  'app/routes/admin.users._index.tsx?__remix-build-client-route': {
    file: 'assets/admin.users._index-H.js',
    isEntry: true,
    imports: ['_zod-I.js'],
    assets: ['assets/editor-Q.css'],
  },
  '_zod-I.js': { file: 'assets/zod-I.js' },
  '/work/app/ui/styles.css': { file: 'assets/styles-J.css', src: '/work/app/ui/styles.css' },
  '/work/app/kiosk-app/kiosk.css': { file: 'assets/kiosk-K.css', src: '/work/app/kiosk-app/kiosk.css' },
  '/work/app/questionnaire/editor/editor.css': { file: 'assets/editor-Q.css', src: '/work/app/questionnaire/editor/editor.css' },
  'locales/vi/kiosk.json': { file: 'assets/kiosk-L.js', isDynamicEntry: true },
  'locales/en/kiosk.json': { file: 'assets/kiosk-M.js', isDynamicEntry: true },
  'locales/vi/common.json': { file: 'assets/common-N.js', isDynamicEntry: true },
  'locales/en/common.json': { file: 'assets/common-O.js', isDynamicEntry: true },
  'locales/vi/admin.json': { file: 'assets/admin-P.js', isDynamicEntry: true },
}

const sources = {
  entries: ['app/entry.client.tsx', 'app/root.tsx', 'app/routes/kiosk/route.tsx'],
  languages: ['vi', 'en'],
  namespaces: ['common', 'kiosk'],
}

describe('the kiosk app shell', () => {
  test('is the entry, the root and kiosk routes with their static imports and stylesheets, and the kiosk translations', () => {
    expect(kioskShellFiles(manifest, sources)).toEqual([
      'assets/common-N.js',
      'assets/common-O.js',
      'assets/components-B.js',
      'assets/entry.client-A.js',
      'assets/idb-G.js',
      'assets/index-C.js',
      'assets/kiosk-K.css',
      'assets/kiosk-L.js',
      'assets/kiosk-M.js',
      'assets/root-D.js',
      'assets/route-F.js',
      'assets/styles-J.css',
    ])
  })

  test('a source missing from the build is an error, not a shell that cannot start offline', () => {
    expect(() => kioskShellFiles(manifest, { ...sources, namespaces: ['kiosk', 'survey'] })).toThrow(/locales\/vi\/survey\.json/)
  })
})
