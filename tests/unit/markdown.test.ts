import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@/lib/frontmatter';
import { renderMarkdown } from '@/lib/markdown';
import { youtubeIdFromUrl } from '@/lib/rehype-youtube-embed';
import { articleFrontmatterSchema } from '@/lib/schema';

const source = readFileSync('content/articles/building-trust-and-emotional-intimacy.md', 'utf8');
const parsed = parseFrontmatter(source);
const frontmatter = articleFrontmatterSchema.parse(parsed.data);
const rendered = renderMarkdown(parsed.body, { video: frontmatter.video });
const { html, referencesHtml } = rendered;

/** Every value of `attribute` in `markup`, in document order. */
function attributeValues(markup: string, attribute: string): string[] {
  return [...markup.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((m) => m[1] ?? '');
}

const count = (text: string, part: string) => text.split(part).length - 1;

const LABELS = [
  'gottman-1999',
  'rempel-1985',
  'bowlby-1973',
  'johnson-2008',
  'gottman-silver-2015',
  'gottman-silver-2000',
  'enright-2015',
];

describe('renderMarkdown: footnotes in the real article', () => {
  it('collects 7 footnotes in reading order', () => {
    expect(rendered.footnotes.map((f) => [f.number, f.id])).toEqual(
      LABELS.map((label, i) => [i + 1, `fn-${label}`]),
    );
  });

  it('cites each footnote with a link whose href and id match the reference list', () => {
    const citations = [...html.matchAll(/<a href="#fn-([^"]+)" id="fnref-([^"]+)"/g)];
    expect(citations.map((m) => m[1])).toEqual(LABELS);
    expect(citations.map((m) => m[2])).toEqual(LABELS);
    const listIds = [...referencesHtml.matchAll(/<li id="([^"]+)">/g)].map((m) => m[1]);
    expect(listIds).toEqual(LABELS.map((label) => `fn-${label}`));
  });

  it('links every back-link to a citation id in the body', () => {
    const bodyIds = new Set(attributeValues(html, 'id'));
    const backHrefs = [...referencesHtml.matchAll(/href="#(fnref-[^"]+)"/g)].map((m) => m[1]);
    expect(backHrefs).toEqual(LABELS.map((label) => `fnref-${label}`));
    for (const id of backHrefs) expect(bodyIds).toContain(id);
  });

  it('names each citation "Reference N"', () => {
    const labels = [...html.matchAll(/data-footnote-ref [^>]*aria-label="([^"]+)"/g)];
    expect(labels.map((m) => m[1])).toEqual(LABELS.map((_, i) => `Reference ${i + 1}`));
  });

  it('has a visible References heading in referencesHtml only', () => {
    expect(referencesHtml).toContain('<h2 id="footnote-label">References</h2>');
    expect(html).not.toContain('data-footnotes');
    expect(html).not.toContain('id="footnote-label"');
  });

  it('keeps reference 2 text once, without back-link arrows', () => {
    const reference = rendered.footnotes[1];
    const sentence = 'This academic paper discusses the importance of trust in relationships.';
    expect(count(reference?.text ?? '', sentence)).toBe(1);
    expect(count(referencesHtml, sentence)).toBe(1);
    expect(reference?.text).not.toContain('↩');
    expect(reference?.html).not.toContain('fnref-');
  });

  it('collects the absolute links of each reference', () => {
    expect(rendered.footnotes.map((f) => f.urls)).toEqual([
      ['https://en.wikipedia.org/wiki/John_Gottman'],
      [],
      ['https://en.wikipedia.org/wiki/John_Bowlby'],
      ['https://en.wikipedia.org/wiki/Sue_Johnson'],
      [],
      [],
      [],
    ]);
  });
});

describe('renderMarkdown: a footnote cited twice', () => {
  const twice = renderMarkdown('First claim[^a]. Second claim[^a].\n\n[^a]: The only source.\n');

  it('gives each citation its own fnref id', () => {
    const ids = [...twice.html.matchAll(/<a href="#fn-a" id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['fnref-a', 'fnref-a-2']);
  });

  it('lists one reference with two back-links', () => {
    const backs = [
      ...twice.referencesHtml.matchAll(
        /<a href="#(fnref-a[^"]*)" data-footnote-backref="" aria-label="([^"]+)"/g,
      ),
    ];
    expect(backs.map((m) => [m[1], m[2]])).toEqual([
      ['fnref-a', 'Back to citation 1'],
      ['fnref-a-2', 'Back to citation 1 (2)'],
    ]);
    expect(twice.footnotes).toHaveLength(1);
    expect(twice.footnotes[0]?.text).toBe('The only source.');
  });
});

describe('renderMarkdown: headings and outline', () => {
  it('gives a heading with a citation an id from its words alone', () => {
    expect(html).toContain(
      '<h2 id="barriers-to-building-trust-and-emotional-intimacy">Barriers to Building Trust and Emotional Intimacy<sup data-pagefind-ignore="">',
    );
    const entry = rendered.outline.find(
      (e) => e.id === 'barriers-to-building-trust-and-emotional-intimacy',
    );
    expect(entry).toEqual({
      depth: 2,
      id: 'barriers-to-building-trust-and-emotional-intimacy',
      text: 'Barriers to Building Trust and Emotional Intimacy',
    });
  });

  it('never puts a footnote number into a heading id or outline text', () => {
    const headingIds = [...html.matchAll(/<h[2-6] id="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(headingIds).toContain('strategies-for-building-trust');
    expect(headingIds).toContain('the-role-of-forgiveness');
    for (const id of headingIds) expect(id).not.toMatch(/[a-z]\d+$/);
    for (const entry of rendered.outline) expect(entry.text).not.toMatch(/[a-z]\d+$/i);
  });

  it('builds the outline from h2 and h3 and leaves out References', () => {
    // The `##` and `###` lines of the source, with citations and Markdown escapes removed.
    const sourceHeadings = [...parsed.body.matchAll(/^(#{2,3}) (.+)$/gm)].map((m) => ({
      depth: m[1]?.length,
      text: (m[2] ?? '').replace(/\[\^[^\]]+\]/g, '').replace(/\\\./g, '.'),
    }));
    expect(sourceHeadings).toHaveLength(33);
    expect(rendered.outline.map(({ depth, text }) => ({ depth, text }))).toEqual(sourceHeadings);
    expect(rendered.outline.filter((e) => e.depth === 2)).toHaveLength(10);
    expect(rendered.outline.map((e) => e.text)).not.toContain('References');
    expect(rendered.outline.map((e) => e.id)).not.toContain('footnote-label');
    expect(rendered.outline.slice(0, 3)).toEqual([
      {
        depth: 2,
        id: 'understanding-trust-and-emotional-intimacy',
        text: 'Understanding Trust and Emotional Intimacy',
      },
      { depth: 3, id: 'what-is-trust', text: 'What is Trust?' },
      { depth: 3, id: 'emotional-intimacy-defined', text: 'Emotional Intimacy Defined' },
    ]);
  });

  it('uses every id once across the body and the references', () => {
    const ids = [...attributeValues(html, 'id'), ...attributeValues(referencesHtml, 'id')];
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('keeps heading ids unique when a cited heading repeats', () => {
    const { html: repeated } = renderMarkdown('## Intro[^a]\n\n## Intro\n\n[^a]: Note.\n');
    const ids = attributeValues(repeated, 'id');
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe('renderMarkdown: word count', () => {
  it('counts body words and leaves out references', () => {
    expect(rendered.wordCount).toBe(1184);
    expect(renderMarkdown('One two three.[^n]\n\n[^n]: Four five six seven.\n').wordCount).toBe(3);
  });
});

describe('renderMarkdown: the YouTube link', () => {
  const figure = /<figure class="video"[^>]*>[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';

  it('becomes a video figure named from the frontmatter video', () => {
    expect(figure).toContain(
      '<figure class="video" data-video-id="gh5VhaicC6g" data-video-title="Skills for Healthy Romantic Relationships">',
    );
    expect(figure).toContain(
      '<button class="video-play" type="button" aria-label="Play: Skills for Healthy Romantic Relationships">',
    );
    // The poster's URL carries a hash of the poster, so a changed title is a new URL.
    expect(figure).toMatch(
      /<img class="video-poster" src="\/video-posters\/gh5VhaicC6g-[0-9a-f]{10}\.svg" alt=""/,
    );
    expect(figure).toContain(
      '<noscript><a class="video-fallback" href="https://www.youtube.com/watch?v=gh5VhaicC6g">Watch “Skills for Healthy Romantic Relationships” on YouTube</a></noscript>',
    );
    expect(figure).toContain('— Joanne Davila, TEDxSBU');
  });

  it('leaves no paragraph holding the bare link', () => {
    expect(html).not.toContain('Joanne Davila | TEDxSBU');
    expect(html).not.toMatch(/<p><a href="https:\/\/www\.youtube\.com/);
  });

  it('requests nothing from YouTube until the reader asks', () => {
    expect(html).not.toContain('<iframe');
    for (const src of attributeValues(html, 'src')) expect(src).not.toMatch(/youtube|ytimg/);
  });

  it('takes the title from the link text when frontmatter names no such video', () => {
    const { html: other } = renderMarkdown('[A talk](https://youtu.be/dQw4w9WgXcQ)\n');
    expect(other).toContain('aria-label="Play: A talk"');
    const posterUrl = (html: string) =>
      /src="(\/video-posters\/dQw4w9WgXcQ-[0-9a-f]{10}\.svg)"/.exec(html)?.[1];
    const first = posterUrl(other);
    expect(first).toBeDefined();
    // Another title draws another poster, under another URL.
    const { html: renamed } = renderMarkdown('[Another talk](https://youtu.be/dQw4w9WgXcQ)\n');
    const second = posterUrl(renamed);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
  });

  it('lists every embedded video, so each gets its poster', () => {
    const { videos } = renderMarkdown(
      '[A talk](https://youtu.be/dQw4w9WgXcQ)\n\nSee [this](https://youtu.be/aaaaaaaaaaa) in text.\n\n' +
        'https://www.youtube.com/watch?v=gh5VhaicC6g\n',
      { video: { id: 'gh5VhaicC6g', title: 'Skills', speaker: 'Joanne Davila', event: 'TEDxSBU' } },
    );
    // The link inside running text is not embedded, so it needs no poster.
    expect(videos).toEqual([
      { id: 'dQw4w9WgXcQ', title: 'A talk' },
      { id: 'gh5VhaicC6g', title: 'Skills', speaker: 'Joanne Davila', event: 'TEDxSBU' },
    ]);
  });

  it('leaves a YouTube link inside running text alone', () => {
    const { html: inline } = renderMarkdown('See [this](https://youtu.be/dQw4w9WgXcQ) talk.\n');
    expect(inline).toBe('<p>See <a href="https://youtu.be/dQw4w9WgXcQ">this</a> talk.</p>');
  });
});

describe('youtubeIdFromUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=gh5VhaicC6g', 'gh5VhaicC6g'],
    ['https://youtube.com/watch?v=gh5VhaicC6g&t=42', 'gh5VhaicC6g'],
    ['https://m.youtube.com/watch?v=gh5VhaicC6g', 'gh5VhaicC6g'],
    ['https://youtu.be/gh5VhaicC6g', 'gh5VhaicC6g'],
    ['https://youtu.be/gh5VhaicC6g?t=10', 'gh5VhaicC6g'],
    ['https://www.youtube.com/embed/gh5VhaicC6g', 'gh5VhaicC6g'],
    ['https://www.youtube-nocookie.com/embed/gh5VhaicC6g', 'gh5VhaicC6g'],
  ])('%s → %s', (url, id) => {
    expect(youtubeIdFromUrl(url)).toBe(id);
  });

  it.each([
    ['a look-alike host', 'https://youtube.com.evil.example/watch?v=gh5VhaicC6g'],
    ['another host', 'https://vimeo.com/watch?v=gh5VhaicC6g'],
    ['a short id', 'https://www.youtube.com/watch?v=gh5Vhai'],
    ['a bad character in the id', 'https://youtu.be/gh5Vhai%3CC6g'],
    ['a watch URL without v', 'https://www.youtube.com/watch?list=gh5VhaicC6g'],
    ['a channel path', 'https://www.youtube.com/@gh5VhaicC6g'],
    ['a javascript: URL', 'javascript:alert("https://youtu.be/gh5VhaicC6g")'],
    ['not a URL', 'youtu.be/gh5VhaicC6g'],
  ])('rejects %s', (_, url) => {
    expect(youtubeIdFromUrl(url)).toBeUndefined();
  });
});
