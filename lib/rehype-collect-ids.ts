/**
 * Collects every `id` in the rendered tree into `file.data.ids`, in document order, with the
 * body position of the element that carries it (when it came from the source). The content
 * check uses the list to resolve `#anchor` links and to catch ids used twice on one page.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { z } from 'zod';

/** Declared as a schema so the render cache validates what it reads back against the same shape. */
export const collectedIdSchema = z.strictObject({
  id: z.string(),
  /** 1-based line and column in the Markdown body, when the element maps to source. */
  line: z.number().optional(),
  column: z.number().optional(),
});
export type CollectedId = z.infer<typeof collectedIdSchema>;

declare module 'vfile' {
  interface DataMap {
    ids: CollectedId[];
  }
}

export default function rehypeCollectIds() {
  return (tree: Root, file: VFile) => {
    const ids: CollectedId[] = [];
    visit(tree, 'element', (node) => {
      const id = node.properties.id;
      if (typeof id !== 'string' || id === '') return;
      const start = node.position?.start;
      ids.push(start ? { id, line: start.line, column: start.column } : { id });
    });
    file.data.ids = ids;
  };
}
