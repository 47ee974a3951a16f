import type { ArticlePage } from '@/lib/listings';
import { ArticleCardList } from './article-card-list';
import { Pagination } from './pagination';

/**
 * One page of a tag's or an author's articles under its heading, with the page numbers. Long
 * lists are split like the home page's, so a tag used by a thousand articles is not one page
 * of a thousand cards.
 */
export function PagedArticleList({
  heading,
  headingId,
  listing,
  first,
  withAuthors = false,
  empty,
}: {
  heading: string;
  headingId: string;
  listing: ArticlePage;
  /** The list's first page, e.g. `/tags/trust`. */
  first: string;
  withAuthors?: boolean;
  empty: string;
}) {
  const { page, pageCount, articles } = listing;
  return (
    // Never searched: a list of titles and excerpts only repeats the articles' own pages.
    <section aria-labelledby={headingId} data-pagefind-ignore>
      <h2 id={headingId} className="section-label">
        {heading}
        {page > 1 ? `, page ${page} of ${pageCount}` : ''}
      </h2>
      {articles.length ? (
        <ArticleCardList articles={articles} withAuthors={withAuthors} />
      ) : (
        <p>{empty}</p>
      )}
      <Pagination page={page} pageCount={pageCount} first={first} />
    </section>
  );
}
