import type { ArticlePage, Tag } from '@/lib/listings';
import { routes } from '@/lib/site';
import { PagedArticleList } from './paged-article-list';

/** A tag's page, or one of its later pages: the tag, its article count and a page of cards. */
export function TagListing({ tag, listing }: { tag: Tag; listing: ArticlePage }) {
  return (
    <div className="page page-list">
      <header className="page-header">
        <p className="eyebrow">Tag</p>
        <h1 className="page-title">{tag.name}</h1>
        <p className="page-lede">
          {tag.articles.length} {tag.articles.length === 1 ? 'article' : 'articles'}
        </p>
      </header>
      <PagedArticleList
        heading={`Articles tagged “${tag.name}”`}
        headingId="latest-title"
        listing={listing}
        first={routes.tag(tag.name)}
        withAuthors
        empty="No articles."
      />
    </div>
  );
}
