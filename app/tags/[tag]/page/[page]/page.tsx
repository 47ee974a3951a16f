import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { TagListing } from '@/components/tag-listing';
import { getTag, getTags, laterPageNumber, pageNumbers, paginate } from '@/lib/listings';
import { pageMetadata } from '@/lib/page-metadata';
import { routes, site } from '@/lib/site';

// Later pages of a tag's articles. Page 1 is the tag page itself: /tags/x/page/1 redirects
// there, like /page/1 does to the home page. Pages past the end are static 404s.
export const dynamicParams = false;

type Props = { params: Promise<{ tag: string; page: string }> };

export function generateStaticParams() {
  return getTags().flatMap((tag) =>
    pageNumbers(tag.articles).map((page) => ({ tag: tag.slug, page: String(page) })),
  );
}

function listingFor(params: { tag: string; page: string }) {
  const tag = getTag(params.tag);
  const page = laterPageNumber(params.page);
  const listing = tag && page ? paginate(tag.articles, page) : undefined;
  return tag && listing ? { tag, listing } : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = listingFor(await params);
  if (!found) return {};
  const { tag, listing } = found;
  return pageMetadata({
    title: `Articles tagged “${tag.name}”, page ${listing.page} of ${listing.pageCount}`,
    description: `Articles about ${tag.name} on ${site.name}, newest first — page ${listing.page} of ${listing.pageCount}.`,
    path: routes.tagPage(tag.name, listing.page),
  });
}

export default async function TagListPage({ params }: Props) {
  const resolved = await params;
  const tag = getTag(resolved.tag);
  if (tag && resolved.page === '1') permanentRedirect(routes.tag(tag.name));
  const found = listingFor(resolved);
  if (!found) notFound();
  return <TagListing tag={found.tag} listing={found.listing} />;
}
