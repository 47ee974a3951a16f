import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListPage } from '@/components/article-list-page';
import { getAuthors } from '@/lib/content';
import { getArticlePage } from '@/lib/listings';
import { routes } from '@/lib/site';

// Page 1 is the home page; /page/1 and pages past the end are static 404s.
export const dynamicParams = false;

type Props = { params: Promise<{ page: string }> };

export function generateStaticParams() {
  const { pageCount } = getArticlePage(1) ?? { pageCount: 1 };
  return Array.from({ length: pageCount - 1 }, (_, i) => ({ page: String(i + 2) }));
}

function listingFor(param: string) {
  if (!/^[1-9]\d*$/.test(param) || param === '1') return undefined;
  return getArticlePage(Number(param));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = listingFor((await params).page);
  if (!listing) return {};
  return {
    title: `Articles, page ${listing.page}`,
    alternates: { canonical: routes.page(listing.page) },
  };
}

export default async function ArticleListPageRoute({ params }: Props) {
  const listing = listingFor((await params).page);
  if (!listing) notFound();
  const authors = new Map(getAuthors().map((author) => [author.slug, author]));
  return <ArticleListPage listing={listing} authors={authors} />;
}
