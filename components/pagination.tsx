import { pageWindow } from '@/lib/listings';
import { listPage } from '@/lib/site';

/**
 * Numbered pages of an article list, with newer/older links. `first` is the list's first
 * page (`/`, `/tags/trust`, `/authors/x`); later pages are `first`/page/N.
 */
export function Pagination({
  page,
  pageCount,
  first = '/',
}: {
  page: number;
  pageCount: number;
  first?: string;
}) {
  if (pageCount <= 1) return null;
  const href = (n: number) => listPage(first, n);
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className="pagination-step">
          Newer
        </a>
      ) : null}
      <ol className="pagination-pages">
        {pageWindow(page, pageCount).map((n, i) => (
          <li key={n === 'gap' ? `gap-${i}` : n}>
            {n === 'gap' ? (
              <span className="pagination-gap" aria-hidden="true">
                …
              </span>
            ) : n === page ? (
              <span aria-current="page" className="pagination-current">
                {n}
              </span>
            ) : (
              <a href={href(n)} aria-label={`Page ${n}`}>
                {n}
              </a>
            )}
          </li>
        ))}
      </ol>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next" className="pagination-step">
          Older
        </a>
      ) : null}
    </nav>
  );
}
