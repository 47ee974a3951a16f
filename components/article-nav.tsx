import type { Article } from '@/lib/content';
import { routes } from '@/lib/site';

/** Links to the previous (older) and next (newer) article. */
export function ArticleNav({
  previous,
  next,
}: {
  previous: Article | undefined;
  next: Article | undefined;
}) {
  if (!previous && !next) return null;
  return (
    // Not searched: the neighbours' titles would make this page match searches for them.
    <nav className="article-nav" aria-labelledby="article-nav-title" data-pagefind-ignore>
      <h2 id="article-nav-title" className="visually-hidden">
        More articles
      </h2>
      {previous ? (
        <a href={routes.article(previous.slug)} rel="prev" className="article-nav-previous">
          <span className="article-nav-label">Previous article</span>{' '}
          <span className="article-nav-title">{previous.title}</span>
        </a>
      ) : null}
      {next ? (
        <a href={routes.article(next.slug)} rel="next" className="article-nav-next">
          <span className="article-nav-label">Next article</span>{' '}
          <span className="article-nav-title">{next.title}</span>
        </a>
      ) : null}
    </nav>
  );
}
