import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { Table } from '@heard/ui';

/**
 * Charts of the report, drawn as SVG on the server with d3-scale and
 * d3-shape (pure functions: no DOM, no browser needed). Each chart is a
 * figure with a caption; the SVG is an image named by that caption, and the
 * data table beside it is its text alternative.
 */

/** GOV.UK colours with at least 3:1 contrast against white (WCAG 1.4.11). */
const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#912b88', '#505a5f', '#b58840', '#28a197'];

export type ChartSeries = { name: string; values: number[] };

type ChartProps = {
  id: string;
  caption: string;
  /** The categories along the axis (months, quarters, outcomes...). */
  categories: string[];
  series: ChartSeries[];
  /** Stacked (parts of a whole) or side by side. */
  mode?: 'stacked' | 'grouped';
  /** Values are percentages (0-100). */
  percent?: boolean;
  /** The first column's heading in the data table. */
  categoryHeading: string;
  width?: number;
  height?: number;
};

function niceMax(value: number, percent: boolean): number {
  if (percent) return 100;
  if (value <= 0) return 1;
  return scaleLinear().domain([0, value]).nice(5).domain()[1]!;
}

/** A vertical bar chart: stacked or grouped series over categories. */
export function BarChart({ id, caption, categories, series, mode = 'stacked', percent = false, categoryHeading, width = 720, height = 320 }: ChartProps) {
  const margin = { top: 12, right: 12, bottom: 56, left: 48 };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const x = scaleBand<string>().domain(categories).range([0, innerWidth]).padding(0.2);
  const totals = categories.map((_, i) => (mode === 'stacked' ? series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0) : Math.max(0, ...series.map((s) => s.values[i] ?? 0))));
  const y = scaleLinear().domain([0, niceMax(Math.max(0, ...totals), percent)]).range([innerHeight, 0]);
  const ticks = y.ticks(5);
  const rows = categories.map((category, i) => Object.fromEntries([['category', category], ...series.map((s) => [s.name, s.values[i] ?? 0])]) as Record<string, number | string>);
  const layers = stack<Record<string, number | string>>().keys(series.map((s) => s.name)).value((row, key) => Number(row[key] ?? 0))(rows);
  const inner = scaleBand<string>().domain(series.map((s) => s.name)).range([0, x.bandwidth()]).padding(0.05);
  const captionId = `${id}-caption`;
  return (
    <figure className="heard-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="govuk-heading-s">
        {caption}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={captionId} focusable="false">
        <g transform={`translate(${margin.left},${margin.top})`}>
          {ticks.map((tick) => (
            <g key={tick} transform={`translate(0,${y(tick)})`}>
              <line x2={innerWidth} stroke="#b1b4b6" strokeWidth={tick === 0 ? 1.5 : 0.5} />
              <text x={-6} dy="0.32em" textAnchor="end" fontSize="12" fill="#0b0c0c">
                {percent ? `${tick}%` : tick}
              </text>
            </g>
          ))}
          {mode === 'stacked'
            ? layers.map((layer, s) =>
                layer.map((point, i) => {
                  const height = y(point[0]) - y(point[1]);
                  return height > 0 ? <rect key={`${s}-${i}`} x={x(categories[i]!)} y={y(point[1])} width={x.bandwidth()} height={height} fill={COLOURS[s % COLOURS.length]} /> : null;
                }),
              )
            : series.map((s, si) =>
                s.values.map((value, i) =>
                  value > 0 ? (
                    <rect key={`${si}-${i}`} x={(x(categories[i]!) ?? 0) + (inner(s.name) ?? 0)} y={y(value)} width={inner.bandwidth()} height={innerHeight - y(value)} fill={COLOURS[si % COLOURS.length]} />
                  ) : null,
                ),
              )}
          {categories.map((category) => (
            <text key={category} x={(x(category) ?? 0) + x.bandwidth() / 2} y={innerHeight + 16} textAnchor="middle" fontSize="12" fill="#0b0c0c">
              {category.length > 12 ? `${category.slice(0, 11)}…` : category}
            </text>
          ))}
        </g>
        <g transform={`translate(${margin.left},${height - 22})`}>
          {series.map((s, i) => (
            <g key={s.name} transform={`translate(${(i % 4) * 170},${Math.floor(i / 4) * 14 - 6})`}>
              <rect width="10" height="10" fill={COLOURS[i % COLOURS.length]} />
              <text x="14" y="9" fontSize="11" fill="#0b0c0c">
                {s.name}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <Table
        caption={caption}
        captionSize="s"
        columns={[{ header: categoryHeading }, ...series.map((s) => ({ header: s.name, numeric: true }))]}
        rows={categories.map((category, i) => [category, ...series.map((s) => (percent ? `${s.values[i] ?? 0}%` : String(s.values[i] ?? 0)))])}
      />
    </figure>
  );
}

/** A horizontal bar chart of one series (counts by theme, by service). */
export function HorizontalBarChart({ id, caption, categories, values, categoryHeading, valueHeading, width = 720 }: { id: string; caption: string; categories: string[]; values: number[]; categoryHeading: string; valueHeading: string; width?: number }) {
  const rowHeight = 26;
  const margin = { top: 8, right: 48, bottom: 8, left: 220 };
  const height = margin.top + margin.bottom + Math.max(1, categories.length) * rowHeight;
  const innerWidth = width - margin.left - margin.right;
  const x = scaleLinear().domain([0, niceMax(Math.max(0, ...values), false)]).range([0, innerWidth]);
  const y = scaleBand<string>().domain(categories).range([0, categories.length * rowHeight]).padding(0.2);
  const captionId = `${id}-caption`;
  return (
    <figure className="heard-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="govuk-heading-s">
        {caption}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={captionId} focusable="false">
        <g transform={`translate(${margin.left},${margin.top})`}>
          {categories.map((category, i) => (
            <g key={category} transform={`translate(0,${y(category)})`}>
              <text x={-8} y={y.bandwidth() / 2} dy="0.32em" textAnchor="end" fontSize="12" fill="#0b0c0c">
                {category.length > 32 ? `${category.slice(0, 31)}…` : category}
              </text>
              <rect width={x(values[i] ?? 0)} height={y.bandwidth()} fill={COLOURS[0]} />
              <text x={x(values[i] ?? 0) + 6} y={y.bandwidth() / 2} dy="0.32em" fontSize="12" fill="#0b0c0c">
                {values[i] ?? 0}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <Table caption={caption} captionSize="s" columns={[{ header: categoryHeading }, { header: valueHeading, numeric: true }]} rows={categories.map((category, i) => [category, String(values[i] ?? 0)])} />
    </figure>
  );
}
