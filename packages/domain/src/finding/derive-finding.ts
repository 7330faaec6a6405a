import type { Finding } from '../vocabulary';

/** One point of a complaint and its finding (`null` until decided). */
export type ComplaintPoint = { id: string; summary: string; finding: Finding | null };

/**
 * The complaint's finding, derived from its points (rules.md "Outcomes"):
 * all points upheld -> upheld; none upheld (no point upheld or partly
 * upheld) -> not upheld; otherwise partly upheld. `undefined` while there
 * are no points or a point has no finding yet: a complaint's finding is
 * never guessed.
 *
 * @example deriveFinding(['upheld', 'upheld']) // 'upheld'
 * @example deriveFinding(['not_upheld', 'not_upheld']) // 'not_upheld'
 * @example deriveFinding(['upheld', 'not_upheld']) // 'partly_upheld'
 * @example deriveFinding(['partly_upheld', 'not_upheld']) // 'partly_upheld'
 */
export function deriveFinding(points: readonly (Finding | null)[] | readonly Pick<ComplaintPoint, 'finding'>[]): Finding | undefined {
  if (points.length === 0) return undefined;
  let upheld = 0;
  let notUpheld = 0;
  for (const point of points) {
    const finding = typeof point === 'string' || point === null ? point : point.finding;
    if (finding === null) return undefined;
    if (finding === 'upheld') upheld += 1;
    else if (finding === 'not_upheld') notUpheld += 1;
  }
  if (upheld === points.length) return 'upheld';
  if (notUpheld === points.length) return 'not_upheld';
  return 'partly_upheld';
}

/**
 * How many points have each finding, for the case page and letters.
 *
 * @example countFindings([{ finding: 'upheld' }, { finding: null }]) // { upheld: 1, partly_upheld: 0, not_upheld: 0, undecided: 1 }
 */
export function countFindings(points: readonly Pick<ComplaintPoint, 'finding'>[]): Record<Finding | 'undecided', number> {
  const counts = { upheld: 0, partly_upheld: 0, not_upheld: 0, undecided: 0 };
  for (const point of points) counts[point.finding ?? 'undecided'] += 1;
  return counts;
}
