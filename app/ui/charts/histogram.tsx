import { scaleLinear } from 'd3-scale'
import { type ChartBox, ChartFrame, type ChartText } from './chart-frame'

export type HistogramBin = { from: number; to: number; count: number }

const BOX: ChartBox = { width: 720, height: 220, left: 36, right: 12, top: 16, bottom: 36 }

/**
 * How many units fall in each score band, as columns. Server-rendered SVG with a title and
 * description; the page lists the bins in a table as well.
 */
export function Histogram({
  bins,
  formatBound,
  ...text
}: ChartText & {
  bins: readonly HistogramBin[]
  formatBound: (value: number) => string
}) {
  const most = Math.max(1, ...bins.map((bin) => bin.count))
  const y = scaleLinear([0, most], [BOX.height - BOX.bottom, BOX.top]).clamp(true)
  const columnWidth = (BOX.width - BOX.left - BOX.right) / Math.max(1, bins.length)
  return (
    <ChartFrame {...text} width={BOX.width} height={BOX.height}>
      <line className="chart-grid" x1={BOX.left} x2={BOX.width - BOX.right} y1={y(0)} y2={y(0)} />
      {bins.map((bin, index) => {
        const left = BOX.left + index * columnWidth
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
            <text className="chart-axis" x={left} y={BOX.height - BOX.bottom + 16} textAnchor="middle">
              {formatBound(bin.from)}
            </text>
          </g>
        )
      })}
      {bins.length > 0 ? (
        <text className="chart-axis" x={BOX.width - BOX.right} y={BOX.height - BOX.bottom + 16} textAnchor="middle">
          {formatBound(bins[bins.length - 1]!.to)}
        </text>
      ) : null}
    </ChartFrame>
  )
}
