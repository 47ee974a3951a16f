import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';

// The 404 page must never be indexed, nor carry another page's canonical URL.
export const metadata: Metadata = {
  title: 'Page not found',
  description: 'This page is not here. Everything we publish is linked from the home page.',
  robots: { index: false, follow: true },
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
          <SiteLink href="/">Latest articles</SiteLink>
        </li>
        <li>
          <SiteLink href="/faq">Frequently asked questions</SiteLink>
        </li>
      </ul>
    </div>
  );
}
