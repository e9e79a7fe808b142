import { scaleLinear } from 'd3-scale'
import { type ChartBox, ChartFrame, type ChartText } from './chart-frame'
import { paddedPercentDomain } from './scale'

export type TrendSeries = {
  key: string
  name: string
  /** One value per label, null where there is no figure (the line breaks there). */
  values: readonly (number | null)[]
}

const BOX: ChartBox = { width: 720, height: 260, left: 44, right: 16, top: 16, bottom: 48 }
// Series are told apart by line style as well as colour (WCAG 1.4.1).
const SERIES_CLASSES = ['chart-line series-0', 'chart-line series-1', 'chart-line series-2']

/**
 * A line per series over time (months, years or days), percentages on a y axis fitted to the
 * data, or any other figures (counts) on the y range `domain` given. Server-rendered SVG with a
 * title and description; the page shows the same figures in a table.
 */
export function TrendChart({
  labels,
  series,
  format,
  domain: givenDomain,
  ...text
}: ChartText & {
  labels: readonly string[]
  series: readonly TrendSeries[]
  format: (value: number) => string
  domain?: { min: number; max: number }
}) {
  const values = series.flatMap((s) => s.values.filter((value): value is number => value !== null))
  const domain = givenDomain ?? paddedPercentDomain(values)
  const y = scaleLinear([domain.min, domain.max], [BOX.height - BOX.bottom, BOX.top]).clamp(true)
  const x = (index: number) =>
    labels.length <= 1 ? (BOX.left + BOX.width - BOX.right) / 2 : BOX.left + (index / (labels.length - 1)) * (BOX.width - BOX.left - BOX.right)
  // A grid line every 5 points, every 20 on a tall axis. Asked for span / step ticks, d3 takes
  // exactly that step (5 and 20 are among its 1-2-5 steps) and puts the lines on its multiples.
  const span = domain.max - domain.min
  const yTicks = givenDomain ? y.ticks(5) : y.ticks(span / (span > 40 ? 20 : 5))
  // Every label fits up to about 14 points; beyond that show every other one.
  const labelEvery = labels.length > 14 ? Math.ceil(labels.length / 12) : 1
  return (
    <ChartFrame {...text} width={BOX.width} height={BOX.height}>
      {yTicks.map((tick) => (
        <g key={tick}>
          <line className="chart-grid" x1={BOX.left} x2={BOX.width - BOX.right} y1={y(tick)} y2={y(tick)} />
          <text className="chart-axis" x={BOX.left - 6} y={y(tick) + 4} textAnchor="end">
            {tick}
          </text>
        </g>
      ))}
      {labels.map((label, index) =>
        index % labelEvery === 0 ? (
          <text key={label} className="chart-axis" x={x(index)} y={BOX.height - BOX.bottom + 18} textAnchor="middle">
            {label}
          </text>
        ) : null
      )}
      {series.map((s, seriesIndex) => (
        <g key={s.key} className={SERIES_CLASSES[seriesIndex % SERIES_CLASSES.length]}>
          {segments(s.values).map((segment) => (
            <polyline
              key={segment[0]}
              fill="none"
              points={segment.map((index) => `${x(index)},${y(s.values[index]!)}`).join(' ')}
            />
          ))}
          {s.values.map((value, index) =>
            value === null ? null : (
              <circle key={labels[index]} cx={x(index)} cy={y(value)} r={3.5}>
                <title>{`${s.name}, ${labels[index]}: ${format(value)}`}</title>
              </circle>
            )
          )}
        </g>
      ))}
      {series.length > 1
        ? series.map((s, seriesIndex) => (
            <g key={s.key} className={SERIES_CLASSES[seriesIndex % SERIES_CLASSES.length]}>
              <line
                x1={BOX.left + seriesIndex * 200}
                x2={BOX.left + seriesIndex * 200 + 24}
                y1={BOX.height - 10}
                y2={BOX.height - 10}
              />
              <text className="chart-axis" x={BOX.left + seriesIndex * 200 + 30} y={BOX.height - 6}>
                {s.name}
              </text>
            </g>
          ))
        : null}
    </ChartFrame>
  )
}

/** Runs of consecutive indices with a value, so a missing month breaks the line. */
function segments(values: readonly (number | null)[]): number[][] {
  const runs: number[][] = []
  let current: number[] = []
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length) runs.push(current)
      current = []
    } else current.push(index)
  })
  if (current.length) runs.push(current)
  return runs
}
