import type { Article, Author } from '@/lib/content';
import { ArticleCard } from './article-card';

/** A list of article cards under a section heading (h2), so each card title is an h3. */
export function ArticleCardList({
  articles,
  authors,
}: {
  articles: readonly Article[];
  authors?: ReadonlyMap<string, Author>;
}) {
  return (
    <div className="card-list">
      {articles.map((article) => (
        <ArticleCard
          key={article.slug}
          article={article}
          author={authors?.get(article.author)}
          headingLevel={3}
        />
      ))}
    </div>
  );
}
