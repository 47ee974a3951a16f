import type { Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import rehypeRawWhenNeeded from '@/lib/rehype-raw-when-needed';

describe('rehype-raw-when-needed', () => {
  const transform = rehypeRawWhenNeeded();

  it('leaves a tree without raw HTML alone (the same object, not a re-parse)', () => {
    const tree: Root = { type: 'root', children: [h('p', 'Plain Markdown.')] };
    expect(transform(tree, new VFile())).toBe(tree);
  });

  it('parses raw HTML into elements, so the sanitiser can judge them', () => {
    const tree: Root = {
      type: 'root',
      children: [h('p', ['Before ', { type: 'raw', value: '<kbd>Ctrl</kbd>' }, ' after.'])],
    };
    const out = transform(tree, new VFile());
    expect(out).not.toBe(tree);
    const paragraph = out.children[0];
    expect(paragraph?.type === 'element' && paragraph.children.map((c) => c.type)).toEqual([
      'text',
      'element',
      'text',
    ]);
  });
});
