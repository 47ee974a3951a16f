/**
 * Counts the words a reader reads in the body into `file.data.wordCount`. Footnote definitions
 * (the References) and code are left out: they are consulted, not read through.
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    wordCount: number;
  }
}

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

function countWords(node: Nodes): number {
  switch (node.type) {
    case 'footnoteDefinition':
    case 'code':
    case 'html':
    case 'footnoteReference':
      return 0;
    case 'text':
    case 'inlineCode':
      return node.value.match(WORD)?.length ?? 0;
    default:
      return 'children' in node
        ? node.children.reduce((sum, child) => sum + countWords(child), 0)
        : 0;
  }
}

export default function remarkWordCount() {
  return (tree: Root, file: VFile) => {
    file.data.wordCount = countWords(tree);
  };
}
