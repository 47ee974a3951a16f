/**
 * Builds each page's metadata (title, description, canonical, Open Graph, Twitter card, feed
 * links) from the same content objects the page renders.
 *
 * Next merges metadata one top-level key at a time: a page that sets `alternates` or
 * `openGraph` replaces the layout's object whole. So every page gets complete objects from
 * here rather than relying on the layout for the parts it did not mention.
 */
import type { Metadata } from 'next';
import type { Article, Author } from './content';
import { articleOgImagePath, OG_IMAGE_SIZE, siteOgImagePath } from './og-image';
import { isoTimestamp } from './structured-data';
import { absoluteUrl, routes, site } from './site';

export interface OgImage {
  url: string;
  width: number;
  height: number;
  alt: string;
  type: string;
}

export function siteOgImage(): OgImage {
  return {
    url: absoluteUrl(siteOgImagePath()),
    ...OG_IMAGE_SIZE,
    alt: `${site.name}: ${site.tagline}`,
    type: 'image/png',
  };
}

export function articleOgImage(article: Article, author: Author | undefined): OgImage {
  return {
    url: absoluteUrl(articleOgImagePath(article, author)),
    ...OG_IMAGE_SIZE,
    alt: author
      ? `${article.title}, by ${author.name}. ${site.name}`
      : `${article.title}. ${site.name}`,
    type: 'image/png',
  };
}

/** The feeds, advertised with `<link rel="alternate">` on every page. */
export const feedAlternates = {
  'application/rss+xml': [{ url: routes.rssFeed(), title: `${site.name} (RSS)` }],
  'application/atom+xml': [{ url: routes.atomFeed(), title: `${site.name} (Atom)` }],
  'application/feed+json': [{ url: routes.jsonFeed(), title: `${site.name} (JSON Feed)` }],
};

interface PageInput {
  /** The page's own title; the layout template appends the site name. */
  title: string;
  description: string;
  path: string;
  image?: OgImage;
  /** Use the title as is, without the layout's `— Site` suffix (the home page). */
  absoluteTitle?: boolean;
}

/** Metadata for an ordinary page (home, author, FAQ). */
export function pageMetadata({
  title,
  description,
  path,
  image = siteOgImage(),
  absoluteTitle = false,
}: PageInput) {
  const url = absoluteUrl(path);
  return {
    title: absoluteTitle ? { absolute: title } : title,
    description,
    alternates: { canonical: url, types: feedAlternates },
    openGraph: {
      type: 'website',
      siteName: site.name,
      locale: site.openGraphLocale,
      url,
      title,
      description,
      images: [image],
    },
    twitter: {
      card: 'summary_large_image',
      title,
      description,
      images: [{ url: image.url, alt: image.alt }],
    },
  } satisfies Metadata;
}

export function articleMetadata(article: Article, author: Author | undefined): Metadata {
  const base = pageMetadata({
    title: article.title,
    description: article.description,
    path: routes.article(article.slug),
    image: articleOgImage(article, author),
  });
  return {
    ...base,
    authors: author ? [{ name: author.name, url: absoluteUrl(routes.author(author.slug)) }] : [],
    keywords: article.tags,
    openGraph: {
      ...base.openGraph,
      type: 'article',
      publishedTime: isoTimestamp(article.date),
      modifiedTime: isoTimestamp(article.updated ?? article.date),
      authors: author ? [absoluteUrl(routes.author(author.slug))] : [],
      tags: article.tags,
    },
  };
}
