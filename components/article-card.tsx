import { publicationStatus, type Article, type Author } from '@/lib/content';
import { routes } from '@/lib/site';
import { FormattedDate } from './formatted-date';

/** One entry in an article list: the title links to the article, the rest sets expectations. */
export function ArticleCard({
  article,
  author,
  headingLevel = 2,
}: {
  article: Article;
  author?: Author | undefined;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // Only `next dev` lists unpublished articles; the badge tells editors which ones they are.
  const status = publicationStatus(article);
  return (
    <article className="card">
      <Heading className="card-title">
        <a href={routes.article(article.slug)}>{article.title}</a>
      </Heading>
      <p className="card-description">{article.description}</p>
      <p className="card-meta">
        {status !== 'published' ? (
          <span className="card-badge">{status === 'draft' ? 'Draft' : 'Scheduled'}</span>
        ) : null}
        <FormattedDate date={article.date} />
        {author ? (
          <>
            <span aria-hidden="true"> · </span>
            <span>{author.name}</span>
          </>
        ) : null}
        <span aria-hidden="true"> · </span>
        <span>{article.readingMinutes} min read</span>
      </p>
    </article>
  );
}
