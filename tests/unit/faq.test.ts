import { readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { loadContent, type FaqSet } from '@/lib/content';
import { parseFrontmatter } from '@/lib/frontmatter';
import { renderMarkdownSections } from '@/lib/markdown';
import { site } from '@/lib/site';
import { faqPageJsonLd, serializeJsonLd } from '@/lib/structured-data';

const FAQ_PATH = 'content/faq/building-trust-and-emotional-intimacy.md';
const parsed = parseFrontmatter(readFileSync(FAQ_PATH, 'utf8'));
const sections = renderMarkdownSections(parsed.body);

/** The `## Question` lines of the source and the paragraph under each, as written. */
const sourceEntries = [...parsed.body.matchAll(/^## (.+)\n\n(.+)$/gm)].map((m) => ({
  question: m[1] ?? '',
  answer: m[2] ?? '',
}));

const faqSet = (entries: FaqSet['entries']): FaqSet => ({
  title: 'Questions',
  article: 'building-trust-and-emotional-intimacy',
  slug: 'building-trust-and-emotional-intimacy',
  sourcePath: FAQ_PATH,
  entries,
  videos: [],
});

const entries = sections.map((s) => ({
  id: s.id,
  question: s.heading,
  answerHtml: s.html,
  answerText: s.text,
}));

describe('renderMarkdownSections on the real FAQ', () => {
  it('finds exactly the 5 "##" questions, verbatim', () => {
    expect(sourceEntries).toHaveLength(5);
    expect(sections.map((s) => s.heading)).toEqual(sourceEntries.map((e) => e.question));
    expect(sections[0]?.heading).toBe('What are the signs of a trust issue in a relationship?');
  });

  it('gives each question an id that is the slug of its text', () => {
    const slugger = new GithubSlugger();
    expect(sections.map((s) => s.id)).toEqual(sourceEntries.map((e) => slugger.slug(e.question)));
    expect(sections[4]?.id).toBe('how-can-trust-and-emotional-intimacy-improve-overall-well-being');
  });

  it('takes the answer text from the paragraph under each question', () => {
    expect(sections.map((s) => s.text)).toEqual(sourceEntries.map((e) => e.answer));
    expect(sections.map((s) => s.html)).toEqual(sourceEntries.map((e) => `<p>${e.answer}</p>`));
  });

  it('ends a section at the next h2 but keeps h3 and lists inside it', () => {
    const split = renderMarkdownSections(
      'Intro is dropped.\n\n## One?\n\nFirst.\n\n### Detail\n\n- a\n- b\n\n## Two?\n\nSecond.\n',
    );
    expect(split).toEqual([
      {
        id: 'one',
        heading: 'One?',
        html: '<p>First.</p>\n<h3 id="detail">Detail</h3>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>',
        text: 'First. Detail a b',
      },
      { id: 'two', heading: 'Two?', html: '<p>Second.</p>', text: 'Second.' },
    ]);
  });
});

describe('the FAQ loader', () => {
  it('loads the real FAQ set with the same entries, tied to its article', () => {
    const [set] = loadContent('content').content.faqSets;
    expect(set?.article).toBe('building-trust-and-emotional-intimacy');
    expect(set?.title).toBe('Building Trust and Emotional Intimacy: Frequently Asked Questions');
    expect(set?.entries).toEqual(entries);
  });
});

describe('faqPageJsonLd', () => {
  const jsonLd = faqPageJsonLd([faqSet(entries)]);

  it('is a FAQPage whose questions and answers are the entries', () => {
    expect(jsonLd['@context']).toBe('https://schema.org');
    expect(jsonLd['@type']).toBe('FAQPage');
    expect(jsonLd.url).toBe(`${site.url}/faq`);
    expect(jsonLd.mainEntity).toEqual(
      entries.map((entry) => ({
        '@type': 'Question',
        '@id': `${site.url}/faq#${entry.id}`,
        name: entry.question,
        acceptedAnswer: { '@type': 'Answer', text: entry.answerText },
      })),
    );
  });

  it('lists the questions of every set, in order', () => {
    const first = faqSet([{ id: 'a', question: 'A?', answerHtml: '<p>1</p>', answerText: '1' }]);
    const second = faqSet([{ id: 'b', question: 'B?', answerHtml: '<p>2</p>', answerText: '2' }]);
    expect(JSON.parse(JSON.stringify(faqPageJsonLd([first, second]).mainEntity))).toEqual([
      {
        '@type': 'Question',
        '@id': `${site.url}/faq#a`,
        name: 'A?',
        acceptedAnswer: { '@type': 'Answer', text: '1' },
      },
      {
        '@type': 'Question',
        '@id': `${site.url}/faq#b`,
        name: 'B?',
        acceptedAnswer: { '@type': 'Answer', text: '2' },
      },
    ]);
  });
});

describe('serializeJsonLd', () => {
  const hostile = faqSet([
    {
      id: 'x',
      question: 'Is </script><script>alert(1)</script> safe?',
      answerHtml: '',
      answerText: 'Tom & Jerry > <!-- nothing \u2028 \u2029',
    },
  ]);
  const data = faqPageJsonLd([hostile]);
  const serialised = serializeJsonLd(data);

  it('leaves no character that could end or confuse a <script> element', () => {
    expect(serialised).not.toContain('<');
    expect(serialised).not.toContain('>');
    expect(serialised).not.toContain('&');
    expect(serialised).not.toContain('\u2028');
    expect(serialised).not.toContain('\u2029');
    expect(serialised).toContain('Is \\u003c/script\\u003e\\u003cscript\\u003e');
    expect(serialised).toContain('Tom \\u0026 Jerry \\u003e \\u003c!--');
  });

  it('round-trips through JSON.parse', () => {
    expect(JSON.parse(serialised)).toEqual(data);
  });

  it('serialises the real FAQ so that it round-trips', () => {
    const real = faqPageJsonLd([faqSet(entries)]);
    expect(JSON.parse(serializeJsonLd(real))).toEqual(real);
  });
});
