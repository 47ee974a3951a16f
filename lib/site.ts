/** Site-wide settings. `SITE_URL` is read once so every absolute URL on a page agrees. */
import { slugify } from './slug';

function readSiteUrl(): URL {
  const raw = process.env.SITE_URL ?? 'http://localhost:3000';
  try {
    return new URL(raw);
  } catch {
    throw new Error(`SITE_URL is not an absolute URL: "${raw}"`);
  }
}

const baseUrl = readSiteUrl();

/**
 * What a production build says when SITE_URL is unset. The build still runs (a fresh checkout
 * must build and serve with no configuration), but every absolute URL it writes into pages,
 * feeds, the sitemap and robots.txt then names localhost, which is wrong anywhere else.
 */
export function siteUrlWarning(env: Record<string, string | undefined>): string | undefined {
  if (env.SITE_URL) return undefined;
  return (
    'SITE_URL is not set: canonical URLs, Open Graph, JSON-LD, feeds, the sitemap and robots.txt ' +
    'will point at http://localhost:3000. Before deploying, build with the public origin, e.g. ' +
    '`SITE_URL=https://example.com npm run build`.'
  );
}

const readableDates = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A Date at midnight UTC for a validated `YYYY-MM-DD`. */
export function dateFromIso(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A `YYYY-MM-DD` date as readers see it on the site: "1 October 2023". */
export function readableDate(date: string): string {
  return readableDates.format(dateFromIso(date));
}

export const site = {
  name: 'Cornerstone',
  tagline: 'Essays on trust, intimacy and the relationships that hold us up',
  description:
    'Cornerstone publishes carefully referenced long-form essays on trust, emotional intimacy and building meaningful relationships.',
  locale: 'en',
  /** Open Graph wants language_TERRITORY; the site writes and dates in British English. */
  openGraphLocale: 'en_GB',
  url: baseUrl.origin,
  nav: [
    { href: '/', label: 'Articles' },
    { href: '/tags', label: 'Tags' },
    { href: '/faq', label: 'FAQ' },
    { href: '/search', label: 'Search' },
  ],
} as const;

/** Absolute URL for a site path, e.g. `absoluteUrl('/faq#x')`. */
export function absoluteUrl(path: string): string {
  return new URL(path, baseUrl).toString();
}

export const routes = {
  home: () => '/',
  article: (slug: string) => `/articles/${slug}`,
  author: (slug: string) => `/authors/${slug}`,
  faq: (anchor?: string) => (anchor ? `/faq#${anchor}` : '/faq'),
  tags: () => '/tags',
  tag: (tag: string) => `/tags/${tagSlug(tag)}`,
  /** Page 1 of the article list is the home page; later pages live at /page/N. */
  page: (page: number) => listPage('/', page),
  /** Page N of a tag's articles: /tags/x, then /tags/x/page/N. */
  tagPage: (tag: string, page: number) => listPage(`/tags/${tagSlug(tag)}`, page),
  /** Page N of an author's articles: /authors/x, then /authors/x/page/N. */
  authorPage: (slug: string, page: number) => listPage(`/authors/${slug}`, page),
  articleOgImage: (slug: string) => `/og/articles/${slug}.png`,
  siteOgImage: () => '/og/site.png',
  rssFeed: () => '/feed.xml',
  atomFeed: () => '/atom.xml',
  jsonFeed: () => '/feed.json',
  sitemap: () => '/sitemap.xml',
  robots: () => '/robots.txt',
  /** The site icon (app/icon.svg). */
  icon: () => '/icon.svg',
  search: () => '/search',
} as const;

/**
 * Page N of a list whose first page is `first`: later pages live under `first`/page/N, and
 * page 1 is `first` itself (its /page/1 alias redirects there).
 */
export function listPage(first: string, page: number): string {
  if (page <= 1) return first;
  return `${first === '/' ? '' : first}/page/${page}`;
}

/** The URL segment of a tag: "emotional intimacy" → "emotional-intimacy". */
export function tagSlug(tag: string): string {
  return slugify(tag);
}

/** Articles per page of the home page list. */
export const ARTICLES_PER_PAGE = 10;

/** Pages a list of `count` articles takes; an empty list still has its page 1. */
export function listPageCount(count: number, perPage: number = ARTICLES_PER_PAGE): number {
  return Math.max(1, Math.ceil(count / perPage));
}

/**
 * Items in each feed: the newest articles, in full. Readers poll feeds for what is new, and a
 * feed carrying every article in full grows with the archive (at 1,000 articles each feed
 * weighed about 24 MB); the archive is on the site and in the sitemap.
 */
export const FEED_ITEMS = 20;

/** The id the FAQ page gives a set's title, which its questions are labelled by. */
export function faqSetId(slug: string): string {
  return `faq-set-${slug}`;
}

/**
 * Ids the page templates (components/, app/) put around rendered content. The content check
 * resolves `#anchor` links against them and refuses content ids that would collide.
 */
export const templateIds = {
  all: ['main'],
  article: [
    'article-title',
    'toc-title',
    'disclaimer-title',
    'faq-teaser-title',
    'author-card-title',
    'related-title',
    'article-nav-title',
  ],
  author: ['bio-title', 'author-articles-title'],
  faq: [],
  list: ['latest-title'],
} as const;
