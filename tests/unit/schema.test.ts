import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  articleFrontmatterSchema,
  authorFrontmatterSchema,
  faqFrontmatterSchema,
  isoDateSchema,
  isRealCalendarDate,
} from '@/lib/schema';

/** The issues of a parse that must fail, reduced to what an editor is shown. */
function issuesOf(schema: z.ZodType, data: unknown): { path: PropertyKey[]; message: string }[] {
  const result = schema.safeParse(data);
  if (result.success) throw new Error(`expected ${JSON.stringify(data)} to be rejected`);
  return result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

const validArticle = {
  title: 'Building Trust',
  description: 'Why trust is the cornerstone of lasting relationships, and how to nurture it.',
  date: '2023-10-01',
  author: 'patrick-b-watson',
};

describe('articleFrontmatterSchema', () => {
  it('accepts the required fields and applies the defaults', () => {
    expect(articleFrontmatterSchema.parse(validArticle)).toEqual({
      ...validArticle,
      tags: [],
      draft: false,
    });
  });

  it('keeps every optional field and normalises tags to trimmed lowercase', () => {
    const parsed = articleFrontmatterSchema.parse({
      ...validArticle,
      updated: '2024-02-29',
      tags: [' Emotional Intimacy ', 'trust'],
      video: { id: 'gh5VhaicC6g', title: 'Skills', speaker: 'Joanne Davila', event: 'TEDxSBU' },
      disclaimer: 'Drafted with help.',
      draft: true,
    });
    expect(parsed.tags).toEqual(['emotional intimacy', 'trust']);
    expect(parsed.updated).toBe('2024-02-29');
    expect(parsed.video).toEqual({
      id: 'gh5VhaicC6g',
      title: 'Skills',
      speaker: 'Joanne Davila',
      event: 'TEDxSBU',
    });
    expect(parsed.draft).toBe(true);
  });

  it('rejects a tag with nothing its page address could keep', () => {
    // Tag pages live at /tags/<slug>, and the slug keeps Latin letters and digits: a Greek-only
    // tag would have an empty address, and would merge with every other such tag.
    expect(
      issuesOf(articleFrontmatterSchema, { ...validArticle, tags: ['ελληνικά', 'café'] }),
    ).toEqual([
      {
        path: ['tags', 0],
        message: 'needs a Latin letter or digit for its page address (/tags/…), e.g. "trust"',
      },
    ]);
  });

  it('rejects a description shorter than 50 characters', () => {
    expect(
      issuesOf(articleFrontmatterSchema, { ...validArticle, description: 'Too short.' }),
    ).toEqual([
      {
        path: ['description'],
        message: 'must be at least 50 characters: write the summary a search result should show',
      },
    ]);
  });

  it('counts the description after trimming', () => {
    const padded = `   ${'x'.repeat(49)}   `;
    expect(issuesOf(articleFrontmatterSchema, { ...validArticle, description: padded })).toEqual([
      {
        path: ['description'],
        message: 'must be at least 50 characters: write the summary a search result should show',
      },
    ]);
  });

  it('rejects a video id that is not 11 YouTube characters', () => {
    const video = { id: 'gh5Vhai!C6g', title: 'Skills' };
    expect(issuesOf(articleFrontmatterSchema, { ...validArticle, video })).toEqual([
      { path: ['video', 'id'], message: 'must be an 11-character YouTube video id' },
    ]);
  });

  it('rejects an unknown key, at the top level and inside video (strict objects)', () => {
    expect(issuesOf(articleFrontmatterSchema, { ...validArticle, subtitle: 'x' })).toEqual([
      { path: [], message: 'Unrecognized key: "subtitle"' },
    ]);
    const video = { id: 'gh5VhaicC6g', title: 'Skills', year: 2019 };
    expect(issuesOf(articleFrontmatterSchema, { ...validArticle, video })).toEqual([
      { path: ['video'], message: 'Unrecognized key: "year"' },
    ]);
  });

  it('gives a two-digit year its own calendar in the hint', () => {
    expect(issuesOf(articleFrontmatterSchema, { ...validArticle, date: '0023-02-29' })).toEqual([
      { path: ['date'], message: 'is not a real calendar date; February 23 has 28 days' },
    ]);
  });

  it('rejects an impossible date', () => {
    expect(issuesOf(articleFrontmatterSchema, { ...validArticle, date: '2023-02-30' })).toEqual([
      { path: ['date'], message: 'is not a real calendar date; February 2023 has 28 days' },
    ]);
  });

  it('rejects a date not written YYYY-MM-DD, saying so first', () => {
    const [first] = issuesOf(articleFrontmatterSchema, { ...validArticle, date: '1 Oct 2023' });
    expect(first).toEqual({ path: ['date'], message: 'must be a date written YYYY-MM-DD' });
  });

  it('reports a date not written YYYY-MM-DD only once', () => {
    expect(issuesOf(articleFrontmatterSchema, { ...validArticle, date: '1 Oct 2023' })).toEqual([
      { path: ['date'], message: 'must be a date written YYYY-MM-DD' },
    ]);
  });

  it('rejects an author that is not a slug', () => {
    expect(
      issuesOf(articleFrontmatterSchema, { ...validArticle, author: 'Patrick Watson' }),
    ).toEqual([{ path: ['author'], message: 'must be a slug such as "patrick-b-watson"' }]);
  });
});

describe('authorFrontmatterSchema', () => {
  it('accepts a name and role and defaults sameAs to []', () => {
    expect(authorFrontmatterSchema.parse({ name: 'Ada Lovelace', role: 'Writer' })).toEqual({
      name: 'Ada Lovelace',
      role: 'Writer',
      sameAs: [],
    });
  });

  it('rejects a sameAs entry that is not an absolute URL', () => {
    expect(
      issuesOf(authorFrontmatterSchema, { name: 'Ada', role: 'Writer', sameAs: ['example.org'] }),
    ).toEqual([
      {
        path: ['sameAs', 0],
        message: 'must be an absolute web address starting with https:// (or http://)',
      },
    ]);
  });

  it('rejects a sameAs entry that is not a web page, which would reach the JSON-LD', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'mailto:ada@example.org']) {
      expect(
        issuesOf(authorFrontmatterSchema, { name: 'Ada', role: 'Writer', sameAs: [url] }),
      ).toEqual([
        {
          path: ['sameAs', 0],
          message: 'must be an absolute web address starting with https:// (or http://)',
        },
      ]);
    }
  });

  it('rejects an unknown key', () => {
    expect(issuesOf(authorFrontmatterSchema, { name: 'Ada', role: 'Writer', bio: 'x' })).toEqual([
      { path: [], message: 'Unrecognized key: "bio"' },
    ]);
  });
});

