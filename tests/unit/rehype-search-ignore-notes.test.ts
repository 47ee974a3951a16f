import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';

describe('rehypeSearchIgnoreNotes', () => {
  const { html, referencesHtml } = renderMarkdown(
    'Trust matters.[^a] So does ## not this.\n\n## The Role of Forgiveness[^b]\n\nText.\n\n[^a]: Gottman, 1999.\n[^b]: Enright, 2015.\n',
  );

  it('keeps citations out of the search index, in text and in headings', () => {
    const citations = html.match(/<sup[^>]*>/g) ?? [];
    expect(citations).toHaveLength(2);
    for (const sup of citations) expect(sup).toContain('data-pagefind-ignore=""');
  });

  it('keeps the back-links out too, but indexes the reference texts', () => {
    const backrefs = referencesHtml.match(/<a [^>]*data-footnote-backref[^>]*>/g) ?? [];
    expect(backrefs).toHaveLength(2);
    for (const link of backrefs) expect(link).toContain('data-pagefind-ignore=""');
    expect(referencesHtml).toMatch(/<li id="fn-a">(?:(?!data-pagefind-ignore).)*Gottman, 1999/s);
  });

  it('marks nothing else', () => {
    expect((html + referencesHtml).match(/data-pagefind-ignore/g)).toHaveLength(4);
  });
});
