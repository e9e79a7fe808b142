import { useTranslation } from 'react-i18next'
import type { Resources } from './config'
import { RESOURCES_ELEMENT_ID, serializeResources } from './inline-resources'
import { useRouteNamespaces } from './route-namespaces'

/**
 * The page language's bundles of the namespaces the matched routes declare, as a JSON data block.
 * The client renders the same element from the same bundles, so hydration matches.
 */
export function ResourcesScript() {
  const { i18n } = useTranslation()
  const resources: Resources = {}
  for (const ns of useRouteNamespaces()) {
    const bundle: unknown = i18n.getResourceBundle(i18n.language, ns)
    if (bundle) resources[ns] = bundle as Record<string, unknown>
  }
  return (
    <script
      id={RESOURCES_ELEMENT_ID}
      type="application/json"
      // Escaped JSON data (see serializeResources), never executed.
      dangerouslySetInnerHTML={{ __html: serializeResources(resources) }}
    />
  )
}
