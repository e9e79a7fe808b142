/** The public phone-survey address a service point's QR code and poster carry. */
export function surveyUrl(origin: string, servicePointCode: string): string {
  return new URL(`/s/${encodeURIComponent(servicePointCode)}`, origin).toString()
}
