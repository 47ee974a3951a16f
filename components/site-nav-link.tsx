'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { inNavSection } from '@/lib/nav';

/**
 * A header link that tells the reader where they are: `aria-current="page"` on the page it
 * links to, `aria-current="true"` anywhere in its section (a tag page under Tags), which CSS
 * marks too. Prerendering knows each page's path, so the mark is in the HTML from the start.
 */
export function SiteNavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href ? 'page' : inNavSection(pathname, href) ? 'true' : undefined;
  return (
    <a href={href} aria-current={current}>
      {children}
    </a>
  );
}
