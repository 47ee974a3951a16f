/**
 * The control for tests/browser/hostile-content.test.ts: each hostile payload really does
 * carry executable script into the HTML when nothing sanitises it, and renderMarkdown takes
 * that script out. Without the first half, "no payload ran in Chromium" could just mean the
 * payload was inert to begin with.
 */
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';
import {
  alertCall,
  findScriptCarriers,
  HOSTILE_PAYLOADS,
  renderUnsanitisedTree,
  wrapPayload,
} from '../support/hostile-payloads';

describe('hostile payloads without the sanitiser', () => {
  it.each(HOSTILE_PAYLOADS)(
    '$id puts its script in the expected element and attribute',
    (payload) => {
      const tree = renderUnsanitisedTree(wrapPayload(payload));
      expect(findScriptCarriers(tree, alertCall(payload.id))).toEqual([payload.carrier]);
    },
  );
});

describe('hostile payloads through renderMarkdown', () => {
  it.each(HOSTILE_PAYLOADS)('$id leaves no element holding its script', (payload) => {
    const { html } = renderMarkdown(wrapPayload(payload));
    const tree = fromHtml(html, { fragment: true });
    expect(findScriptCarriers(tree, alertCall(payload.id))).toEqual([]);
    expect(html).toMatch(/^<p>Before the payload\.<\/p>\n[\s\S]*<p>After the payload\.<\/p>$/);
  });
});
