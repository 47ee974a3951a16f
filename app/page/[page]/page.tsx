import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleListPage } from '@/components/article-list-page';
import { getPublishedArticles } from '@/lib/content';
import { getArticlePage, laterPageNumber, pageNumbers } from '@/lib/listings';
import { pageMetadata } from '@/lib/page-metadata';
import { routes, site } from '@/lib/site';

// Page 1 is the home page: /page/1 redirects there, as Hugo's pagination alias does. It is
// always generated, which also gives a static export the one route it insists on. Pages past
// the end are static 404s.
export const dynamicParams = false;

type Props = { params: Promise<{ page: string }> };

export function generateStaticParams() {
  return pageNumbers(getPublishedArticles()).map((page) => ({ page: String(page) }));
}

function listingFor(param: string) {
  const page = laterPageNumber(param);
  return page ? getArticlePage(page) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = listingFor((await params).page);
  if (!listing) return {};
  return pageMetadata({
    title: `Articles, page ${listing.page} of ${listing.pageCount}`,
    description: `${site.name}: every article, newest first — page ${listing.page} of ${listing.pageCount}.`,
    path: routes.page(listing.page),
  });
}

export default async function ArticleListPageRoute({ params }: Props) {
  const { page } = await params;
  if (page === '1') permanentRedirect(routes.home());
  const listing = listingFor(page);
  if (!listing) notFound();
  return <ArticleListPage listing={listing} />;
}
