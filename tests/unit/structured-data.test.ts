import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getArticle, getAuthor, getFaqSets } from '@/lib/content';
import { absoluteUrl } from '@/lib/site';
import {
  blogPostingJsonLd,
  breadcrumbJsonLd,
  citationJsonLd,
  faqPageJsonLd,
  profilePageJsonLd,
  serializeJsonLd,
} from '@/lib/structured-data';
import {
  ARTICLE_SPEC,
  BREADCRUMB_SPEC,
  FAQ_SPEC,
  PROFILE_SPEC,
  checkAgainstGoogle,
} from '../support/google-structured-data';

const SLUG = 'building-trust-and-emotional-intimacy';

function load() {
  const article = getArticle(SLUG);
  const author = article && getAuthor(article.author);
  if (!article || !author) throw new Error('the published article and its author must load');
  return { article, author };
}

describe('BlogPosting', () => {
  it('has every property Google recommends for articles', () => {
    const { article, author } = load();
    expect(checkAgainstGoogle(blogPostingJsonLd(article, author), ARTICLE_SPEC)).toEqual([]);
  });

  it('states the article’s own facts, dates with a zone, and one citation per reference', () => {
    const { article, author } = load();
    const doc = blogPostingJsonLd(article, author);
    expect(doc).toMatchObject({
      headline: article.title,
      description: article.description,
      datePublished: '2023-10-01T00:00:00Z',
      dateModified: '2023-10-01T00:00:00Z',
      wordCount: article.wordCount,
      keywords: ['relationships', 'trust', 'emotional intimacy', 'communication'],
      url: absoluteUrl(`/articles/${SLUG}`),
      mainEntityOfPage: { '@type': 'WebPage', '@id': absoluteUrl(`/articles/${SLUG}`) },
      image: [expect.any(String)],
      author: [
        {
          '@type': 'Person',
          name: 'Patrick B. Watson',
          url: absoluteUrl('/authors/patrick-b-watson'),
        },
      ],
      publisher: { '@type': 'Organization', name: 'Cornerstone' },
    });
    // The card's URL is versioned by its text and design, so a changed card is a new URL.
    const [image = ''] = z.array(z.string()).length(1).parse(doc.image);
    const card = new URL(image);
    expect(`${card.origin}${card.pathname}`).toBe(absoluteUrl(`/og/articles/${SLUG}.png`));
    expect([...card.searchParams.keys()]).toEqual(['v']);
    expect(card.searchParams.get('v')).toMatch(/^[0-9a-f]{10}$/);
    expect(article.wordCount).toBeGreaterThan(1000);
    const citations = JSON.parse(JSON.stringify(doc.citation));
    expect(citations).toHaveLength(7);
    expect(citations[1]).toEqual({
      '@type': 'ScholarlyArticle',
      name: 'Trust in close relationships',
      author: [
        { '@type': 'Person', name: 'Rempel, J. K.' },
        { '@type': 'Person', name: 'Holmes, J. G.' },
        { '@type': 'Person', name: 'Zanna, M. P.' },
      ],
      datePublished: '1985',
      isPartOf: {
        '@type': 'CreativeWork',
        name: 'Social exchange: Advances in theory and research',
      },
    });
    expect(citations.map((c: { '@type': string }) => c['@type'])).toEqual([
      'Book',
      'ScholarlyArticle',
      'Book',
      'Book',
      'Book',
      'Book',
      'Book',
    ]);
    // Every citation's title is text a reader sees in the References.
    citations.forEach((citation: { name: string }, i: number) =>
      expect(article.footnotes[i]?.text).toContain(citation.name),
    );
  });
});

describe('citationJsonLd', () => {
  it('names a reference it cannot read by its visible text, and claims nothing more', () => {
    const text = 'See the author’s notes on trust, linked below.';
    expect(citationJsonLd({ number: 1, id: 'fn-notes', text, html: '', urls: [] })).toEqual({
      '@type': 'CreativeWork',
      name: text,
    });
  });
});

describe('BreadcrumbList', () => {
  it('meets Google’s required properties, positions from 1, absolute items', () => {
    const doc = breadcrumbJsonLd([
      { name: 'Cornerstone', path: '/' },
      { name: 'Frequently asked questions', path: '/faq' },
    ]);
    expect(checkAgainstGoogle(doc, BREADCRUMB_SPEC)).toEqual([]);
    expect(doc.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Cornerstone', item: absoluteUrl('/') },
      {
        '@type': 'ListItem',
        position: 2,
        name: 'Frequently asked questions',
        item: absoluteUrl('/faq'),
      },
    ]);
  });
});

describe('ProfilePage', () => {
  it('meets Google’s required properties and the recommended ones an author file can give', () => {
    const { author } = load();
    const doc = profilePageJsonLd(author);
    expect(checkAgainstGoogle(doc, PROFILE_SPEC)).toEqual([]);
    expect(doc.mainEntity).toMatchObject({
      '@type': 'Person',
      name: 'Patrick B. Watson',
      description: author.role,
      url: absoluteUrl('/authors/patrick-b-watson'),
    });
    expect(JSON.stringify(doc)).not.toContain('sameAs');
  });

  it('carries sameAs when the author lists profiles', () => {
    const { author } = load();
    const doc = profilePageJsonLd({ ...author, sameAs: ['https://example.org/pbw'] });
    expect(doc.mainEntity).toMatchObject({ sameAs: ['https://example.org/pbw'] });
  });
});

describe('FAQPage', () => {
  it('meets Google’s required properties', () => {
    expect(checkAgainstGoogle(faqPageJsonLd(getFaqSets()), FAQ_SPEC)).toEqual([]);
  });
});

describe('the Google property check itself', () => {
  it('reports what is missing, through arrays', () => {
    expect(
      checkAgainstGoogle(
        { '@type': 'BlogPosting', headline: 'x', author: [{ name: 'A' }, { url: 'u' }] },
        ARTICLE_SPEC,
      ),
    ).toEqual([
      'recommended author.name is missing',
      'recommended author.url is missing',
      'recommended dateModified is missing',
      'recommended datePublished is missing',
      'recommended image is missing',
    ]);
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its script element', () => {
    const text = serializeJsonLd({ headline: '</script><script>alert(1)</script> & \u2028' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({
      headline: '</script><script>alert(1)</script> & \u2028',
    });
  });
});
