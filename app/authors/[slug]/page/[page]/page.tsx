import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { AuthorArticles } from '@/components/author-articles';
import { AuthorHeader } from '@/components/author-header';
import { getArticlesByAuthor, getAuthor, getAuthors } from '@/lib/content';
import { laterPageNumber, pageNumbers, paginate } from '@/lib/listings';
import { pageMetadata } from '@/lib/page-metadata';
import { routes } from '@/lib/site';

// Later pages of an author's articles. Page 1 is the author's page, with the biography:
// /authors/x/page/1 redirects there. Pages past the end are static 404s.
export const dynamicParams = false;

type Props = { params: Promise<{ slug: string; page: string }> };

export function generateStaticParams() {
  return getAuthors().flatMap((author) =>
    pageNumbers(getArticlesByAuthor(author.slug)).map((page) => ({
      slug: author.slug,
      page: String(page),
    })),
  );
}

function listingFor(params: { slug: string; page: string }) {
  const author = getAuthor(params.slug);
  const page = laterPageNumber(params.page);
  const listing = author && page ? paginate(getArticlesByAuthor(author.slug), page) : undefined;
  return author && listing ? { author, listing } : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = listingFor(await params);
  if (!found) return {};
  const { author, listing } = found;
  return pageMetadata({
    title: `Articles by ${author.name}, page ${listing.page} of ${listing.pageCount}`,
    description: `Articles by ${author.name}, newest first — page ${listing.page} of ${listing.pageCount}.`,
    path: routes.authorPage(author.slug, listing.page),
  });
}

export default async function AuthorListPage({ params }: Props) {
  const resolved = await params;
  const author = getAuthor(resolved.slug);
  if (author && resolved.page === '1') permanentRedirect(routes.author(author.slug));
  const found = listingFor(resolved);
  if (!found) notFound();
  return (
    <div className="page page-author">
      <AuthorHeader author={found.author} />
      <AuthorArticles author={found.author} listing={found.listing} />
    </div>
  );
}
