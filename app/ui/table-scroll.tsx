import type { ReactNode } from 'react'

/**
 * A wide table's horizontal scroller. On a phone the table overflows, and a scrolling region must
 * be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable), so it takes focus and
 * carries a name for screen readers.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}
