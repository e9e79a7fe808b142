// `npm run db:seed`: fills an empty database with the deterministic demo data.
import { db } from '~/db.server'
import { env } from '~/env.server'
import { DEFAULT_SEED_RESPONSES, seedDemoData } from '../prisma/seed/seed.server'

if (env.NODE_ENV === 'production' && process.env.ALLOW_DEMO_SEED !== '1') {
  console.error('Refusing to create demo accounts in production (set ALLOW_DEMO_SEED=1 to override).')
  process.exit(2)
}
const started = Date.now()
const result = await seedDemoData({ responses: Number(process.env.SEED_RESPONSES ?? DEFAULT_SEED_RESPONSES) })
console.log(
  result.seeded
    ? `Seeded ${result.servicePoints} service points and ${result.responses} responses in ${((Date.now() - started) / 1000).toFixed(1)} s.`
    : 'The database already has data: seed skipped.',
)
await db.close()
process.exit(0)
