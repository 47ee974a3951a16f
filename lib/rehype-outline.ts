/**
 * Collects the heading outline (h2 and h3) into `file.data.outline` for the table of contents.
 * Entry text ignores footnote citations, and the generated References heading is left out:
 * the page links to References itself, after the body.
 */
import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { isFootnoteSection, textWithoutFootnotes } from './hast-footnotes';

/** Declared as a schema so the render cache validates what it reads back against the same shape. */
export const outlineEntrySchema = z.strictObject({
  depth: z.union([z.literal(2), z.literal(3)]),
  id: z.string(),
  text: z.string(),
});
export type OutlineEntry = z.infer<typeof outlineEntrySchema>;

declare module 'vfile' {
  interface DataMap {
    outline: OutlineEntry[];
  }
}

export default function rehypeOutline() {
  return (tree: Root, file: VFile) => {
    const outline: OutlineEntry[] = [];
    visit(tree, 'element', (node) => {
      if (isFootnoteSection(node)) return SKIP;
      const rank = headingRank(node);
      const id = node.properties.id;
      if ((rank === 2 || rank === 3) && typeof id === 'string') {
        outline.push({ depth: rank, id, text: textWithoutFootnotes(node).trim() });
      }
      return undefined;
    });
    file.data.outline = outline;
  };
}
