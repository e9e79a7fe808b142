import { expect, test } from 'vitest'
import { describeDrill, type DrillSizes, FULL_DRILL, runRestoreDrill } from '../../scripts/restore-drill/drill'

/*
 * The restore drill (scripts/restore-drill/drill.ts) as a test: full size with `npm run
 * test:faults`, reduced in `npm test`. Point-in-time recovery of a throwaway primary to a moment
 * T gives back exactly the responses acknowledged before T, and rollups that agree with them.
 */
const FULL_SCALE = process.env.FAULTS_SCALE === 'full'
const REDUCED: DrillSizes = { beforeBackup: 40, duringBackup: 40, afterBackup: 40, afterMoment: 20, clients: 4, servicePoints: 2 }

test('a point-in-time restore holds exactly the responses acknowledged before the moment, with matching rollups', async () => {
  const report = await runRestoreDrill(FULL_SCALE ? FULL_DRILL : REDUCED, (line) => console.log(line))
  console.log(describeDrill(report))
  expect({ lost: report.lost, fromAfterMoment: report.fromAfterMoment, unknown: report.unknown, duplicated: report.duplicated }).toEqual({
    lost: [],
    fromAfterMoment: [],
    unknown: [],
    duplicated: 0,
  })
  expect(report.acknowledgedAfterMoment).toBeGreaterThan(0)
  expect(report.restored).toBe(report.acknowledgedBeforeMoment)
  expect(report.rowsIdentical).toBe(true)
  expect(report.rollupDifferences).toBe(0)
  // Replay went past the backup's end: the restore came from the archive, not the backup alone.
  expect(report.walSegmentsReplayed).toBeGreaterThanOrEqual(1)
  expect(report.recoveryStop).toMatch(/^recovery stopping before commit/)
  expect(report.ok).toBe(true)
})
