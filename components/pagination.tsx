import Link from 'next/link';
import { routes } from '@/lib/site';

/** Numbered pages of the article list, with previous/next links. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1);
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link href={routes.page(page - 1)} rel="prev" className="pagination-step">
          Newer
        </Link>
      ) : null}
      <ol className="pagination-pages">
        {pages.map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page" className="pagination-current">
                {n}
              </span>
            ) : (
              <Link href={routes.page(n)} aria-label={`Page ${n}`}>
                {n}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {page < pageCount ? (
        <Link href={routes.page(page + 1)} rel="next" className="pagination-step">
          Older
        </Link>
      ) : null}
    </nav>
  );
}
