import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { type ActionAnswer, type FieldOptions, formFields } from './form-fields'

/**
 * The fields of the page's form as its action last answered them (formFields), with the page's
 * translation: what every page with a posted form starts with. `Action` is the route's action
 * (`useActionFields<typeof action>('admin')`).
 */
export function useActionFields<Action>(namespace: string, options?: FieldOptions) {
  const actionData = useActionData<Action>()
  const { t, i18n } = useTranslation(namespace)
  return { t, i18n, actionData, ...formFields(actionData as (typeof actionData & ActionAnswer) | undefined, t, options) }
}
