import { notFound } from 'next/navigation';
import { ArticleListPage } from '@/components/article-list-page';
import { getArticlePage } from '@/lib/listings';
import { pageMetadata } from '@/lib/page-metadata';
import { routes, site } from '@/lib/site';

export const metadata = pageMetadata({
  title: `${site.name} — ${site.tagline}`,
  description: site.description,
  path: routes.home(),
  absoluteTitle: true,
});

export default function HomePage() {
  const listing = getArticlePage(1);
  if (!listing) notFound();
  return <ArticleListPage listing={listing} />;
}
