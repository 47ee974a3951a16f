/**
 * Keeps footnote citations and back-links out of the search index (Pagefind reads
 * `data-pagefind-ignore`). They are navigation, not words: indexed, an excerpt read
 * "The Role of Forgiveness 7" and the References' excerpts were dotted with "↩". The
 * reference texts themselves stay searchable.
 *
 * It runs after sanitising, so the attribute is ours and the sanitiser need not allow it.
 */
import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { isFootnoteBackref, isFootnoteReference } from './hast-footnotes';

export default function rehypeSearchIgnoreNotes() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (!isFootnoteReference(node) && !isFootnoteBackref(node)) return undefined;
      node.properties.dataPagefindIgnore = '';
      return SKIP;
    });
  };
}
