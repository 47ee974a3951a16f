import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article-view';
import {
  getArticle,
  getArticles,
  getAuthor,
  getFaqForArticle,
  publicationStatus,
} from '@/lib/content';
import { getNeighbours, getRelatedArticles } from '@/lib/listings';
import { routes } from '@/lib/site';

// Only the slugs known at build time exist; anything else is a static 404.
export const dynamicParams = false;

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return getArticles().map((article) => ({ slug: article.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = getArticle((await params).slug);
  if (!article) return {};
  return {
    title: article.title,
    description: article.description,
    alternates: { canonical: routes.article(article.slug) },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = getArticle((await params).slug);
  if (!article) notFound();
  return (
    <ArticleView
      article={article}
      author={getAuthor(article.author)}
      faq={getFaqForArticle(article.slug)}
      status={publicationStatus(article)}
      related={getRelatedArticles(article)}
      {...getNeighbours(article)}
    />
  );
}
