/**
 * Checks across the whole site, once every page is known: the links a body's checks found
 * (lib/content-checks.ts) against the pages and files the site will have, and the ids that
 * several files put on one page.
 */
// Only a type from the body checks, which import the constants below: no cycle at run time.
import type { FoundLink } from './content-checks';
import type { Diagnostic } from './diagnostics';
import type { CollectedId } from './rehype-collect-ids';
import { nearestKey } from './validate';

/** A URL's scheme, e.g. `javascript` in `javascript:alert(1)`. */
export const URL_SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Stands in for the site's address when resolving a relative link: the origin never matters. */
export const SITE_ORIGIN = 'https://site.invalid';

/** A page of the built site that links can point at. */
export interface SitePage {
  /** Ids present on the page, for `#anchor` links. */
  ids: Set<string>;
  /** What the anchors on this page are, for messages ("heading or footnote", "question"). */
  anchorKind: string;
  /** Set when the page exists only under `npm run dev`. */
  unpublished?: string;
}

/** Path (`/articles/x`, no trailing slash) → page. */
export type SiteMap = Map<string, SitePage>;

/**
 * Checks the internal links of one file against the site. `fromPath` is the page the file
 * renders on (relative links resolve against it); a published page may not link to a page that
 * exists only in development.
 */
export function checkLinks(
  links: readonly FoundLink[],
  file: string,
  fromPath: string,
  fromPublished: boolean,
  site: SiteMap,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const link of links) {
    const url = link.url.trim();
    // External (a scheme or protocol-relative) links are not ours to check.
    if (url === '' || URL_SCHEME.test(url) || url.startsWith('//')) continue;
    const resolved = new URL(url, `${SITE_ORIGIN}${fromPath}`);
    let pathname = safeDecode(resolved.pathname);
    if (pathname.length > 1) pathname = pathname.replace(/\/+$/, '');
    // Page 1 of a list is the list itself: /page/1, /tags/x/page/1 and /authors/x/page/1
    // redirect there. No other page has a /page/1 (/faq/page/1 is a broken link).
    pathname = pathname.replace(/^((?:\/(?:tags|authors)\/[^/]+)?)\/page\/1$/, '$1') || '/';
    const say = (message: string) =>
      diagnostics.push({
        file,
        line: link.line,
        column: link.column,
        severity: 'error',
        message: `${link.image ? 'image' : 'link'} "${link.url}": ${message}`,
      });

    const page = site.get(pathname);
    if (!page && link.image) {
      const files = [...site.keys()].filter((p) => /\.[a-z0-9]+$/i.test(p));
      const near = nearestKey(pathname, files);
      say(
        `there is no file public${pathname}; save the image there` +
          (near ? `, or did you mean "${near}"?` : ''),
      );
      continue;
    }
    if (!page) {
      const asPage = pathname.replace(/^(?:.*\/)?content(\/[a-z]+\/[^/]+)\.md$/, '$1');
      if (pathname.endsWith('.md')) {
        const slug = pathname.replace(/^.*\/([^/]+)\.md$/, '$1');
        const candidate = [...site.keys()].find((p) => p.endsWith(`/${slug}`)) ?? asPage;
        say(`links to a Markdown file; link to the page instead: "${candidate}"`);
        continue;
      }
      const near = nearestKey(pathname, [...site.keys()]);
      const section = /^\/[^/]+\//.exec(pathname)?.[0];
      const siblings = section
        ? [...site.keys()].filter((p) => p.startsWith(section)).map((p) => p.slice(section.length))
        : [];
      say(
        `there is no page "${pathname}" on the site` +
          (near
            ? `; did you mean "${near}"?`
            : siblings.length
              ? `; pages under ${section} are: ${siblings.slice(0, 5).join(', ')}${siblings.length > 5 ? ', …' : ''}`
              : '; check the slug in content/'),
      );
      continue;
    }
    if (page.unpublished && fromPublished) {
      say(
        `"${pathname}" is ${page.unpublished}, so this link would be broken on the published site; publish it first or remove the link`,
      );
      continue;
    }
    const fragment = safeDecode(resolved.hash.slice(1));
    if (fragment && !page.ids.has(fragment)) {
      const near = nearestKey(fragment, [...page.ids]);
      say(
        `no ${page.anchorKind} with id "${fragment}" on ${pathname === fromPath ? 'this page' : `"${pathname}"`}` +
          (near ? `; did you mean "#${near}"?` : ''),
      );
    }
  }
  return diagnostics;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** One source of ids that end up on the same page. */
export interface IdSource {
  file: string;
  bodyStartLine: number;
  ids: readonly CollectedId[];
}

/**
 * Reports every id used a second time on one page. `templateIds` are the ids the page's own
 * markup uses around the content (components/).
 */
export function checkDuplicateIds(
  page: string,
  sources: readonly IdSource[],
  templateIds: readonly string[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, { file: string; line: number }>(
    templateIds.map((id) => [id, { file: '', line: 0 }]),
  );
  // Ids the pipeline generates (the References heading) have no line of their own; like the
  // template's, they are the page's, so an editor's heading that takes one is what is reported.
  for (const source of sources) {
    for (const { id, line } of source.ids) {
      if (line === undefined && !seen.has(id)) seen.set(id, { file: '', line: 0 });
    }
  }
  for (const source of sources) {
    for (const { id, line, column } of source.ids) {
      if (line === undefined) continue;
      const first = seen.get(id);
      const here = {
        line: line + source.bodyStartLine - 1,
        column: column ?? 1,
      };
      if (first !== undefined) {
        diagnostics.push({
          file: source.file,
          ...here,
          severity: 'error',
          message: `id "${id}" is already used ${first.file === source.file ? `on line ${first.line}` : first.file === '' ? 'by the page itself' : `by ${first.file}:${first.line}, which shares the page ${page}`}, and ids must be unique on a page; rename this heading or change the HTML id`,
        });
      } else {
        seen.set(id, { file: source.file, line: here.line });
      }
    }
  }
  return diagnostics;
}
