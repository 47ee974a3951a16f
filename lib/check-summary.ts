/**
 * The closing lines of `npm run check`: what was checked, how many problems, and which articles
 * a build run now would leave out. Drafts and scheduled posts pass the check silently, so an
 * article dated 2203 instead of 2023 would otherwise wait two centuries without a word; listing
 * each with its date and how far off it is makes such a slip plain.
 */
import type { ContentIndex } from './content';
import { publicationStatus } from './content';
import type { Diagnostic } from './diagnostics';
import { dateFromIso, readableDate } from './site';

const DAY_MS = 24 * 60 * 60 * 1000;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * "tomorrow", "in 45 days", "in 3 years": the wait until a scheduled date. Years are calendar
 * years (1 June 2024 to 1 June 2025 is one, whatever the leap days), counted in UTC like the
 * publication clock.
 */
function waitUntil(date: string, now: Date): string {
  const target = dateFromIso(date);
  const days = Math.ceil((target.getTime() - now.getTime()) / DAY_MS);
  if (days <= 1) return 'tomorrow';
  const [month, day] = [target.getUTCMonth(), target.getUTCDate()];
  const anniversaryPassed =
    month > now.getUTCMonth() || (month === now.getUTCMonth() && day >= now.getUTCDate());
  const years = target.getUTCFullYear() - now.getUTCFullYear() - (anniversaryPassed ? 0 : 1);
  return years >= 1 ? `in ${plural(years, 'year')}` : `in ${days} days`;
}

/** One line per article a build now would leave out: drafts, then scheduled posts, soonest first. */
export function unpublishedLines(content: ContentIndex, now: Date): string[] {
  const lines: { order: string; text: string }[] = [];
  for (const article of content.articles) {
    const status = publicationStatus(article, now);
    if (status === 'draft') {
      lines.push({ order: `0 ${article.sourcePath}`, text: `draft: ${article.sourcePath}` });
    } else if (status === 'scheduled') {
      const when = `${readableDate(article.date)}, ${waitUntil(article.date, now)}`;
      lines.push({
        order: `1 ${article.date} ${article.sourcePath}`,
        text: `scheduled for ${when}: ${article.sourcePath}`,
      });
    }
  }
  return lines.sort((a, b) => a.order.localeCompare(b.order)).map(({ text }) => `  ${text}`);
}

export function countProblems(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
} {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

/** The summary `npm run check` prints after the problems it found. */
export function checkSummary(
  content: ContentIndex,
  diagnostics: readonly Diagnostic[],
  now: Date,
): string[] {
  const { errors, warnings } = countProblems(diagnostics);
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const checked =
    `${plural(content.articles.length, 'article')}, ${plural(content.authors.length, 'author')}` +
    ` and ${plural(content.faqSets.length, 'FAQ set')}`;
  const verdict =
    diagnostics.length === 0
      ? `✔ content check passed: ${checked}, no problems`
      : `✖ content check: ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}` +
        (errors > 0 ? '; fix the errors above, then run `npm run check` again' : '');
  const waiting = unpublishedLines(content, now);
  if (waiting.length === 0) return [verdict];
  const count = plural(waiting.length, 'article');
  return [
    verdict,
    `Not published by a build now (${count}; \`npm run dev\` shows them):`,
    ...waiting,
  ];
}
