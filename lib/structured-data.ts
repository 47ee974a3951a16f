/**
 * Pure functions from content objects to schema.org JSON-LD, typed with schema-dts. They take
 * the same parsed objects the pages render, so structured data cannot say something the page
 * does not.
 */
import type {
  BlogPosting,
  Book,
  BreadcrumbList,
  CreativeWork,
  FAQPage,
  Person,
  ProfilePage,
  ScholarlyArticle,
  WithContext,
} from 'schema-dts';
import { parseCitation } from './citations';
import type { Article, Author, FaqSet } from './content';
import type { Footnote } from './markdown';
import { articleOgImagePath } from './og-image';
import { absoluteUrl, routes, site } from './site';

/**
 * A content date (`YYYY-MM-DD`) as an ISO 8601 timestamp with its zone. Dates are written as
 * days; they are published at midnight UTC, the same instant `isPublished` uses.
 */
export function isoTimestamp(date: string): string {
  return `${date}T00:00:00Z`;
}

function personJsonLd(author: Author, extra: { description?: string } = {}): Person {
  return {
    '@type': 'Person',
    ...extra,
    '@id': `${absoluteUrl(routes.author(author.slug))}#person`,
    name: author.name,
    url: absoluteUrl(routes.author(author.slug)),
    ...(author.sameAs.length ? { sameAs: author.sameAs } : {}),
  };
}

/** One schema.org work per reference, with only the facts the reference itself states. */
export function citationJsonLd(footnote: Footnote): Book | ScholarlyArticle | CreativeWork {
  const parsed = parseCitation(footnote.text);
  const facts = {
    name: parsed.title ?? footnote.text,
    ...(parsed.authors.length
      ? { author: parsed.authors.map((name) => ({ '@type': 'Person' as const, name })) }
      : {}),
    ...(parsed.year ? { datePublished: parsed.year } : {}),
  };
  if (parsed.kind === 'ScholarlyArticle') {
    return {
      '@type': 'ScholarlyArticle',
      ...facts,
      ...(parsed.container
        ? { isPartOf: { '@type': 'CreativeWork' as const, name: parsed.container } }
        : {}),
    };
  }
  if (parsed.kind === 'Book') return { '@type': 'Book', ...facts };
  return { '@type': 'CreativeWork', ...facts };
}

export function blogPostingJsonLd(article: Article, author: Author): WithContext<BlogPosting> {
  const url = absoluteUrl(routes.article(article.slug));
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: article.title,
    description: article.description,
    image: [absoluteUrl(articleOgImagePath(article, author))],
    datePublished: isoTimestamp(article.date),
    dateModified: isoTimestamp(article.updated ?? article.date),
    author: [personJsonLd(author)],
    publisher: { '@type': 'Organization', name: site.name, url: absoluteUrl(routes.home()) },
    inLanguage: site.locale,
    wordCount: article.wordCount,
    keywords: article.tags,
    citation: article.footnotes.map(citationJsonLd),
  };
}

export interface Crumb {
  name: string;
  path: string;
}

/** A breadcrumb trail from the home page to the current page, which is the last crumb. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem' as const,
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  };
}

export function profilePageJsonLd(author: Author): WithContext<ProfilePage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: absoluteUrl(routes.author(author.slug)),
    mainEntity: personJsonLd(author, { description: author.role }),
  };
}

export function faqPageJsonLd(sets: readonly FaqSet[]): WithContext<FAQPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    url: absoluteUrl(routes.faq()),
    mainEntity: sets.flatMap((set) =>
      set.entries.map((entry) => ({
        '@type': 'Question' as const,
        '@id': absoluteUrl(routes.faq(entry.id)),
        name: entry.question,
        acceptedAnswer: { '@type': 'Answer' as const, text: entry.answerText },
      })),
    ),
  };
}

/**
 * Serialises JSON-LD for a `<script>` element. `<` is escaped so that no string in content
 * (a title containing `</script>`, say) can end the element early; `\u2028`/`\u2029` are
 * escaped because older parsers treat them as line ends inside strings.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
