/** Editorial rules as pure functions: what gets published, and what is due for review. */
import { editorial } from '../site-config.ts';

/**
 * Which entries a build includes: everything in `npm run dev` (so editors preview drafts);
 * in production, published entries, plus those awaiting review if the site config says so.
 */
export function isPublished(status: string, dev: boolean, showPending = editorial.showPending): boolean {
  return dev || status === '已发布' || (status === '待审' && showPending);
}

/** True when an entry was last reviewed more than `years` years before `today` (both YYYY-MM-DD). */
export function dueForReview(reviewed: string, today: string, years = editorial.reviewAfterYears): boolean {
  const [y, m, d] = reviewed.split('-').map(Number);
  const limit = `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return limit < today;
}
