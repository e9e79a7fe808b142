import type { ReactNode, SVGProps } from 'react'

/** What names a chart for screen readers: the ids of its title and description, and their text. */
export type ChartText = { id: string; title: string; description: string }

/** A chart's size and the margins its axes and labels take around the plot. */
export type ChartBox = { width: number; height: number; left: number; right: number; top: number; bottom: number }

/**
 * The SVG every chart draws into: an image named by its title and described by its description
 * (both read by screen readers), with the drawing itself hidden from them; the page gives the
 * figures in a table.
 */
export function ChartFrame({
  id,
  title,
  description,
  width,
  height,
  preserveAspectRatio,
  children,
}: ChartText & {
  width: number
  height: number
  preserveAspectRatio?: SVGProps<SVGSVGElement>['preserveAspectRatio']
  children: ReactNode
}) {
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      preserveAspectRatio={preserveAspectRatio}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g aria-hidden="true">{children}</g>
    </svg>
  )
}
