/**
 * Hostile raw HTML in Markdown must come out harmless, and the prose around it must survive.
 * Each case is a paragraph "Before <hostile> after." and checks both halves.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';

const render = (markdown: string) => renderMarkdown(markdown).html;

describe('renderMarkdown removes hostile inline HTML and keeps the paragraph', () => {
  it.each([
    ['<script>', 'Before <script>alert(1)</script> after.', '<p>Before  after.</p>'],
    [
      'an onerror handler',
      'Before <img src="cat.png" alt="cat" onerror="alert(1)"> after.',
      '<p>Before <img src="cat.png" alt="cat"> after.</p>',
    ],
    [
      'an onclick handler',
      'Before <a href="https://example.org/" onclick="alert(1)">link</a> after.',
      '<p>Before <a href="https://example.org/">link</a> after.</p>',
    ],
    [
      'a javascript: href',
      'Before <a href="javascript:alert(1)">link</a> after.',
      '<p>Before <a>link</a> after.</p>',
    ],
    [
      'a mixed-case JaVaScRiPt: href',
      'Before <a href="JaVaScRiPt:alert(1)">link</a> after.',
      '<p>Before <a>link</a> after.</p>',
    ],
    [
      'an entity-encoded &#106;avascript: href',
      'Before <a href="&#106;avascript:alert(1)">link</a> after.',
      '<p>Before <a>link</a> after.</p>',
    ],
    [
      'a javascript: href after a space',
      'Before <a href=" javascript:alert(1)">link</a> after.',
      '<p>Before <a>link</a> after.</p>',
    ],
    [
      'a javascript: href after a tab',
      'Before <a href="\tjavascript:alert(1)">link</a> after.',
      '<p>Before <a>link</a> after.</p>',
    ],
    [
      'a javascript: href after an encoded tab',
      'Before <a href="&#x09;javascript:alert(1)">link</a> after.',
      '<p>Before <a>link</a> after.</p>',
    ],
    [
      'a Markdown javascript: link',
      'Before [link](javascript:alert(1)) after.',
      '<p>Before <a>link</a> after.</p>',
    ],
    [
      'a vbscript: href',
      'Before <a href="vbscript:msgbox(1)">link</a> after.',
      '<p>Before <a>link</a> after.</p>',
    ],
    [
      'a data: image src',
      'Before <img src="data:image/svg+xml;base64,PHN2Zz4=" alt="d"> after.',
      '<p>Before <img alt="d"> after.</p>',
    ],
    [
      'a Markdown data: image',
      'Before ![d](data:image/png;base64,AAAA) after.',
      '<p>Before <img alt="d"> after.</p>',
    ],
    [
      '<iframe>',
      'Before <iframe src="https://evil.example/"></iframe> after.',
      '<p>Before  after.</p>',
    ],
    ['<object>', 'Before <object data="movie.swf"></object> after.', '<p>Before  after.</p>'],
    ['<embed>', 'Before <embed src="movie.swf"> after.', '<p>Before  after.</p>'],
    ['<base>', 'Before <base href="https://evil.example/"> after.', '<p>Before  after.</p>'],
    [
      '<meta http-equiv="refresh">',
      'Before <meta http-equiv="refresh" content="0;url=https://evil.example/"> after.',
      '<p>Before  after.</p>',
    ],
    [
      '<script> inside <svg>',
      'Before <svg><script>alert(1)</script></svg> after.',
      '<p>Before  after.</p>',
    ],
  ])('%s', (_, markdown, expected) => {
    expect(render(markdown)).toBe(expected);
  });
});

describe('renderMarkdown removes hostile block HTML and keeps the text around it', () => {
  it('drops <style> markup', () => {
    const html = render('Before.\n\n<style>p{color:red}</style>\n\nAfter.\n');
    expect(html).not.toContain('<style');
    expect(html).toMatch(/^<p>Before\.<\/p>\n[\s\S]*\n<p>After\.<\/p>$/);
  });

  it('does not show the CSS of a <style> element as text', () => {
    expect(render('Before.\n\n<style>p{color:red}</style>\n\nAfter.\n')).toBe(
      '<p>Before.</p>\n\n<p>After.</p>',
    );
  });

  it('drops a <form> with its action, keeping the text around it', () => {
    const html = render(
      'Before.\n\n<form action="https://evil.example/" method="post"><button>Send</button></form>\n\nAfter.\n',
    );
    expect(html).not.toContain('<form');
    expect(html).not.toContain('action=');
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('<button');
    expect(html).toMatch(/^<p>Before\.<\/p>\n[\s\S]*\n<p>After\.<\/p>$/);
  });
});

describe('renderMarkdown guards against DOM clobbering', () => {
  it('prefixes a name attribute with "user-content-"', () => {
    expect(render('Before <img name="getElementById" src="a.png" alt="a"> after.')).toBe(
      '<p>Before <img name="user-content-getElementById" src="a.png" alt="a"> after.</p>',
    );
  });
});

describe('renderMarkdown keeps benign HTML', () => {
  it('keeps <kbd> and <sup>', () => {
    expect(render('Press <kbd>Ctrl</kbd>+<kbd>C</kbd>; E=mc<sup>2</sup> holds.')).toBe(
      '<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>; E=mc<sup>2</sup> holds.</p>',
    );
  });

  it('keeps http(s) and mailto links and relative images', () => {
    expect(
      render(
        'See <a href="https://example.org/">this</a>, [mail](mailto:ed@example.org) and ![x](/img/x.png).',
      ),
    ).toBe(
      '<p>See <a href="https://example.org/">this</a>, <a href="mailto:ed@example.org">mail</a> and <img src="/img/x.png" alt="x">.</p>',
    );
  });
});
