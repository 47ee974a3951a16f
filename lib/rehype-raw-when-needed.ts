/**
 * rehype-raw, run only on trees that hold raw HTML. rehype-raw re-parses the whole tree with
 * parse5 to turn raw strings into elements that rehype-sanitize can judge; a tree without any
 * comes out of it unchanged, so most articles skip a pass that cost about a tenth of a render.
 */
import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export default function rehypeRawWhenNeeded() {
  return (tree: Root, file: VFile): Root => {
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return EXIT;
    });
    if (!hasRaw) return tree;
    const parsed = raw(tree, { file });
    // raw() returns the node type it was given; a root stays a root.
    return parsed.type === 'root' ? parsed : tree;
  };
}
