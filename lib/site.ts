/** Site-wide settings. `SITE_URL` is read once so every absolute URL on a page agrees. */

function readSiteUrl(): URL {
  const raw = process.env.SITE_URL ?? 'http://localhost:3000';
  try {
    return new URL(raw);
  } catch {
    throw new Error(`SITE_URL is not an absolute URL: "${raw}"`);
  }
}

const baseUrl = readSiteUrl();

export const site = {
  name: 'Cornerstone',
  tagline: 'Essays on trust, intimacy and the relationships that hold us up',
  description:
    'Cornerstone publishes carefully referenced long-form essays on trust, emotional intimacy and building meaningful relationships.',
  locale: 'en',
  url: baseUrl.origin,
  nav: [
    { href: '/', label: 'Articles' },
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
  search: () => '/search',
} as const;
