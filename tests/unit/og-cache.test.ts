import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedCardPng, cardVersion } from '@/lib/og-cache';
import { repoRoot } from '../support/server';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'og-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cachedCardPng', () => {
  const card = { title: 'Trust', byline: 'By Patrick B. Watson', siteName: 'Cornerstone' };
  const drawing = (bytes: number[]) => {
    const calls: number[] = [];
    const draw = async () => {
      calls.push(1);
      return new Uint8Array(bytes).buffer;
    };
    return { draw, calls };
  };

  it('draws a card once, then serves the same bytes from disk', async () => {
    const first = drawing([1, 2, 3]);
    expect([...(await cachedCardPng(card, first.draw, { dir }))]).toEqual([1, 2, 3]);
    const second = drawing([9, 9, 9]);
    expect([...(await cachedCardPng(card, second.draw, { dir }))]).toEqual([1, 2, 3]);
    expect([first.calls.length, second.calls.length]).toEqual([1, 0]);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('draws again when any text on the card changes', async () => {
    await cachedCardPng(card, drawing([1]).draw, { dir });
    const edited = drawing([2]);
    const png = await cachedCardPng({ ...card, title: 'Trust, revised' }, edited.draw, { dir });
    expect([[...png], edited.calls.length]).toEqual([[2], 1]);
  });

  it('draws without caching when there is no cache', async () => {
    const { draw, calls } = drawing([5]);
    await cachedCardPng(card, draw, null);
    await cachedCardPng(card, draw, null);
    expect(calls).toHaveLength(2);
  });
});

describe('cardVersion', () => {
  it('is a fingerprint of the drawing code here, and absent without it', () => {
    expect(cardVersion(repoRoot)).toMatch(/^[0-9a-f]{16}$/);
    expect(cardVersion(dir)).toBeUndefined();
  });
});
