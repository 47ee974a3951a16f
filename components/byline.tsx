import { SiteLink } from './site-link';
import type { Article, Author } from '@/lib/content';
import { routes } from '@/lib/site';
import { FormattedDate } from './formatted-date';

export function Byline({ article, author }: { article: Article; author: Author | undefined }) {
  return (
    <p className="byline">
      <span>
        By{' '}
        {author ? (
          <SiteLink href={routes.author(author.slug)} rel="author">
            {author.name}
          </SiteLink>
        ) : (
          article.author
        )}
      </span>
      <span className="byline-sep" aria-hidden="true">
        ·
      </span>
      <span>
        Published <FormattedDate date={article.date} />
      </span>
      {article.updated ? (
        <>
          <span className="byline-sep" aria-hidden="true">
            ·
          </span>
          <span>
            Updated <FormattedDate date={article.updated} />
          </span>
        </>
      ) : null}
      <span className="byline-sep" aria-hidden="true">
        ·
      </span>
      <span>{article.readingMinutes} min read</span>
    </p>
  );
}
