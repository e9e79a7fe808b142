import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { DataTable, type DataColumn, type DataRow } from './data-table'

const columns: DataColumn[] = [{ label: 'Unit' }, { label: 'SIPAS', numeric: true }, { label: 'n', numeric: true }]
const render = (props: Partial<Parameters<typeof DataTable>[0]> & { rows: readonly DataRow[] }) =>
  renderToStaticMarkup(createElement(DataTable, { caption: 'Scores', columns, ...props }))

test('the caption names the table and its keyboard-reachable scroller, hidden only when asked', () => {
  const shown = render({ rows: [] })
  expect(shown).toContain('<div class="table-scroll" role="region" aria-label="Scores" tabindex="0">')
  expect(shown).toContain('<caption>Scores</caption>')
  expect(render({ rows: [], hideCaption: true })).toContain('<caption class="visually-hidden">Scores</caption>')
})

test('column headers have scope="col", and numeric columns are aligned in the header and every cell', () => {
  const html = render({ rows: [{ key: 'hp', cells: ['Hải Phòng', '80,12 %', '580'] }] })
  expect(html).toContain('<thead><tr><th scope="col">Unit</th><th scope="col" class="num">SIPAS</th><th scope="col" class="num">n</th></tr></thead>')
  expect(html).toContain('<tr><th scope="row">Hải Phòng</th><td class="num">80,12 %</td><td class="num">580</td></tr>')
})

test('the column marked rowHeader heads the rows instead of the first', () => {
  const html = render({
    columns: [{ label: 'Code' }, { label: 'Name', rowHeader: true }],
    rows: [{ key: 'a', cells: ['HP-01', 'Sở Tư pháp'] }],
  })
  expect(html).toContain('<tr><td>HP-01</td><th scope="row">Sở Tư pháp</th></tr>')
})

test('a row that starts a group opens a new body and heads it with scope="rowgroup"', () => {
  const html = render({
    rows: [
      { key: 'e1', cells: ['Element 1', '80', '10'], startsGroup: true, className: 'element-row' },
      { key: 'i1', cells: ['Item 1', '81', '10'], headerClassName: 'item-text' },
      { key: 'e2', cells: ['Element 2', '70', '10'], startsGroup: true },
    ],
  })
  expect(html.match(/<tbody>/g)).toHaveLength(2)
  expect(html).toContain('<tr class="element-row"><th scope="rowgroup">Element 1</th>')
  expect(html).toContain('<th scope="row" class="item-text">Item 1</th>')
})
