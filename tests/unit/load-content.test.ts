/**
 * loadContent over fixture trees in tests/fixtures/content/<case>/. Paths in diagnostics are
 * relative to process.cwd(), so these tests run from the repository root (as vitest does).
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content';
import type { Diagnostic } from '@/lib/diagnostics';

const root = (name: string) => `tests/fixtures/content/${name}`;

/** An error diagnostic for a file of fixture tree `name`. */
function error(
  name: string,
  file: string,
  line: number,
  column: number,
  message: string,
): Diagnostic {
  return { file: `${root(name)}/${file}`, line, column, severity: 'error', message };
}

describe("loadContent: a watch, for the check's watchdog", () => {
  it('hears each body start and end parsing, with its file and first line', () => {
    const events: string[] = [];
    loadContent(root('valid'), {
      watch: { onParse: ({ file, line }, phase) => events.push(`${phase} ${file}:${line}`) },
    });
    expect(events.length).toBeGreaterThan(2);
    // Strictly paired: a body ends before the next one starts.
    for (let index = 0; index < events.length; index += 2) {
      expect(events[index]).toMatch(/^start tests\/fixtures\/content\/valid\/.+\.md:\d+$/);
      expect(events[index + 1]).toBe(events[index]?.replace(/^start/, 'end'));
    }
    expect(events).toContain('start tests/fixtures/content/valid/authors/ada-lovelace.md:7');
  });
});

describe('loadContent: a valid tree', () => {
  const { content, diagnostics } = loadContent(root('valid'));

  it('reports no diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('loads authors with slugs from file names, defaults and rendered bios', () => {
    expect(content.authors).toEqual([
      {
        name: 'Ada Lovelace',
        role: 'Writes about friendship and trust',
        sameAs: ['https://en.wikipedia.org/wiki/Ada_Lovelace'],
        slug: 'ada-lovelace',
        sourcePath: 'tests/fixtures/content/valid/authors/ada-lovelace.md',
        bioHtml: '<p>Ada writes about <strong>friendship</strong>.</p>',
        videos: [],
      },
      {
        name: 'Grace Hopper',
        role: 'Writes about family and repair',
        sameAs: [],
        slug: 'grace-hopper',
        sourcePath: 'tests/fixtures/content/valid/authors/grace-hopper.md',
        bioHtml: '<p>Grace writes about family.</p>',
        videos: [],
      },
    ]);
  });

  it('sorts articles newest first', () => {
    expect(content.articles.map((a) => [a.slug, a.date])).toEqual([
      ['later-thoughts', '2024-03-02'],
      ['first-steps', '2024-01-15'],
    ]);
  });

  it('keeps frontmatter values, with defaults and normalised tags', () => {
    const [later, first] = content.articles;
    expect(later).toMatchObject({
      title: 'Later Thoughts on Listening',
      updated: '2024-03-10',
      author: 'grace-hopper',
      tags: ['listening', 'emotional intimacy'],
      video: { id: 'gh5VhaicC6g', title: 'A Fixture Talk' },
      draft: true,
      sourcePath: 'tests/fixtures/content/valid/articles/later-thoughts.md',
    });
    expect(first).toMatchObject({ author: 'ada-lovelace', tags: [], draft: false });
    expect(first?.updated).toBeUndefined();
    expect(first?.video).toBeUndefined();
  });

  it('counts body words (not references) and derives reading time', () => {
    const [later, first] = content.articles;
    expect(first?.wordCount).toBe(36);
    expect(later?.wordCount).toBe(14);
    expect(first?.readingMinutes).toBe(1);
    expect(later?.readingMinutes).toBe(1);
  });

  it('builds the outline from h2 and h3, without citation numbers', () => {
    expect(content.articles[1]?.outline).toEqual([
      { depth: 2, id: 'small-promises', text: 'Small Promises' },
      { depth: 3, id: 'why-they-matter', text: 'Why They Matter' },
      { depth: 2, id: 'repair', text: 'Repair' },
    ]);
  });

  it('collects footnotes in reading order, without back-links', () => {
    expect(
      content.articles[1]?.footnotes.map(({ number, id, text, urls }) => ({
        number,
        id,
        text,
        urls,
      })),
    ).toEqual([
      {
        number: 1,
        id: 'fn-slow',
        text: 'Slow, R. (2020). “Trust Takes Time.” A fixture reference.',
        urls: [],
      },
      {
        number: 2,
        id: 'fn-repair',
        text: 'Mend, A. (2021). “Repair.” Link',
        urls: ['https://example.org/repair'],
      },
    ]);
    expect(content.articles[0]?.footnotes).toEqual([]);
    expect(content.articles[0]?.referencesHtml).toBe('');
  });

  it('loads FAQ sets with one entry per "##" question', () => {
    expect(content.faqSets).toEqual([
      {
        title: 'First Steps Toward Trust, Questions',
        article: 'first-steps',
        slug: 'first-steps',
        sourcePath: 'tests/fixtures/content/valid/faq/first-steps.md',
        entries: [
          {
            id: 'how-long-does-trust-take',
            question: 'How long does trust take?',
            answerHtml: '<p>It takes <em>months</em>, not days.</p>',
            answerText: 'It takes months, not days.',
          },
          {
            id: 'can-trust-be-repaired',
            question: 'Can trust be repaired?',
            answerHtml: '<p>Yes, with consistent effort.</p>',
            answerText: 'Yes, with consistent effort.',
          },
        ],
        videos: [],
      },
    ]);
  });
});

