/**
 * The summary `npm run check` ends with: the verdict, and the articles a build run now would
 * leave out, so a draft left behind or a year typed wrong (2203 for 2023) does not go unseen.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSummary, countProblems, unpublishedLines } from '@/lib/check-summary';
import { loadContent } from '@/lib/content';
import type { Diagnostic } from '@/lib/diagnostics';
import { fixtureTree } from '../support/check-fixtures';

const NOW = new Date('2024-06-01T09:30:00Z');

/** The base tree plus copies of its article with other dates and flags. */
function treeWith(copies: Record<string, { date: string; draft?: boolean }>): string {
  const root = fixtureTree();
  const original = readFileSync(path.join(root, 'articles/slow-mornings.md'), 'utf8');
  for (const [slug, { date, draft }] of Object.entries(copies)) {
    const text = original
      .replace('date: 2024-03-05', `date: ${date}${draft ? '\ndraft: true' : ''}`)
      .replace('title: Slow Mornings', `title: Slow Mornings ${slug}`);
    writeFileSync(path.join(root, `articles/${slug}.md`), text);
  }
  return root;
}

function summary(root: string, diagnostics: Diagnostic[] = []): string[] {
  const { content } = loadContent(root);
  const prefix = `${path.relative(process.cwd(), root)}/`;
  return checkSummary(content, diagnostics, NOW).map((line) => line.replaceAll(prefix, ''));
}

const problem = (file: string, severity: Diagnostic['severity']): Diagnostic => ({
  file,
  line: 1,
  column: 1,
  severity,
  message: 'something',
});

describe('the content check summary', () => {
  it('is one line when every article is published', () => {
    expect(summary(fixtureTree())).toEqual([
      '✔ content check passed: 1 article, 1 author and 1 FAQ set, no problems',
    ]);
  });

  it('lists drafts, then scheduled posts by date, with how far off each is', () => {
    const root = treeWith({
      'typo-year': { date: '2203-10-01' },
      tomorrow: { date: '2024-06-02' },
      'next-month': { date: '2024-07-16' },
      unfinished: { date: '2024-01-01', draft: true },
      'past-and-published': { date: '2024-05-31' },
    });
    expect(summary(root)).toEqual([
      '✔ content check passed: 6 articles, 1 author and 1 FAQ set, no problems',
      'Not published by a build now (4 articles; `npm run dev` shows them):',
      '  draft: articles/unfinished.md',
      '  scheduled for 2 June 2024, tomorrow: articles/tomorrow.md',
      '  scheduled for 16 July 2024, in 45 days: articles/next-month.md',
      '  scheduled for 1 October 2203, in 179 years: articles/typo-year.md',
    ]);
  });

  it('counts calendar years, whatever the leap days, and days below one year', () => {
    const root = treeWith({
      'one-year': { date: '2025-06-01' },
      'two-years': { date: '2026-06-01' },
      'a-day-short-of-three': { date: '2027-05-31' },
      'a-day-short-of-one': { date: '2025-05-31' },
    });
    expect(summary(root).slice(2)).toEqual([
      '  scheduled for 31 May 2025, in 364 days: articles/a-day-short-of-one.md',
      '  scheduled for 1 June 2025, in 1 year: articles/one-year.md',
      '  scheduled for 1 June 2026, in 2 years: articles/two-years.md',
      '  scheduled for 31 May 2027, in 2 years: articles/a-day-short-of-three.md',
    ]);
    // Across New Year, two days are two days, not a year.
    const december = treeWith({ 'new-year': { date: '2025-01-02' } });
    const { content } = loadContent(december);
    expect(unpublishedLines(content, new Date('2024-12-31T12:00:00Z'))).toEqual([
      expect.stringMatching(/^ {2}scheduled for 2 January 2025, in 2 days: .*new-year\.md$/),
    ]);
  });

  it('orders drafts by file, and posts scheduled for one day by file', () => {
    const root = treeWith({
      'b-draft': { date: '2024-01-01', draft: true },
      'a-draft': { date: '2024-02-01', draft: true },
      'z-later': { date: '2024-08-01' },
      'b-same-day': { date: '2024-07-01' },
      'a-same-day': { date: '2024-07-01' },
    });
    expect(summary(root).slice(2)).toEqual([
      '  draft: articles/a-draft.md',
      '  draft: articles/b-draft.md',
      '  scheduled for 1 July 2024, in 30 days: articles/a-same-day.md',
      '  scheduled for 1 July 2024, in 30 days: articles/b-same-day.md',
      '  scheduled for 1 August 2024, in 61 days: articles/z-later.md',
    ]);
  });

  it('a post dated today is published, not scheduled', () => {
    const root = treeWith({ today: { date: '2024-06-01' } });
    const { content } = loadContent(root);
    expect(unpublishedLines(content, NOW)).toEqual([]);
  });

  it('counts errors, warnings and files, and says what to do only when there are errors', () => {
    const root = fixtureTree();
    expect(summary(root, [problem('a.md', 'warning'), problem('a.md', 'warning')])).toEqual([
      '✖ content check: 0 errors and 2 warnings in 1 file',
    ]);
    expect(summary(root, [problem('a.md', 'error'), problem('b.md', 'warning')])).toEqual([
      '✖ content check: 1 error and 1 warning in 2 files; fix the errors above, then run `npm run check` again',
    ]);
    expect(countProblems([problem('a.md', 'error'), problem('b.md', 'warning')])).toEqual({
      errors: 1,
      warnings: 1,
    });
  });
});
