import type { Role } from '~/generated/prisma/enums'

/**
 * One demo account per role, shared by the seed script and the Playwright tests (and listed in
 * the README). Only for demo and test databases: the seed must refuse to create them in
 * production.
 */
export const DEMO_PASSWORD = 'sipas-demo-2026'

export type DemoAccount = {
  role: Role
  email: string
  name: string
  /** What the seed attaches the account to (see the seed script for the codes). */
  attach: 'none' | 'province' | 'agency'
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'ministry_admin', email: 'bo.quantri@demo.sipas.vn', name: 'Quản trị Bộ (demo)', attach: 'none' },
  { role: 'ministry_analyst', email: 'bo.phantich@demo.sipas.vn', name: 'Phân tích Bộ (demo)', attach: 'none' },
  { role: 'province_admin', email: 'tinh.quantri@demo.sipas.vn', name: 'Quản trị tỉnh (demo)', attach: 'province' },
  { role: 'agency_manager', email: 'coquan.lanhdao@demo.sipas.vn', name: 'Lãnh đạo cơ quan (demo)', attach: 'agency' },
  { role: 'agency_viewer', email: 'coquan.xem@demo.sipas.vn', name: 'Cán bộ cơ quan (demo)', attach: 'agency' },
  { role: 'clerk', email: 'nhapphieu@demo.sipas.vn', name: 'Cán bộ nhập phiếu (demo)', attach: 'province' },
]
