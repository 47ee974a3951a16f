import { getTags } from '@/lib/listings';
import { pageMetadata } from '@/lib/page-metadata';
import { routes, site } from '@/lib/site';

export const metadata = pageMetadata({
  title: 'Tags',
  description: `Every topic ${site.name} writes about, with the number of articles on each.`,
  path: routes.tags(),
});

export default function TagsPage() {
  const tags = getTags();
  return (
    <div className="page page-tags">
      <header className="page-header">
        <h1 className="page-title">Tags</h1>
        <p className="page-lede">Every topic we write about, most covered first.</p>
      </header>
      {tags.length ? (
        <ul className="tag-index">
          {tags.map((tag) => (
            <li key={tag.slug}>
              <a href={routes.tag(tag.name)}>{tag.name}</a>{' '}
              <span className="tag-count">
                {tag.articles.length} {tag.articles.length === 1 ? 'article' : 'articles'}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>No tags yet.</p>
      )}
    </div>
  );
}
