import { createKiosk, enrolKiosk } from '~/kiosk/devices.server'

export const TEST_KIOSK_PIN = '2468'

/** A kiosk that has enrolled with its code: its id and device token. */
export async function createEnrolledKiosk(input: { servicePointId: string; name?: string }) {
  const issued = await createKiosk({ name: input.name ?? 'Ki-ốt', servicePointId: input.servicePointId, pin: TEST_KIOSK_PIN })
  const enrolment = await enrolKiosk(issued.code)
  if ('refused' in enrolment) throw new Error(`createEnrolledKiosk: ${enrolment.refused}`)
  return { id: issued.kioskId, token: enrolment.token }
}
