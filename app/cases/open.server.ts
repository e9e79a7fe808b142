import { randomUUID } from 'node:crypto'
import { dueOn } from './deadline'
import { type CaseFacts, opensCase } from './rule'
import { getCaseSettings } from './settings.server'

/**
 * The case a response about to be stored opens, or null (docs/decisions/026-cases.md): its id and
 * its deadline, counted in working days from the day the response was given. The store writes it
 * in the response's own statement, and only when the response is inserted, so a replay or a
 * concurrent duplicate never opens a second one. A bot caught by the honeypot opens none.
 */
export async function caseToOpen(
  facts: CaseFacts & { submittedOn: string; honeypot: boolean }
): Promise<{ id: string; dueOn: string } | null> {
  if (facts.honeypot) return null
  const settings = await getCaseSettings()
  if (!opensCase(facts, settings)) return null
  return { id: randomUUID(), dueOn: dueOn(facts.submittedOn, settings.deadlineWorkingDays, settings) }
}
