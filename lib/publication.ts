/**
 * What is published when: drafts and posts dated in the future stay out of production builds,
 * measured against one reading of the clock per build.
 */
import type { Article } from './content-load';
import { dateFromIso } from './site';

/**
 * The moment that decides what is published. A build reads it once: next.config.ts sets
 * CORNERSTONE_BUILD_TIME before the build workers start, so every worker agrees even when a
 * long build crosses midnight and a scheduled post's day begins halfway through. Set by hand
 * to build the site as of another time, it must be a date: a typo would otherwise build today.
 */
export function publicationClock(): Date {
  const fixed = process.env.CORNERSTONE_BUILD_TIME;
  if (!fixed) return new Date();
  const time = new Date(fixed);
  if (Number.isNaN(time.getTime())) {
    throw new Error(
      `CORNERSTONE_BUILD_TIME is not a date: "${fixed}"; use an ISO date such as 2024-05-01T00:00:00Z, or unset it`,
    );
  }
  return time;
}

/**
 * Whether an article is public. Drafts and posts dated in the future stay out of production
 * builds; `next dev` shows everything so editors can preview.
 */
export function isPublished(article: Article, now: Date = publicationClock()): boolean {
  if (process.env.NODE_ENV === 'development') return true;
  return publicationStatus(article, now) === 'published';
}

/** Whether an article is live, a draft, or dated in the future, regardless of environment. */
export function publicationStatus(
  article: Pick<Article, 'draft' | 'date'>,
  now: Date = publicationClock(),
): 'published' | 'draft' | 'scheduled' {
  if (article.draft) return 'draft';
  return dateFromIso(article.date).getTime() > now.getTime() ? 'scheduled' : 'published';
}
