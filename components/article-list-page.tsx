import type { ArticlePage } from '@/lib/listings';
import { site } from '@/lib/site';
import { ArticleCardList } from './article-card-list';
import { Pagination } from './pagination';
import { UnbrokenCompounds } from './unbroken-compounds';

/** The home page and its later pages (/page/2 …): the same list, one page at a time. */
export function ArticleListPage({ listing }: { listing: ArticlePage }) {
  const { page, pageCount, articles } = listing;
  return (
    <div className="page page-list">
      <header className="page-header">
        <h1 className="page-title">{site.name}</h1>
        <p className="page-lede">
          <UnbrokenCompounds text={site.description} />
        </p>
      </header>
      <section aria-labelledby="latest-title">
        <h2 id="latest-title" className="section-label">
          {page === 1 ? 'Latest articles' : `Articles, page ${page} of ${pageCount}`}
        </h2>
        {articles.length ? (
          <ArticleCardList articles={articles} withAuthors />
        ) : (
          <p>No articles yet.</p>
        )}
      </section>
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
