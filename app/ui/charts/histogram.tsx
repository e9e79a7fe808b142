import { scaleLinear } from 'd3-scale'
import { ChartFrame } from './chart-frame'

export type HistogramBin = { from: number; to: number; count: number }

const WIDTH = 720
const HEIGHT = 220
const LEFT = 36
const RIGHT = 12
const TOP = 16
const BOTTOM = 36

/**
 * How many units fall in each score band, as columns. Server-rendered SVG with a title and
 * description; the page lists the bins in a table as well.
 */
export function Histogram({
  id,
  title,
  description,
  bins,
  formatBound,
}: {
  id: string
  title: string
  description: string
  bins: readonly HistogramBin[]
  formatBound: (value: number) => string
}) {
  const most = Math.max(1, ...bins.map((bin) => bin.count))
  const y = scaleLinear([0, most], [HEIGHT - BOTTOM, TOP]).clamp(true)
  const columnWidth = (WIDTH - LEFT - RIGHT) / Math.max(1, bins.length)
  return (
    <ChartFrame id={id} title={title} description={description} width={WIDTH} height={HEIGHT}>
      <line className="chart-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(0)} y2={y(0)} />
      {bins.map((bin, index) => {
        const left = LEFT + index * columnWidth
        return (
          <g key={bin.from}>
            <rect
              className="chart-bar"
              x={left + 2}
              y={y(bin.count)}
              width={Math.max(0, columnWidth - 4)}
              height={y(0) - y(bin.count)}
            />
            {bin.count > 0 ? (
              <text className="chart-value" x={left + columnWidth / 2} y={y(bin.count) - 4} textAnchor="middle">
                {bin.count}
              </text>
            ) : null}
            <text className="chart-axis" x={left} y={HEIGHT - BOTTOM + 16} textAnchor="middle">
              {formatBound(bin.from)}
            </text>
          </g>
        )
      })}
      {bins.length > 0 ? (
        <text className="chart-axis" x={WIDTH - RIGHT} y={HEIGHT - BOTTOM + 16} textAnchor="middle">
          {formatBound(bins[bins.length - 1]!.to)}
        </text>
      ) : null}
    </ChartFrame>
  )
}
