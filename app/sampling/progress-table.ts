import { type Column, column, type ExportMeta, type Row, type Table, text } from '~/export/table'
import type { PlannedCampaign } from './plans.server'
import { CHANNELS, type CampaignProgress, type ProgressRow } from './progress'

/*
 * A campaign's progress as an export table (one row per province, agency and service point, in
 * that order) and the facts the XLSX's first sheet states; written by app/export's CSV and XLSX
 * writers like every other export.
 */

const COLUMNS: readonly Column[] = [
  column('level', 'string', text('Cấp', 'Level'), text('province, agency hoặc service_point', 'province, agency or service_point')),
  column('province', 'string', text('Tỉnh/thành phố', 'Province'), text('Tỉnh, thành phố của đơn vị', "The unit's province")),
  column('agency', 'string', text('Cơ quan', 'Agency'), text('Cơ quan của điểm phục vụ', "The service point's agency")),
  column('code', 'string', text('Mã điểm phục vụ', 'Service point code'), text('Mã của điểm phục vụ', "The service point's code")),
  column('name', 'string', text('Tên', 'Name'), text('Tên đơn vị', "The unit's name")),
  column('target', 'integer', text('Cỡ mẫu mục tiêu', 'Target'), text('n = N / (1 + N·e²), làm tròn lên; tổng của các điểm phục vụ đã lập kế hoạch', 'n = N / (1 + N·e²) rounded up; the sum over planned service points')),
  column('collected', 'integer', text('Đã thu', 'Collected'), text('Số phiếu được tính vào số liệu chính thức', 'Responses counted in the official figures')),
  ...CHANNELS.map((channel) => column(`collected_${channel}`, 'integer', text(`Đã thu: ${channel}`, `Collected: ${channel}`), text(`Số phiếu qua kênh ${channel}`, `Responses through the ${channel} channel`))),
  column('collected_share', 'percent', text('Tỷ lệ đạt', 'Share of target'), text('Đã thu / mục tiêu × 100', 'Collected / target × 100')),
  column('projected', 'number', text('Dự báo cuối đợt', 'Projected at end'), text('Đã thu + tốc độ mỗi ngày đến nay × số ngày còn lại', 'Collected + daily rate so far × days left')),
  column('status', 'string', text('Tình trạng', 'Status'), text('notStarted, met, onTrack, atRisk hoặc noPlan', 'notStarted, met, onTrack, atRisk or noPlan')),
  column('service_points_at_risk', 'integer', text('Số điểm có nguy cơ', 'Service points at risk'), text('Số điểm phục vụ dự báo không đạt mục tiêu', 'Service points projected to miss their target')),
]

const LEVELS: Record<ProgressRow['level'], string> = { province: 'province', agency: 'agency', servicePoint: 'service_point' }

function toRow(row: ProgressRow): Row {
  return {
    level: LEVELS[row.level],
    province: row.provinceName,
    agency: row.level === 'agency' ? row.name : row.agencyName,
    code: row.code,
    name: row.name,
    target: row.target,
    collected: row.collected,
    ...Object.fromEntries(CHANNELS.map((channel) => [`collected_${channel}`, row.byChannel[channel]])),
    collected_share: row.target ? (100 * row.collected) / row.target : null,
    projected: row.projected,
    status: row.status,
    service_points_at_risk: row.atRisk,
  }
}

export function progressTable(progress: CampaignProgress): Table {
  return {
    name: 'progress',
    title: text('Tiến độ thu thập', 'Collection progress'),
    columns: COLUMNS,
    rows: [...progress.provinces, ...progress.agencies, ...progress.servicePoints].map(toRow),
  }
}

export function progressMeta(campaign: PlannedCampaign, now: Date): ExportMeta {
  return {
    methodologyCodes: [],
    period: { key: `${campaign.startsOn}..${campaign.endsOn}`, from: campaign.startsOn, to: campaign.endsOn, label: text(campaign.name, campaign.nameEn) },
    filters: [],
    minN: 0,
    suppressionRule: text(
      'Không ẩn số nào: đây là số phiếu đã thu, không phải chỉ số.',
      'Nothing is suppressed: these are counts of responses collected, not indices.',
    ),
    producedAt: now.toISOString(),
  }
}