describe('faqFrontmatterSchema', () => {
  it('accepts a title and an article slug', () => {
    const faq = { title: 'Questions', article: 'building-trust-and-emotional-intimacy' };
    expect(faqFrontmatterSchema.parse(faq)).toEqual(faq);
  });

  it('rejects an empty title and an unknown key', () => {
    expect(
      issuesOf(faqFrontmatterSchema, { title: '  ', article: 'a-slug', articles: ['x'] }),
    ).toEqual([
      { path: ['title'], message: 'must not be empty (the heading of this FAQ set)' },
      { path: [], message: 'Unrecognized key: "articles"' },
    ]);
  });
});

describe('isRealCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-10-01', true],
    ['2023-12-31', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-04-31', false],
    ['2023-4-1', false],
    ['2023-10-01T00:00:00Z', false],
    // Years 0–99 are years, not 1900–1999 (Date.UTC's reading).
    ['0024-03-05', true],
    ['0024-02-29', true],
    ['0023-02-29', false],
  ])('%s → %s', (text, expected) => {
    expect(isRealCalendarDate(text)).toBe(expected);
  });
});

describe('isoDateSchema', () => {
  it('keeps a valid date as the text written', () => {
    expect(isoDateSchema.parse('2024-02-29')).toBe('2024-02-29');
  });

  it('rejects a value that is not text', () => {
    expect(issuesOf(isoDateSchema, 20231001)).toEqual([
      { path: [], message: 'must be a date written YYYY-MM-DD' },
    ]);
  });
});
