/**
 * Collects the rendered references into `file.data.footnotes`, in reading order, so pages,
 * structured data and sidenotes use the text readers see rather than re-parsing Markdown.
 */
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { isFootnoteBackref, isFootnoteSection, textWithoutFootnotes } from './hast-footnotes';

/** Declared as a schema so the render cache validates what it reads back against the same shape. */
export const footnoteSchema = z.strictObject({
  /** 1-based number shown in the text. */
  number: z.number(),
  /** The id of the entry in the References list. */
  id: z.string(),
  /** Plain text of the reference, without back-links. */
  text: z.string(),
  /** Sanitised HTML of the reference, without back-links. */
  html: z.string(),
  /** Absolute links inside the reference. */
  urls: z.array(z.string()),
});
export type Footnote = z.infer<typeof footnoteSchema>;

declare module 'vfile' {
  interface DataMap {
    footnotes: Footnote[];
  }
}

export default function rehypeCollectFootnotes() {
  return (tree: Root, file: VFile) => {
    const footnotes: Footnote[] = [];
    visit(tree, 'element', (section) => {
      if (!isFootnoteSection(section)) return;
      visit(section, 'element', (item) => {
        if (item.tagName !== 'li' || typeof item.properties.id !== 'string') return;
        const content = structuredClone(item);
        const urls: string[] = [];
        visit(content, 'element', (node, index, parent) => {
          if (isFootnoteBackref(node) && parent && index !== undefined) {
            parent.children.splice(index, 1);
            return index;
          }
          const href = node.properties.href;
          if (node.tagName === 'a' && typeof href === 'string' && /^https?:/.test(href))
            urls.push(href);
          return undefined;
        });
        footnotes.push({
          number: footnotes.length + 1,
          id: item.properties.id,
          text: textWithoutFootnotes(content).replace(/\s+/g, ' ').trim(),
          html: toHtml(content.children).trim(),
          urls,
        });
      });
    });
    file.data.footnotes = footnotes;
  };
}
