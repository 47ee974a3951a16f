import { getAuthor, type Article } from '@/lib/content';
import { ArticleCard } from './article-card';

/** A list of article cards under a section heading (h2), so each card title is an h3. */
export function ArticleCardList({
  articles,
  withAuthors = false,
}: {
  articles: readonly Article[];
  /** Name each card's author (lists mixing authors); an author's own page leaves it out. */
  withAuthors?: boolean;
}) {
  return (
    <div className="card-list">
      {articles.map((article) => (
        <ArticleCard
          key={article.slug}
          article={article}
          author={withAuthors ? getAuthor(article.author) : undefined}
          headingLevel={3}
        />
      ))}
    </div>
  );
}
