import { expect, test } from 'vitest'
import { kioskFormItems } from '~/questionnaire/kiosk-form'
import { askedItemCodes, formBlockFor } from '~/questionnaire/short-form'
import { proposeShortForm } from '~/questionnaire/short-form-design'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import type { KioskConfig } from './kiosk-config'
import { sessionForm } from './session-form'

const definition = { ...sipas2023, shortForm: proposeShortForm(sipas2023, 4) }
const config = (shortFormChannels?: string[]): KioskConfig => ({
  kiosk: { id: 'k', name: 'Ki-ốt' },
  servicePoint: { code: '31TP', name: { vi: 'Quầy', en: 'Counter' } },
  version: { id: 'v', definition },
  form: kioskFormItems(definition),
  ...(shortFormChannels ? { shortFormChannels } : {}),
  acceptedVersionIds: ['v'],
  minIntervalSeconds: 20,
  heartbeatSeconds: 60,
})
const ID = '3f1c9a52-7d4e-4b8a-9c1e-2a6b0d5e8f71'

test('a campaign asking kiosks the short form: the core and the block the id draws', () => {
  const { items, shortForm } = sessionForm(config(['phone', 'kiosk']), ID)
  expect(shortForm).toBe(true)
  expect(new Set(items)).toEqual(askedItemCodes(definition.shortForm, formBlockFor(ID, 4)))
})

test('otherwise, and with a configuration kept from before short forms, the kiosk form', () => {
  for (const channels of [['phone'], undefined]) {
    expect(sessionForm(config(channels), ID)).toEqual({ items: kioskFormItems(definition), shortForm: false })
  }
})
