import { scaleLinear } from 'd3-scale'
import { ChartFrame, type ChartText } from './chart-frame'
import { truncate } from './scale'

export type IntervalBar = {
  key: string
  label: string
  /** null: no figure (insufficient sample); the row is drawn empty. */
  value: number | null
  low?: number | null
  high?: number | null
  /** Drawn in the accent colour, e.g. the unit whose page this is. */
  highlight?: boolean
}

/** A figure and its interval as a bar: `key` and `label` name the unit or element it is for. */
export function intervalBar(
  key: string,
  label: string,
  { value, low, high }: { value: number | null; low: number | null; high: number | null },
): IntervalBar {
  return { key, label, value, low, high }
}

const WIDTH = 720
const LABEL_WIDTH = 210
const VALUE_WIDTH = 90
const ROW = 22
const BAR = 12
const TOP = 24
const LABEL_CHARS = 30
// About this many grid lines across the bars: every 20 on 0..100, every 10 on PAPI's 0..80.
const TICKS = 6

/**
 * A horizontal bar per unit, from zero, with its 95 % interval as a whisker. Server-rendered
 * SVG: no script, no inline styles (CSP); colours come from classes in styles.css. The SVG is an
 * image whose title and description say what it shows; the figures themselves are in the table
 * the page puts beside it, which is the text alternative.
 */
export function IntervalBarChart({
  bars,
  max = 100,
  format,
  ...text
}: ChartText & {
  bars: readonly IntervalBar[]
  max?: number
  format: (value: number) => string
}) {
  const height = TOP + bars.length * ROW + 8
  const x = scaleLinear([0, max], [LABEL_WIDTH, WIDTH - VALUE_WIDTH]).clamp(true)
  return (
    <ChartFrame
      {...text}
      width={WIDTH}
      height={height}
      preserveAspectRatio="xMinYMin meet"
    >
      {x.ticks(TICKS).map((tick) => (
        <g key={tick}>
          <line className="chart-grid" x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - 8} />
          <text className="chart-axis" x={x(tick)} y={TOP - 10} textAnchor="middle">
            {tick}
          </text>
        </g>
      ))}
      {bars.map((bar, index) => {
        const y = TOP + index * ROW
        const middle = y + ROW / 2
        return (
          <g key={bar.key} className={bar.highlight ? 'chart-row highlight' : 'chart-row'}>
            <text className="chart-label" x={LABEL_WIDTH - 8} y={middle + 4} textAnchor="end">
              {truncate(bar.label, LABEL_CHARS)}
            </text>
            {bar.value === null ? (
              <text className="chart-value" x={LABEL_WIDTH + 4} y={middle + 4}>
                —
              </text>
            ) : (
              <>
                <rect
                  className="chart-bar"
                  x={x(0)}
                  y={middle - BAR / 2}
                  width={Math.max(0, x(bar.value) - x(0))}
                  height={BAR}
                />
                {bar.low != null && bar.high != null ? (
                  <g className="chart-whisker">
                    <line x1={x(bar.low)} x2={x(bar.high)} y1={middle} y2={middle} />
                    <line x1={x(bar.low)} x2={x(bar.low)} y1={middle - 5} y2={middle + 5} />
                    <line x1={x(bar.high)} x2={x(bar.high)} y1={middle - 5} y2={middle + 5} />
                  </g>
                ) : null}
                <text className="chart-value" x={WIDTH - 4} y={middle + 4} textAnchor="end">
                  {format(bar.value)}
                </text>
              </>
            )}
          </g>
        )
      })}
    </ChartFrame>
  )
}
