/** GOV.UK pagination for keyset pages: "Next page" (and back to the first), as links that work without JavaScript. */
export function Pagination({ nextHref, firstHref, labels }: { nextHref: string | null; firstHref: string | null; labels: { next: string; first: string; navigation: string } }) {
  if (!nextHref && !firstHref) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={labels.navigation}>
      {firstHref ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={firstHref} rel="prev">
            <span className="govuk-pagination__link-title">{labels.first}</span>
          </a>
        </div>
      ) : null}
      {nextHref ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={nextHref} rel="next">
            <span className="govuk-pagination__link-title">{labels.next}</span>
          </a>
        </div>
      ) : null}
    </nav>
  );
}
