/**
 * Gives every footnote citation an accessible name. Out of the box a citation is a link whose
 * whole text is "3", which a screen reader announces as "link, 3"; "Reference 3" says where it
 * goes. Back-links get a matching "Back to citation 3" (or "3b" for a second citation).
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export default function rehypeFootnoteLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined) {
        node.properties.ariaLabel = `Reference ${toString(node).trim()}`;
      }
    });
  };
}
