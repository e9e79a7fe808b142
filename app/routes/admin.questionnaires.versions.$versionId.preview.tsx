import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireCapability } from '~/auth/permissions.server'
import { canEditQuestionnaires } from '~/auth/policy'
import { getFixedT } from '~/i18n/i18next.server'
import editorStyles from '~/questionnaire/editor/editor.css?url'
import { QuestionnairePreview } from '~/questionnaire/editor/questionnaire-preview'
import { type Definition, allItems } from '~/questionnaire/definition'
import { kioskFormItems } from '~/questionnaire/kiosk-form'
import { askedItemCodes } from '~/questionnaire/short-form'
import { getVersionForEditor } from '~/questionnaire/versions.server'
import { pageTitle } from '~/ui/page-title'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['questionnaire'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: editorStyles }]

const DEVICES = ['phone', 'kiosk'] as const
const LANGUAGES = ['vi', 'en'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, canEditQuestionnaires)
  const version = params.versionId ? await getVersionForEditor(params.versionId) : null
  if (!version) throw new Response(null, { status: 404 })
  const url = new URL(request.url)
  const device = DEVICES.find((candidate) => candidate === url.searchParams.get('device')) ?? 'phone'
  const language = LANGUAGES.find((candidate) => candidate === url.searchParams.get('lang')) ?? 'vi'
  const blocks = version.definition.shortForm?.blocks ?? []
  // `?block=1` is the first block (b1 as proposed): the core and that block, on either device.
  const blockParam = Number(url.searchParams.get('block'))
  const block = Number.isInteger(blockParam) && blockParam >= 1 && blockParam <= blocks.length ? blockParam : null
  const t = await getFixedT(request, 'questionnaire')
  return {
    title: t('preview.metaTitle', { version: version.version }),
    version: { id: version.id, version: version.version, definition: version.definition },
    items: previewItems(version.definition, device, block),
    blocks: blocks.map((candidate, index) => ({ number: index + 1, code: candidate.code, title: candidate.title })),
    block,
    device,
    language,
  }
}

/** A block of the short form asks the core and that block; a kiosk otherwise asks its kiosk form. */
function previewItems(definition: Definition, device: (typeof DEVICES)[number], block: number | null) {
  if (definition.shortForm && block !== null) {
    const asked = askedItemCodes(definition.shortForm, block - 1)!
    return allItems(definition)
      .map((item) => item.code)
      .filter((code) => asked.has(code))
  }
  // The same function the kiosk's configuration uses.
  return device === 'kiosk' ? kioskFormItems(definition) : undefined
}

export default function PreviewPage() {
  const { version, items, blocks, block, device, language } = useLoaderData<typeof loader>()
  const { t } = useTranslation('questionnaire')
  const link = (next: { device?: string; lang?: string; block?: number | null }) => {
    const chosen = next.block === undefined ? block : next.block
    return `?device=${next.device ?? device}&lang=${next.lang ?? language}${chosen === null ? '' : `&block=${chosen}`}`
  }
  const forms = ['full', ...blocks.map((candidate) => String(candidate.number))] as const
  return (
    <>
      <h1>{t('preview.heading', { version: version.version })}</h1>
      <p>
        <Link to={`/admin/questionnaires/versions/${version.id}`}>{t('preview.backToEditor')}</Link>
      </p>
      <nav aria-label={t('preview.options')} className="preview-switch">
        <SwitchLinks
          choices={DEVICES}
          current={device}
          to={(choice) => link({ device: choice })}
          label={(choice) => t(`preview.devices.${choice}`)}
        />
        <SwitchLinks
          choices={LANGUAGES}
          current={language}
          to={(choice) => link({ lang: choice })}
          label={(choice) => t(`preview.languages.${choice}`)}
        />
        {blocks.length > 0 ? (
          <SwitchLinks
            choices={forms}
            current={block === null ? 'full' : String(block)}
            to={(choice) => link({ block: choice === 'full' ? null : Number(choice) })}
            label={(choice) => {
              const chosen = blocks.find((candidate) => String(candidate.number) === choice)
              return chosen ? t('preview.block', { block: chosen.title[language] || chosen.code }) : t('preview.fullForm')
            }}
          />
        ) : null}
      </nav>
      {block !== null ? <p>{t('preview.blockShown', { block: blocks[block - 1]!.title[language] || blocks[block - 1]!.code })}</p> : null}
      <div className={`preview-frame ${device}`} data-testid="preview-frame">
        <QuestionnairePreview definition={version.definition} language={language} items={items} />
      </div>
    </>
  )
}

/** One group of the preview's switch: a link a choice, the current one marked. */
function SwitchLinks<Choice extends string>({
  choices,
  current,
  to,
  label,
}: {
  choices: readonly Choice[]
  current: Choice
  to: (choice: Choice) => string
  label: (choice: Choice) => string
}) {
  return choices.map((choice) => (
    <Link key={choice} to={to(choice)} aria-current={choice === current ? 'true' : undefined}>
      {label(choice)}
    </Link>
  ))
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
