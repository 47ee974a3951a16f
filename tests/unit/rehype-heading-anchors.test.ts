import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderMarkdownSections } from '@/lib/markdown';

const markdown = `Intro.[^b]

## Barriers to Trust[^a]

Text.

### What is Trust?

#### Small print

##### Too deep

[^a]: A reference with [a link](https://example.org/a).
[^b]: Another.
`;

describe('rehype-heading-anchors', () => {
  const rendered = renderMarkdown(markdown);

  it('appends a named anchor after the citation, never wrapping the heading', () => {
    expect(rendered.html).toContain(
      '<h2 id="barriers-to-trust">Barriers to Trust<sup data-pagefind-ignore=""><a href="#fn-a" id="fnref-a" data-footnote-ref aria-describedby="footnote-label" aria-label="Reference 2">2</a></sup>' +
        '<a class="heading-anchor" href="#barriers-to-trust" aria-label="Link to section: Barriers to Trust"></a></h2>',
    );
    // No link inside a link anywhere.
    expect(rendered.html).not.toMatch(/<a [^>]*>(?:(?!<\/a>).)*<a /s);
  });

  it('anchors h2 to h4 only', () => {
    const anchors = [...rendered.html.matchAll(/class="heading-anchor" href="#([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(anchors).toEqual(['barriers-to-trust', 'what-is-trust', 'small-print']);
  });

  it('keeps the outline text as it was and leaves the References heading bare', () => {
    expect(rendered.outline.map((entry) => entry.text)).toEqual([
      'Barriers to Trust',
      'What is Trust?',
    ]);
    expect(rendered.referencesHtml).toContain('<h2 id="footnote-label">References</h2>');
    expect(rendered.referencesHtml).not.toContain('heading-anchor');
  });

  it('adds none to FAQ answers, which are reused as structured data', () => {
    const [section] = renderMarkdownSections('## Is it safe?\n\nYes.\n\n### Why?\n\nBecause.\n');
    expect(section?.heading).toBe('Is it safe?');
    expect(section?.html).toBe('<p>Yes.</p>\n<h3 id="why">Why?</h3>\n<p>Because.</p>');
    expect(section?.text).toBe('Yes. Why? Because.');
  });
});
