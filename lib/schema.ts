/**
 * Content schemas, declared once. Every content type in the app is inferred from these, so a
 * frontmatter field cannot be added, renamed or retyped without the compiler following it.
 *
 * Objects are strict: an unknown key is almost always a typo of a known one, and silently
 * ignoring it would publish a post without the field the editor thought they had set.
 */
import { z } from 'zod';
import { tagSlug } from './site';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `YYYY-MM-DD` names a day that exists. YAML parsers roll `2023-02-30` over to
 * March 2, so dates are kept as the text the editor wrote and checked here.
 */
export function isRealCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const probe = utcDate(year, month - 1, day);
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

/**
 * A UTC date for any year. Date.UTC reads the years 0–99 as 1900–1999, which made "0024-03-05"
 * an impossible date and its hint "March 24 has 31 days".
 */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

export const isoDateSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .regex(DATE_PATTERN, { error: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(isRealCalendarDate, {
    error: (issue) => `is not a real calendar date${calendarHint(issue.input)}`,
  });

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "; February 2023 has 28 days" for an impossible day, so the fix is obvious. */
function calendarHint(input: unknown): string {
  const match = typeof input === 'string' ? DATE_PATTERN.exec(input) : null;
  if (!match) return '';
  const year = Number(match[1]);
  const month = Number(match[2]);
  const name = MONTHS[month - 1];
  if (!name) return `; the month must be 01 to 12`;
  const days = utcDate(year, month, 0).getUTCDate();
  return `; ${name} ${year} has ${days} days`;
}

/** Slugs are file names: lowercase words joined by hyphens. */
export const slugSchema = z
  .string({ error: 'must be a slug such as "patrick-b-watson"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug such as "patrick-b-watson"');

const text = (what: string, max: number) =>
  z
    .string({ error: `must be text (${what})` })
    .trim()
    .min(1, `must not be empty (${what})`)
    .max(max, `must be at most ${max} characters (${what})`);

export const videoSchema = z.strictObject({
  id: z
    .string({ error: 'must be a YouTube video id' })
    .regex(/^[A-Za-z0-9_-]{11}$/, 'must be an 11-character YouTube video id'),
  title: text('the video title', 200),
  speaker: text('who speaks in the video', 120).optional(),
  event: text('where it was recorded', 120).optional(),
});

export const tagSchema = z
  .string({ error: 'must be text' })
  .trim()
  .toLowerCase()
  .regex(/^[\p{Ll}\p{N}][\p{Ll}\p{N} -]*$/u, 'must be lowercase words, e.g. "emotional intimacy"')
  .max(40, 'must be at most 40 characters')
  // The tag's page is /tags/<slug>, and the slug keeps Latin letters and digits only.
  .refine((tag) => tagSlug(tag) !== '', {
    error: 'needs a Latin letter or digit for its page address (/tags/…), e.g. "trust"',
  });

/**
 * What `npm run new` writes as a new article's description. It is long enough to pass the
 * length rule so a fresh draft previews at once; the gate refuses it once the post is no
 * longer a draft.
 */
export const PLACEHOLDER_DESCRIPTION =
  'TODO: one or two sentences that sum up this article for search results and link previews.';

/** What `npm run new -- --author` writes as a new author's role; the gate always refuses it. */
export const PLACEHOLDER_ROLE = 'TODO: a short role line, e.g. "Writer on relationships"';

export const articleFrontmatterSchema = z
  .strictObject({
    title: text('the headline', 160),
    description: z
      .string({ error: 'must be text (a one- or two-sentence summary)' })
      .trim()
      .min(50, 'must be at least 50 characters: write the summary a search result should show')
      .max(200, 'must be at most 200 characters: search engines cut longer snippets'),
    date: isoDateSchema,
    updated: isoDateSchema.optional(),
    author: slugSchema,
    tags: z.array(tagSchema, { error: 'must be a list of tags' }).default([]),
    video: videoSchema.optional(),
    disclaimer: text('a note shown set off from the article', 1000).optional(),
    draft: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .superRefine((article, context) => {
    if (!article.draft && article.description === PLACEHOLDER_DESCRIPTION) {
      context.addIssue({
        code: 'custom',
        path: ['description'],
        message:
          'is still the placeholder from `npm run new`; write the summary a search result should show (a placeholder is only allowed while `draft: true`)',
      });
    }
  });

export const authorFrontmatterSchema = z.strictObject({
  name: text('the author’s full name', 120),
  role: text('a short role line', 160).refine(
    (role) => role !== PLACEHOLDER_ROLE,
    'is still the placeholder from `npm run new`; write a short role line, e.g. "Writer on relationships"',
  ),
  // Profiles are web pages: javascript:, data: or mailto: would reach the structured data.
  sameAs: z
    .array(
      z.url({
        protocol: /^https?$/,
        error: 'must be an absolute web address starting with https:// (or http://)',
      }),
    )
    .default([]),
});

export const faqFrontmatterSchema = z.strictObject({
  title: text('the heading of this FAQ set', 160),
  article: slugSchema,
});

export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;
export type AuthorFrontmatter = z.infer<typeof authorFrontmatterSchema>;
export type FaqFrontmatter = z.infer<typeof faqFrontmatterSchema>;
