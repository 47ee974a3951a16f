import type { Metadata } from 'next';
import { SiteSearch } from '@/components/site-search';
import { routes, site } from '@/lib/site';

export const metadata: Metadata = {
  title: 'Search',
  description: `Search the articles, FAQ answers and author pages of ${site.name}.`,
  alternates: { canonical: routes.search() },
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
