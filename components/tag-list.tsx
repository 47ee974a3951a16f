import { routes } from '@/lib/site';

/** An article's tags as links to their tag pages. */
export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <a href={routes.tag(tag)} className="tag">
            {tag}
          </a>
        </li>
      ))}
    </ul>
  );
}
