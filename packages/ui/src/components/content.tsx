import { useId, type ReactNode } from 'react';

export function Panel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title">{title}</h1>
      {children ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}

export function NotificationBanner({
  title,
  heading,
  children,
  success = false,
}: {
  title: string;
  heading?: ReactNode;
  children?: ReactNode;
  success?: boolean;
}) {
  return (
    <div
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby="govuk-notification-banner-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="govuk-notification-banner-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {heading ? <p className="govuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}

export type SummaryRow = { key: ReactNode; value: ReactNode; action?: { href: string; text: string; visuallyHidden: string } };

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row, index) => (
        <div key={index} className={`govuk-summary-list__row${row.action ? '' : ' govuk-summary-list__row--no-actions'}`}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd className="govuk-summary-list__actions">
              <a className="govuk-link" href={row.action.href}>
                {row.action.text}
                <span className="govuk-visually-hidden"> {row.action.visuallyHidden}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

export type TableColumn = { header: ReactNode; numeric?: boolean };

/**
 * A GOV.UK table; `caption` is required, because a table without one is hard
 * to find with a screen reader. A wide table scrolls sideways inside its own
 * box, so that box can be reached with the keyboard (it is focusable, and
 * named by the caption as a region), or the columns past the edge could not
 * be scrolled to without a mouse (WCAG 2.1.1).
 */
export function Table({
  caption,
  columns,
  rows,
  captionSize = 'm',
  firstCellIsHeader = true,
}: {
  caption: ReactNode;
  columns: TableColumn[];
  rows: ReactNode[][];
  captionSize?: 's' | 'm' | 'l';
  firstCellIsHeader?: boolean;
}) {
  const captionId = useId();
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box must be reachable by keyboard: the rule's documented exception
    <div className="heard-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="govuk-table">
        <caption id={captionId} className={`govuk-table__caption govuk-table__caption--${captionSize}`}>
          {caption}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((column, index) => (
              <th key={index} scope="col" className={`govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex} className="govuk-table__row">
              {row.map((cell, cellIndex) =>
                cellIndex === 0 && firstCellIsHeader ? (
                  <th key={cellIndex} scope="row" className="govuk-table__header">
                    {cell}
                  </th>
                ) : (
                  <td key={cellIndex} className={`govuk-table__cell${columns[cellIndex]?.numeric ? ' govuk-table__cell--numeric' : ''}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>;
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

export function WarningText({ children, assistive }: { children: ReactNode; assistive: string }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{assistive}</span>
        {children}
      </strong>
    </div>
  );
}

/** Works without JavaScript: it is the browser's own <details>. */
export function Details({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
