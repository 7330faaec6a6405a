import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';

/**
 * "A bare render" (quality.md, tracker bar): the 50 rows of a page as a plain
 * HTML table, React's renderToString and nothing else. The bench adds it to
 * both sides, so the tracker is compared as a page: query and render.
 */
export function bareRender(rows: ReadonlyArray<Record<string, unknown>>): string {
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  return renderToString(
    h(
      'table',
      null,
      h('thead', null, h('tr', null, ...columns.map((c) => h('th', { key: c }, c)))),
      h('tbody', null, ...rows.map((row, i) => h('tr', { key: i }, ...columns.map((c) => h('td', { key: c }, String(row[c] ?? '')))))),
    ),
  );
}
