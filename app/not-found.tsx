import type { Metadata } from 'next';
import { routes } from '@/lib/site';

// The 404 page must never be indexed, nor carry another page's canonical URL. Next.js adds
// `<meta name="robots" content="noindex">` to every not-found render itself; a robots entry here
// would print a second, differing robots tag.
export const metadata: Metadata = {
  title: 'Page not found',
  description: 'This page is not here. Everything we publish is linked from the home page.',
};

export default function NotFound() {
  return (
    <div className="page page-not-found">
      <header className="page-header">
        <p className="eyebrow">Error 404</p>
        <h1 className="page-title">This page is not here</h1>
        <p className="page-lede">
          The link may be old, or the address mistyped. Everything we publish is a click away:
        </p>
      </header>
      <ul className="not-found-links">
        <li>
          <a href={routes.home()}>Latest articles</a>
        </li>
        <li>
          <a href={routes.search()}>Search the articles</a>
        </li>
        <li>
          <a href={routes.tags()}>Articles by tag</a>
        </li>
        <li>
          <a href={routes.faq()}>Frequently asked questions</a>
        </li>
      </ul>
    </div>
  );
}
