import type { Article } from '@/lib/content';
import { routes } from '@/lib/site';
import { FormattedDate } from './formatted-date';

/** "Read next" at the end of an article: related by shared tags, then by recency. */
export function RelatedArticles({ articles }: { articles: Article[] }) {
  if (articles.length === 0) return null;
  return (
    // Not searched: other articles' titles would make this page match searches for them.
    <section className="related" aria-labelledby="related-title" data-pagefind-ignore>
      <h2 id="related-title" className="related-title">
        Related articles
      </h2>
      <ul className="related-list">
        {articles.map((article) => (
          <li key={article.slug}>
            <a href={routes.article(article.slug)}>{article.title}</a>
            <span className="related-meta">
              <FormattedDate date={article.date} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
