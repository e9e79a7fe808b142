import { scaleLinear } from 'd3-scale'
import { ChartFrame, type ChartText } from './chart-frame'
import { paddedPercentDomain } from './scale'

export type ImportancePerformanceMark = {
  key: string
  /** A short mark (the criterion's number in the table beside the chart). */
  label: string
  importance: number
  performance: number
  fixFirst: boolean
}

const WIDTH = 640
const HEIGHT = 420
const BOX = { left: 56, right: 16, top: 16, bottom: 48 }
const TICKS = 5

/**
 * Importance (across) × performance (up), one numbered dot per criterion, the quadrants cut at
 * the given means; the lower right one (important, performing below the mean) is shaded and
 * named: fix first. Server-rendered SVG like the other charts (no script, classes for colours);
 * the table beside it is its text alternative.
 */
export function ImportancePerformanceChart({
  marks,
  importanceCut,
  performanceCut,
  axis,
  quadrantLabel,
  formatImportance,
  ...text
}: ChartText & {
  marks: readonly ImportancePerformanceMark[]
  importanceCut: number
  performanceCut: number
  axis: { importance: string; performance: string }
  quadrantLabel: string
  formatImportance: (value: number) => string
}) {
  const importances = marks.map((mark) => mark.importance)
  const low = Math.min(0, ...importances)
  const high = Math.max(...importances, importanceCut) * 1.1 || 1
  const x = scaleLinear([low, high], [BOX.left, WIDTH - BOX.right]).nice(TICKS)
  const { min, max } = paddedPercentDomain(marks.map((mark) => mark.performance))
  const y = scaleLinear([min, max], [HEIGHT - BOX.bottom, BOX.top])
  const [x0, x1] = x.range() as [number, number]
  const [y0, y1] = y.range() as [number, number]
  return (
    <ChartFrame {...text} width={WIDTH} height={HEIGHT} preserveAspectRatio="xMinYMin meet">
      <rect className="chart-quadrant-fix" x={x(importanceCut)} y={y(performanceCut)} width={Math.max(0, x1 - x(importanceCut))} height={Math.max(0, y0 - y(performanceCut))} />
      <text className="chart-quadrant-label" x={x1 - 6} y={y0 - 8} textAnchor="end">
        {quadrantLabel}
      </text>
      {x.ticks(TICKS).map((tick) => (
        <g key={`x${tick}`}>
          <line className="chart-grid" x1={x(tick)} x2={x(tick)} y1={y1} y2={y0} />
          <text className="chart-axis" x={x(tick)} y={y0 + 16} textAnchor="middle">
            {formatImportance(tick)}
          </text>
        </g>
      ))}
      {y.ticks(TICKS).map((tick) => (
        <g key={`y${tick}`}>
          <line className="chart-grid" x1={x0} x2={x1} y1={y(tick)} y2={y(tick)} />
          <text className="chart-axis" x={x0 - 6} y={y(tick) + 4} textAnchor="end">
            {tick}
          </text>
        </g>
      ))}
      <line className="chart-cut" x1={x(importanceCut)} x2={x(importanceCut)} y1={y1} y2={y0} />
      <line className="chart-cut" x1={x0} x2={x1} y1={y(performanceCut)} y2={y(performanceCut)} />
      <text className="chart-axis" x={(x0 + x1) / 2} y={HEIGHT - 8} textAnchor="middle">
        {axis.importance}
      </text>
      <text className="chart-axis" x={14} y={(y0 + y1) / 2} textAnchor="middle" transform={`rotate(-90 14 ${(y0 + y1) / 2})`}>
        {axis.performance}
      </text>
      {marks.map((mark) => (
        <g key={mark.key} className={mark.fixFirst ? 'chart-point fix-first' : 'chart-point'}>
          <circle cx={x(mark.importance)} cy={y(mark.performance)} r={9} />
          <text x={x(mark.importance)} y={y(mark.performance) + 4} textAnchor="middle">
            {mark.label}
          </text>
        </g>
      ))}
    </ChartFrame>
  )
}