describe('loadContent: the real content/ tree', () => {
  it('loads without diagnostics', () => {
    const { content, diagnostics } = loadContent('content');
    expect(diagnostics).toEqual([]);
    expect(content.articles.map((a) => [a.slug, a.readingMinutes])).toEqual([
      ['building-trust-and-emotional-intimacy', 5],
    ]);
    expect(content.authors.map((a) => a.slug)).toEqual(['patrick-b-watson']);
    expect(content.faqSets.map((s) => [s.slug, s.entries.length])).toEqual([
      ['building-trust-and-emotional-intimacy', 5],
    ]);
  });
});

describe('loadContent: one broken tree per rule', () => {
  const diagnosticsOf = (name: string) => loadContent(root(name)).diagnostics;

  it('missing required field', () => {
    expect(diagnosticsOf('missing-field')).toEqual([
      error(
        'missing-field',
        'articles/no-title.md',
        2,
        1,
        'title: is required; it must be text (the headline)',
      ),
    ]);
  });

  it('wrongly typed field', () => {
    expect(diagnosticsOf('wrong-type')).toEqual([
      error('wrong-type', 'articles/tags-not-a-list.md', 6, 7, 'tags: must be a list of tags'),
    ]);
  });

  it('unknown field, with the near-match suggested', () => {
    const file = 'articles/title-typo.md';
    expect(diagnosticsOf('unknown-field')).toEqual([
      error('unknown-field', file, 2, 1, 'title: is required; it must be text (the headline)'),
      // At the misspelt name, not at the value after it.
      error('unknown-field', file, 2, 1, 'unknown field "titel"; did you mean "title"?'),
    ]);
  });

  it('impossible date, at the line of the date', () => {
    expect(diagnosticsOf('impossible-date')).toEqual([
      error(
        'impossible-date',
        'articles/february-thirtieth.md',
        4,
        7,
        'date: is not a real calendar date; February 2023 has 28 days',
      ),
    ]);
  });

  it('invalid YAML, at the line of the error', () => {
    expect(diagnosticsOf('invalid-yaml')).toEqual([
      error(
        'invalid-yaml',
        'articles/duplicate-key.md',
        5,
        1,
        'frontmatter is not valid YAML: Map keys must be unique; each field may appear only once',
      ),
    ]);
  });

  it('invalid YAML from an unquoted colon, at the value', () => {
    // The YAML library's words say what is wrong in YAML's terms; the hint after them says
    // what to type instead, built from the editor's own line. Both are pinned exactly, so a
    // yaml upgrade that rewords or renumbers the error shows up here instead of passing.
    expect(diagnosticsOf('yaml-unquoted-colon')).toEqual([
      error(
        'yaml-unquoted-colon',
        'articles/unquoted-colon.md',
        2,
        8,
        'frontmatter is not valid YAML: Nested mappings are not allowed in compact mappings; ' +
          'a value containing ": " must be in quotes: title: "Trust: A Practical Guide"',
      ),
    ]);
  });

  it('"---js" front matter, rejected without being evaluated', () => {
    expect(diagnosticsOf('js-frontmatter')).toEqual([
      error(
        'js-frontmatter',
        'articles/evaluated.md',
        1,
        4,
        'front matter must be YAML opened by a bare "---", not "---js"; it is never evaluated',
      ),
    ]);
    expect(Reflect.get(globalThis, '__pwned')).toBeUndefined();
  });

  it('unknown author', () => {
    const { content, diagnostics } = loadContent(root('unknown-author'));
    expect(diagnostics).toEqual([
      error(
        'unknown-author',
        'articles/orphan.md',
        5,
        9,
        'author: no author "nobody-we-know" in tests/fixtures/content/unknown-author/authors/ (known: ada-lovelace)',
      ),
    ]);
    expect(content.articles.map((a) => a.slug)).toEqual(['orphan']);
  });

  it('FAQ set naming an unknown article', () => {
    expect(diagnosticsOf('faq-unknown-article')).toEqual([
      error(
        'faq-unknown-article',
        'faq/lost-questions.md',
        3,
        10,
        'article: no article "no-such-article" in tests/fixtures/content/faq-unknown-article/articles/',
      ),
    ]);
  });

  it('file name that is not a slug', () => {
    const { content, diagnostics } = loadContent(root('bad-file-name'));
    expect(diagnostics).toEqual([
      error(
        'bad-file-name',
        'articles/Bad Name.md',
        1,
        1,
        'file name "Bad Name.md" must be a slug (lowercase words joined by hyphens), e.g. "bad-name.md"',
      ),
    ]);
    expect(content.articles).toEqual([]);
  });

  it('two files with the same slug in different subfolders', () => {
    const { content, diagnostics } = loadContent(root('duplicate-slug'));
    expect(diagnostics).toEqual([
      error(
        'duplicate-slug',
        'articles/2024/same-name.md',
        1,
        1,
        'slug "same-name" is already used by tests/fixtures/content/duplicate-slug/articles/2023/same-name.md; rename one of the files',
      ),
    ]);
    expect(content.articles.map((a) => a.title)).toEqual(['The First File With This Name']);
  });

  it('FAQ set with no "##" question', () => {
    expect(diagnosticsOf('faq-no-question')).toEqual([
      error(
        'faq-no-question',
        'faq/first-steps.md',
        5,
        1,
        'a FAQ set needs at least one "## Question?" heading followed by its answer',
      ),
      error(
        'faq-no-question',
        'faq/first-steps.md',
        8,
        1,
        'heading level skips from h1 to h3; use ## here, or add the missing h2 above it',
      ),
    ]);
  });
});
