/**
 * Which header section a page belongs to. A module of its own, with no imports: the header's
 * client component uses it, and lib/site.ts would bring the whole site configuration into the
 * browser bundle with it.
 */

/**
 * Whether `pathname` is in the header section that links to `href`: the page itself or one
 * under it. Articles and the later pages of the list belong to "Articles" (`/`).
 */
export function inNavSection(pathname: string, href: string): boolean {
  if (pathname === href) return true;
  if (href === '/') return pathname.startsWith('/articles/') || pathname.startsWith('/page/');
  return pathname.startsWith(`${href}/`);
}
