import { afterEach, describe, expect, it, vi } from 'vitest';
import { getArticle, getPublishedArticles, getContent } from '@/lib/content';
import { ContentError } from '@/lib/diagnostics';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('getContent', () => {
  it('parses once per process: params, metadata and page share one load', () => {
    const first = getContent();
    expect(getContent()).toBe(first);
    const article = getArticle('building-trust-and-emotional-intimacy');
    expect(article).toBe(first.articles[0]);
    expect(getPublishedArticles()[0]).toBe(article);
  });

  it('shares that load with a second copy of the module, as a build worker’s graphs do', async () => {
    const first = getContent();
    vi.resetModules();
    const copy = await import('@/lib/content');
    expect(copy.getContent).not.toBe(getContent);
    expect(copy.getContent()).toBe(first);
  });

  it('throws a ContentError naming file, line and field for a broken tree', () => {
    vi.stubEnv('CONTENT_DIR', 'tests/fixtures/content/impossible-date');
    expect(() => getContent()).toThrow(ContentError);
    expect(() => getContent()).toThrow(/impossible-date\/articles\/[a-z-]+\.md:\d+:\d+: date: /);
  });
});
