import { site } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        <strong>{site.name}</strong> — {site.tagline}.
      </p>
    </footer>
  );
}
