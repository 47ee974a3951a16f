import type { Metadata } from 'next';
import { SiteSearch } from '@/components/site-search';
import { pageMetadata } from '@/lib/page-metadata';
import { routes, site } from '@/lib/site';

// Like every page (canonical URL, feed links, share card), but kept out of search engines:
// a results page has nothing of its own to index.
export const metadata: Metadata = {
  ...pageMetadata({
    title: 'Search',
    description: `Search the articles, FAQ answers and author pages of ${site.name}.`,
    path: routes.search(),
  }),
  robots: { index: false },
};

export default function SearchPage() {
  return (
    <div className="page page-search">
      <header className="page-header">
        <h1 className="page-title">Search</h1>
        <p className="page-lede">Find a word or phrase in any article, FAQ answer or biography.</p>
      </header>
      <SiteSearch />
      <noscript>
        <p className="search-noscript">
          Search runs in your browser and needs JavaScript. Every article is listed on the home
          page, and every answer on the FAQ page.
        </p>
      </noscript>
    </div>
  );
}
