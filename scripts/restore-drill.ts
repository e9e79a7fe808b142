/*
 * `npm run drill:restore` — the restore drill at full size (scripts/restore-drill/drill.ts;
 * docs/operations.md says when to run it): base backup, more submissions, point-in-time recovery
 * to a moment T on a throwaway cluster, then proof that the restored database holds exactly the
 * responses acknowledged before T and that verifyRollups finds no difference. Exits 1 on any
 * mismatch. Knobs: DRILL_SUBMISSIONS (per phase before T; default FULL_DRILL's), DRILL_CLIENTS.
 */
import { describeDrill, FULL_DRILL, runRestoreDrill } from './restore-drill/drill'

const perPhase = process.env.DRILL_SUBMISSIONS ? Number(process.env.DRILL_SUBMISSIONS) : undefined
const sizes = {
  ...FULL_DRILL,
  ...(perPhase ? { beforeBackup: perPhase, duringBackup: perPhase, afterBackup: perPhase, afterMoment: Math.ceil(perPhase / 2) } : {}),
  ...(process.env.DRILL_CLIENTS ? { clients: Number(process.env.DRILL_CLIENTS) } : {}),
}
const report = await runRestoreDrill(sizes, (line) => console.log(line))
console.log(describeDrill(report))
process.exit(report.ok ? 0 : 1)
