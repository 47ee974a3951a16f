import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TagListing } from '@/components/tag-listing';
import { getTag, getTags, paginate } from '@/lib/listings';
import { pageMetadata } from '@/lib/page-metadata';
import { routes, site } from '@/lib/site';

export const dynamicParams = false;

type Props = { params: Promise<{ tag: string }> };

export function generateStaticParams() {
  return getTags().map((tag) => ({ tag: tag.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = getTag((await params).tag);
  if (!tag) return {};
  return pageMetadata({
    title: `Articles tagged “${tag.name}”`,
    description: `${tag.articles.length} ${tag.articles.length === 1 ? 'article' : 'articles'} about ${tag.name} on ${site.name}, newest first.`,
    path: routes.tag(tag.name),
  });
}

export default async function TagPage({ params }: Props) {
  const tag = getTag((await params).tag);
  const listing = tag && paginate(tag.articles, 1);
  if (!tag || !listing) notFound();
  return <TagListing tag={tag} listing={listing} />;
}
