import { notFound } from 'next/navigation';
import { ArticleListPage } from '@/components/article-list-page';
import { getAuthors } from '@/lib/content';
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
  const authors = new Map(getAuthors().map((author) => [author.slug, author]));
  return <ArticleListPage listing={listing} authors={authors} />;
}
