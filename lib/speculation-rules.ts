/**
 * How links to other pages get fast: the browser prefetches a page when a reader shows intent,
 * from speculation rules in every page's head, and no JavaScript of ours takes part.
 *
 * Internal links are plain `<a>` elements, not next/link. Every page is prerendered HTML, so a
 * click is one request for a small document whose scripts and fonts are already cached; with
 * the prefetch that request has usually finished before the click lands. next/link's
 * client-side navigation cost about 3 KB of gzipped JavaScript on every page, and its handlers
 * ran while the page was still starting (bench/README.md, "Latest results").
 *
 * "moderate" eagerness, as Chromium reads it: on a desktop, a pointer resting on a link (about
 * 200 ms) or pressing it; on a phone, a finger on it, and in recent Chrome for Android also a
 * link the reader has scrolled to and paused near (its own heuristic, a link or two at a time,
 * never every link on the screen). Keyboard focus starts nothing. Browsers without
 * speculation rules ignore the element and navigate as usual.
 */

/**
 * Addresses that are not pages: anything with a dot in its path (feeds, the sitemap, the share
 * images, pictures, PDFs, scripts, the search's files). Page addresses are slugs, which never
 * hold a dot (lib/schema.ts, lib/slug.ts).
 */
const NOT_PAGES = '/*.*';

/**
 * Links the rules leave alone: links that open elsewhere or download, and links an editor
 * marked as not to be followed. In-page jumps (citations, back-references, the contents) are
 * listed too, though Chromium already skips links to the page itself.
 */
const NOT_FOLLOWED = '[href^="#"], [target], [download], [rel~="nofollow"], [rel~="external"]';

export const speculationRules = {
  prefetch: [
    {
      source: 'document',
      where: {
        and: [
          // Same origin only: the pattern is relative to the page, so another site never matches.
          { href_matches: '/*' },
          { not: { href_matches: NOT_PAGES } },
          { not: { selector_matches: NOT_FOLLOWED } },
        ],
      },
      eagerness: 'moderate',
    },
  ],
} as const;

/**
 * The rules as the text of a `<script type="speculationrules">`. They are constants of this
 * module, not content, so they hold no `<` that could close the element (a unit test checks).
 */
export function speculationRulesJson(): string {
  return JSON.stringify(speculationRules);
}
