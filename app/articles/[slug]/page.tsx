import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article-view';
import { JsonLd } from '@/components/json-ld';
import { getArticle, getPublishedArticles, getAuthor, getFaqForArticle } from '@/lib/content';
import { getNeighbours, getRelatedArticles } from '@/lib/listings';
import { articleMetadata } from '@/lib/page-metadata';
import { routes, site } from '@/lib/site';
import { blogPostingJsonLd, breadcrumbJsonLd } from '@/lib/structured-data';

// Only the slugs known at build time exist; anything else is a static 404.
export const dynamicParams = false;

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return getPublishedArticles().map((article) => ({ slug: article.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = getArticle((await params).slug);
  if (!article) return {};
  return articleMetadata(article, getAuthor(article.author));
}

export default async function ArticlePage({ params }: Props) {
  const article = getArticle((await params).slug);
  if (!article) notFound();
  const author = getAuthor(article.author);
  return (
    <>
      {author ? <JsonLd data={blogPostingJsonLd(article, author)} /> : null}
      <JsonLd
        data={breadcrumbJsonLd([
          { name: site.name, path: routes.home() },
          { name: article.title, path: routes.article(article.slug) },
        ])}
      />
      <ArticleView
        article={article}
        author={author}
        faq={getFaqForArticle(article.slug)}
        related={getRelatedArticles(article)}
        {...getNeighbours(article)}
      />
    </>
  );
}
