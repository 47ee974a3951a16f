import { site } from '@/lib/site';
import { SiteNavLink } from './site-nav-link';
import { ThemeToggle } from './theme-toggle';

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <a href="/" className="site-name">
          {site.name}
        </a>
        <nav aria-label="Site">
          <ul className="site-nav">
            {site.nav.map((item) => (
              <li key={item.href}>
                <SiteNavLink href={item.href}>{item.label}</SiteNavLink>
              </li>
            ))}
          </ul>
        </nav>
        <ThemeToggle />
      </div>
    </header>
  );
}
