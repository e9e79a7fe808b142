import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { ImportancePerformanceChart } from './importance-performance-chart'

function chart() {
  return renderToStaticMarkup(
    createElement(ImportancePerformanceChart, {
      id: 'ipa',
      title: 'Importance × performance',
      description: '3 criteria',
      marks: [
        { key: 'a', label: '1', importance: 0.3, performance: 60, fixFirst: true },
        { key: 'b', label: '2', importance: 0.1, performance: 90, fixFirst: false },
        { key: 'c', label: '3', importance: 0.05, performance: 70, fixFirst: false },
      ],
      importanceCut: 0.15,
      performanceCut: 73.3,
      axis: { importance: 'Importance', performance: 'Rate' },
      quadrantLabel: 'Fix first',
      formatImportance: (value) => value.toFixed(2),
    }),
  )
}

const number = (svg: string, pattern: RegExp) => Number(pattern.exec(svg)?.[1])

test('the chart is an image named by its title, with one numbered dot per criterion, the fix-first ones marked', () => {
  const svg = chart()
  expect(svg).toMatch(/role="img"[^>]*aria-labelledby="ipa-title"/)
  expect(svg).toContain('<title id="ipa-title">Importance × performance</title>')
  expect(svg.match(/<circle/g)).toHaveLength(3)
  expect(svg.match(/class="chart-point fix-first"/g)).toHaveLength(1)
  expect(svg).toContain('Fix first')
})

test('the shaded fix-first quadrant is right of the importance cut and below the performance cut, and holds the fix-first dot', () => {
  const svg = chart()
  const x = number(svg, /class="chart-quadrant-fix" x="([\d.]+)"/)
  const y = number(svg, /class="chart-quadrant-fix" x="[\d.]+" y="([\d.]+)"/)
  const cx = number(svg, /class="chart-point fix-first"><circle cx="([\d.]+)"/)
  const cy = number(svg, /class="chart-point fix-first"><circle cx="[\d.]+" cy="([\d.]+)"/)
  expect(cx).toBeGreaterThan(x)
  // SVG y grows downwards: below the cut is a larger y.
  expect(cy).toBeGreaterThan(y)
})
