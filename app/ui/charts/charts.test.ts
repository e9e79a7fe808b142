import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { IntervalBarChart } from './interval-bar-chart'
import { TrendChart } from './trend-chart'

// The charts are rendered as the server renders them; these read back the axis labels and bars.
const axisLabels = (svg: string) => [...svg.matchAll(/class="chart-axis"[^>]*>(\d+)</g)].map((match) => Number(match[1]))
const format = (value: number) => value.toFixed(1)

function barChart(max: number, value: number) {
  return renderToStaticMarkup(
    createElement(IntervalBarChart, {
      id: 'bars',
      title: 'Bars',
      description: 'Bars',
      max,
      format,
      bars: [{ key: 'a', label: 'A', value, low: value - 5, high: value + 5 }],
    })
  )
}

function trendChart(values: number[]) {
  return renderToStaticMarkup(
    createElement(TrendChart, {
      id: 'trend',
      title: 'Trend',
      description: 'Trend',
      labels: values.map((_, index) => `2025-0${index + 1}`),
      series: [{ key: 'a', name: 'A', values }],
      format,
    })
  )
}

test('the bar chart has a grid line every 20 on a 0..100 scale and every 10 on 0..80', () => {
  expect(axisLabels(barChart(100, 50))).toEqual([0, 20, 40, 60, 80, 100])
  expect(axisLabels(barChart(80, 50))).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80])
})

test('a bar beyond the scale stops at its end', () => {
  const width = (svg: string) => Number(/class="chart-bar"[^>]*width="([\d.]+)"/.exec(svg)?.[1])
  expect(width(barChart(100, 120))).toBe(width(barChart(100, 100)))
  expect(width(barChart(100, 50))).toBe(width(barChart(100, 100)) / 2)
})

test('the trend axis has a line every 5 points, every 20 on round numbers when it is taller than 40', () => {
  expect(axisLabels(trendChart([83.9, 91.1]))).toEqual([80, 85, 90, 95])
  expect(axisLabels(trendChart([33, 98]))).toEqual([40, 60, 80, 100])
})
