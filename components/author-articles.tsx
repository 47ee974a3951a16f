import type { Author } from '@/lib/content';
import type { ArticlePage } from '@/lib/listings';
import { routes } from '@/lib/site';
import { PagedArticleList } from './paged-article-list';

/** A page of an author's articles, on their page (page 1) and at /authors/x/page/N. */
export function AuthorArticles({ author, listing }: { author: Author; listing: ArticlePage }) {
  return (
    <PagedArticleList
      heading={`Articles by ${author.name}`}
      headingId="author-articles-title"
      listing={listing}
      first={routes.author(author.slug)}
      empty="No published articles yet."
    />
  );
}
