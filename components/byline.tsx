import type { Article, Author } from '@/lib/content';
import { routes } from '@/lib/site';
import { FormattedDate } from './formatted-date';

/** Author, dates and reading time; the dots between them are drawn by CSS (article.css). */
export function Byline({ article, author }: { article: Article; author: Author | undefined }) {
  return (
    <p className="byline">
      <span>
        By{' '}
        {author ? (
          <a href={routes.author(author.slug)} rel="author">
            {author.name}
          </a>
        ) : (
          article.author
        )}
      </span>
      <span className="byline-item">
        Published <FormattedDate date={article.date} />
      </span>
      {article.updated ? (
        <span className="byline-item">
          Updated <FormattedDate date={article.updated} />
        </span>
      ) : null}
      <span className="byline-item">{article.readingMinutes} min read</span>
    </p>
  );
}
