import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleCardList } from '@/components/article-card-list';
import { getAuthors } from '@/lib/content';
import { getTag, getTags } from '@/lib/listings';
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
  if (!tag) notFound();
  const authors = new Map(getAuthors().map((author) => [author.slug, author]));
  return (
    <div className="page page-list">
      <header className="page-header">
        <p className="eyebrow">Tag</p>
        <h1 className="page-title">{tag.name}</h1>
        <p className="page-lede">
          {tag.articles.length} {tag.articles.length === 1 ? 'article' : 'articles'}
        </p>
      </header>
      <section aria-labelledby="latest-title">
        <h2 id="latest-title" className="section-label">
          Articles tagged “{tag.name}”
        </h2>
        <ArticleCardList articles={tag.articles} authors={authors} />
      </section>
    </div>
  );
}
