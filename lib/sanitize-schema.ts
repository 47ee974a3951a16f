/**
 * The sanitise schema: GitHub's, with the few changes this site's own markup needs.
 *
 * - Ids are not prefixed. Footnote ids are generated with no prefix and their hrefs are built
 *   to match; GitHub's default would prefix the ids a second time and break every footnote
 *   link. Ids only clobber `window.*` globals, which our scripts never read; duplicate ids
 *   are caught by the content check instead.
 * - `name` is still prefixed: `<img name="getElementById">` would clobber `document` methods.
 * - The References heading is visible, so its `sr-only` class is not needed.
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobber: ['name'],
  // Stripped with their contents: unwrapping a <style> would publish its CSS as text.
  strip: ['script', 'style'],
  clobberPrefix: 'user-content-',
  // `data:` and script-ish schemes never pass: only these protocols survive in URLs.
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
  },
};
