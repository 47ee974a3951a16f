/**
 * The content gate, rule by rule: each broken fixture under tests/fixtures/check/rules/ is laid
 * over a valid base tree and must produce exactly these lines, positions included.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content';
import { formatDiagnostic } from '@/lib/diagnostics';
import { checkFixtures, fixtureTree } from '../support/check-fixtures';

function check(rule?: string): string[] {
  const root = fixtureTree(rule);
  const prefix = `${path.relative(process.cwd(), root)}/`;
  return loadContent(root).diagnostics.map((d) => formatDiagnostic(d).replaceAll(prefix, ''));
}

const expected: Record<string, string[]> = {
  'yaml-syntax': [
    'articles/broken.md:5:22: frontmatter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  ],
  'missing-field': ['articles/broken.md:2:1: title: is required; it must be text (the headline)'],
  'wrong-type': ['articles/broken.md:6:8: draft: must be true or false'],
  'unknown-field': ['articles/broken.md:6:1: unknown field "tgas"; did you mean "tags"?'],
  'impossible-date': [
    'articles/broken.md:4:7: date: is not a real calendar date; February 2024 has 29 days',
    'articles/broken.md:5:10: updated: is not a real calendar date; the month must be 01 to 12',
  ],
  'js-frontmatter': [
    'articles/broken.md:1:4: front matter must be YAML opened by a bare "---", not "---js"; it is never evaluated',
  ],
  'unknown-author': [
    'articles/broken.md:5:9: author: no author "ada-lovelase" in authors/ (known: ada-lovelace)',
  ],
  'faq-unknown-article': ['faq/broken.md:3:10: article: no article "slow-morning" in articles/'],
  'duplicate-slug': [
    'articles/slow-mornings.md:1:1: slug "slow-mornings" is already used by articles/2024/slow-mornings.md; rename one of the files',
  ],
  'footnote-missing-definition': [
    'articles/broken.md:8:8: footnote [^okafor-2021] has no definition; add "[^okafor-2021]: <the reference>" at the end of the file, or did you mean [^okafor-2020]?',
  ],
  'footnote-unused-definition': [
    'articles/broken.md:11:1: footnote [^lee-2019] is defined but never cited; cite it in the text as [^lee-2019] or delete the definition',
  ],
  'footnote-invalid-label': [
    'articles/broken.md:8:33: "[^Davila 2016]" is not a valid footnote label (labels cannot contain spaces or brackets), so it shows as plain text; use a label such as [^davila-2016] in the citation and in its definition',
    'articles/broken.md:10:1: "[^Davila 2016]" is not a valid footnote label (labels cannot contain spaces or brackets), so it shows as plain text; use a label such as [^davila-2016] in the citation and in its definition',
  ],
  'link-missing-page': [
    'articles/broken.md:8:5: link "/articles/slow-morning": there is no page "/articles/slow-morning" on the site; did you mean "/articles/slow-mornings"?',
    'articles/broken.md:8:49: link "/authors/ada": there is no page "/authors/ada" on the site; pages under /authors/ are: ada-lovelace',
    // Only lists have a page 1 that redirects to them.
    'articles/broken.md:10:5: link "/faq/page/1": there is no page "/faq/page/1" on the site; check the slug in content/',
  ],
  'link-missing-anchor': [
    'articles/broken.md:8:5: link "/articles/slow-mornings#make-rooms": no heading or footnote with id "make-rooms" on "/articles/slow-mornings"; did you mean "#make-room"?',
    'articles/broken.md:8:56: link "/authors/ada-lovelace#biography": no heading with id "biography" on "/authors/ada-lovelace"',
    'articles/broken.md:9:5: link "/faq#how-early-should-we-wake-up": no question with id "how-early-should-we-wake-up" on "/faq"; did you mean "#how-early-should-we-get-up"?',
    'articles/broken.md:13:9: link "#her": no heading or footnote with id "her" on this page; did you mean "#here"?',
    'articles/broken.md:15:53: link "/authors/ada-lovelace#early-works": no heading with id "early-works" on "/authors/ada-lovelace"; did you mean "#early-work"?',
  ],
  'link-to-draft': [
    'articles/broken.md:8:6: link "/articles/unfinished": "/articles/unfinished" is a draft (draft: true), so this link would be broken on the published site; publish it first or remove the link',
    'articles/broken.md:8:44: link "/articles/next-year": "/articles/next-year" is scheduled for 2999-01-01, so this link would be broken on the published site; publish it first or remove the link',
  ],
  'image-without-alt': [
    'articles/broken.md:10:1: image "https://example.com/coffee.jpg" has no alt text; describe what it shows between the brackets, e.g. ![A couple talking on a bench](…)',
    'articles/broken.md:10:1: image "https://example.com/coffee.jpg" is on another site; the site shows only its own images (its Content-Security-Policy blocks others, and fetching them would tell that site who reads the page): save the file as public/images/coffee.jpg and write ![what it shows](/images/coffee.jpg)',
  ],
  'image-remote': [
    'articles/broken.md:10:1: image "https://example.com/photos/coffee.jpg?size=large" is on another site; the site shows only its own images (its Content-Security-Policy blocks others, and fetching them would tell that site who reads the page): save the file as public/images/coffee.jpg and write ![A cup of coffee on a sill](/images/coffee.jpg)',
    // By reference, and in raw HTML, a remote image is as blocked.
    'articles/broken.md:12:25: image "https://example.com/tea.jpg" is on another site; the site shows only its own images (its Content-Security-Policy blocks others, and fetching them would tell that site who reads the page): save the file as public/images/tea.jpg and write ![A cup of tea](/images/tea.jpg)',
    'articles/broken.md:14:1: image "//example.com/cake.png" is on another site; the site shows only its own images (its Content-Security-Policy blocks others, and fetching them would tell that site who reads the page): save the file as public/images/cake.png and write ![A slice of cake](/images/cake.png)',
  ],
  // Addresses that do not look remote but lead to another site, or to no file at all, in
  // Markdown, raw HTML and a srcset (which feeds, having no CSP, would fetch).
  'image-disguised-remote': [
    'articles/broken.md:10:1: image "https:/evil.example/pixel.png" is not a file of this site; save the image under public/images/ and write its path, such as ![A pixel](/images/picture.jpg)',
    'articles/broken.md:12:1: image "/\\evil.example/track.png" is on another site; the site shows only its own images (its Content-Security-Policy blocks others, and fetching them would tell that site who reads the page): save the file as public/images/track.png and write ![A tracker](/images/track.png)',
    'articles/broken.md:14:10: image "https://evil.example/large.png" is on another site; the site shows only its own images (its Content-Security-Policy blocks others, and fetching them would tell that site who reads the page): save the file as public/images/large.png and write ![what it shows](/images/large.png)',
    'articles/broken.md:14:10: image "/images/small.png": there is no file public/images/small.png; save the image there',
    'articles/broken.md:14:83: image "data:image/png;base64,iVBORw0KGgo=" is not a file of this site; save the image under public/images/ and write its path, such as ![An inline picture](/images/picture.jpg)',
    'articles/broken.md:14:83: warning: the src "data:image/png;base64,iVBORw0KGgo=" on <img> is removed by the sanitiser: only http, https URLs and site paths are allowed',
  ],
  // Invisible characters a feed cannot carry, in the frontmatter and in the body.
  'control-character': [
    'articles/broken.md:2:15: invisible character U+000B (line tabulation, which Word writes for Shift+Enter) is not allowed: it would break the RSS and Atom feeds; delete it (it is often pasted in from a word processor)',
    'articles/broken.md:8:22: invisible character U+001B (escape) is not allowed: it would break the RSS and Atom feeds; delete it (it is often pasted in from a word processor)',
  ],
  // Saved in Latin-1 ("Café" with a single byte é), and in UTF-16: refused before parsing.
  'not-utf8': [
    // Line 8 holds a genuine U+FFFD; the first byte that is not UTF-8 is on line 9.
    'articles/broken.md:9:4: the file is not UTF-8 (it looks like Latin-1 or Windows-1252, which would publish "Caf\uFFFD" for "Café"); save it as UTF-8',
  ],
  // With a byte-order mark, and without one (valid UTF-8 bytes, a NUL beside each letter).
  utf16: [
    'articles/broken.md:1:1: the file is saved as UTF-16; save it as UTF-8',
    'articles/no-bom.md:1:1: the file is saved as UTF-16; save it as UTF-8',
  ],
  // 3,000 nested HTML elements on line 8 overflow the stack of the tree walkers: that file's
  // error, on that line, not a crashed build. 3,000 nested quotes in a FAQ set, after a
  // question, are refused before parsing (lib/parser-hazards.ts).
  'too-deep': [
    'articles/broken.md:8:1: the text nests quotes, lists or HTML elements too deeply to be read (thousands of levels); flatten the nesting',
    // Said once for a FAQ set too, without "needs at least one question" on top.
    'faq/slow-mornings.md:8:1: lists or quotes nest 3,000 levels deep here: no reader can follow that many, and the Markdown parser slows down sharply on deep nesting; flatten it to fewer than 50 levels',
  ],
  // Text micromark would read for minutes, refused before parsing at the paragraph or line
  // where it is: emphasis marks spread over ten lines, brackets nested 8,001 deep under a
  // heading, a list nested 60 levels by indentation alone, a quote that goes on for 2,500
  // lines without its ">".
  'parser-hazards': [
    'articles/brackets.md:10:1: this paragraph holds more than 6,000 unescaped *, _, ~ or [ characters, which slow the Markdown parser down sharply; escape them (\\*, \\_, \\~, \\[), put them in a code block, or split the paragraph',
    'articles/emphasis.md:10:1: this paragraph holds more than 6,000 unescaped *, _, ~ or [ characters, which slow the Markdown parser down sharply; escape them (\\*, \\_, \\~, \\[), put them in a code block, or split the paragraph',
    'articles/lazy-quote.md:10:1: this quoted or listed paragraph goes on for more than 2,000 lines without its > or indent, which slows the Markdown parser down sharply; leave a blank line where the quote or list should end, or mark every line',
    'articles/nested-lists.md:57:1: lists or quotes nest 50 levels deep here: no reader can follow that many, and the Markdown parser slows down sharply on deep nesting; flatten it to fewer than 50 levels',
  ],
  // Mistakes that published something other than what the editor wrote, or nothing at all.
  'misnamed-file': [
    'articles/evening-walks.markdown:1:1: only files ending in ".md" are read, so this one would not be published; rename it to "evening-walks.md"',
    'articles/quiet-evenings.md.txt:1:1: only files ending in ".md" are read, so this one would not be published; rename it to "quiet-evenings.md"',
  ],
  'updated-before-date': [
    'articles/broken.md:6:10: updated: 2024-01-05 is before the publication date 2024-03-06; an update comes after publishing (fix the date, or remove "updated")',
  ],
  // "## " alone, and a heading whose only content is raw HTML the page may strip.
  'empty-heading': [
    'articles/broken.md:10:1: this heading has no text, so it would show as a blank line in the contents; write its text after the #s, or delete the line',
    'articles/broken.md:14:1: this heading has no text, so it would show as a blank line in the contents; write its text after the #s, or delete the line',
  ],
  // Nothing at all, and only an HTML comment (a note to editors, never shown).
  'empty-article': [
    'articles/broken.md:7:1: the article has no text; write it below the closing "---"',
    'articles/comment-only.md:7:1: the article has no text; write it below the closing "---"',
  ],
  // A repeated label that is never cited gets both messages, on each definition it applies to.
  'footnote-defined-twice': [
    'articles/broken.md:12:1: footnote [^lee-2019] is defined twice (first on line 10); only the first is shown, so merge the two or give this one its own label',
    'articles/never-cited.md:10:1: footnote [^kim-2020] is defined but never cited; cite it in the text as [^kim-2020] or delete the definition',
    'articles/never-cited.md:12:1: footnote [^kim-2020] is defined twice (first on line 10); only the first is shown, so merge the two or give this one its own label',
    'articles/never-cited.md:12:1: footnote [^kim-2020] is defined but never cited; cite it in the text as [^kim-2020] or delete the definition',
  ],
  // "trust" and "Trust", "Emotional intimacy" and "emotional-intimacy": one tag page each.
  'duplicate-tags': [
    'articles/broken.md:8:5: tags: "trust" is listed twice (/tags/trust); list it once',
    'articles/broken.md:10:5: tags: "emotional-intimacy" is the same tag as "emotional intimacy" (/tags/emotional-intimacy); list it once',
  ],
  // A hashtag after an unquoted title is a YAML comment. Not warned: "# the day it went live",
  // and in notes.md a comment on the line below a title, after a date and after a slug.
  'hashtag-comment': [
    'articles/broken.md:2:17: warning: title: YAML reads " #relationships #trust" as a comment, so the value is only "Ten tips"; put the whole value in quotes to keep it: title: "Ten tips #relationships #trust"',
  ],
  // A second FAQ set for one article (the article links to one), and a question whose id is
  // the one the FAQ page gives the set's title.
  // A file that ends at its closing "---": the message points at that last line, not past it.
  'faq-only-frontmatter': [
    'faq/slow-mornings.md:4:1: a FAQ set needs at least one "## Question?" heading followed by its answer',
  ],
  'faq-second-set': [
    'faq/slow-mornings.md:3:10: article: "slow-mornings" already has its FAQ set in faq/more-mornings.md; move these questions there (an article links to one set)',
  ],
  'faq-id-clash': [
    'faq/slow-mornings.md:10:1: id "faq-set-slow-mornings" is already used by the page itself, and ids must be unique on a page; rename this heading or change the HTML id',
  ],
  'image-missing-file': [
    'articles/broken.md:10:1: image "/images/coffee.jpg": there is no file public/images/coffee.jpg; save the image there',
  ],
  'link-incomplete-url': [
    'articles/broken.md:8:6: link "https://" is not a complete web address; write it in full, e.g. https://example.com/page',
  ],
  'bio-heading-level': [
    'authors/ada-lovelace.md:8:1: a level-2 heading in a bio stands beside "Biography" instead of under it; use ### for a section of the bio',
  ],
  'bio-footnote': [
    'authors/ada-lovelace.md:6:62: a bio cannot have footnotes: it is shown without its References; name the source in the text, or link to it',
  ],
  'bio-fragment-link': [
    'authors/ada-lovelace.md:6:68: link "#early-work" in a bio would break in the author card on article pages; write it from the site\'s root: "/authors/ada-lovelace#early-work"',
    'authors/ada-lovelace.md:10:48: link "../articles/slow-mornings" in a bio would break in the author card on article pages; write it from the site\'s root: "/articles/slow-mornings"',
  ],
  // A comment before the first question is a note to editors, which no page shows anyway.
  'faq-leading-comment': [],
  'faq-text-before-question': [
    'faq/slow-mornings.md:6:1: text before the first question is not shown on the FAQ page; start the file with a "## Question?" heading, or move this text under one',
  ],
  // The search page, feeds, sitemap, robots.txt, share cards and files in public/ all exist.
  'link-to-site-files': [],
  'heading-skip': [
    'articles/broken.md:10:1: heading level skips from h2 to h4; use ### here, or add the missing h3 above it',
  ],
  'duplicate-id': [
    'articles/broken.md:10:1: id "make-room" is already used on line 8, and ids must be unique on a page; rename this heading or change the HTML id',
    'articles/broken.md:12:1: id "article-title" is already used by the page itself, and ids must be unique on a page; rename this heading or change the HTML id',
    // The References heading the page generates: the editor's heading is reported, on its line.
    'articles/broken.md:18:1: id "footnote-label" is already used by the page itself, and ids must be unique on a page; rename this heading or change the HTML id',
    'authors/ada-lovelace.md:8:1: id "early-work" is already used by articles/broken.md:16, which shares the page /articles/broken, and ids must be unique on a page; rename this heading or change the HTML id',
  ],
  'raw-html': [
    'articles/broken.md:8:11: warning: the onclick attribute on <span> is removed by the sanitiser (event handlers never run in content); delete it',
    'articles/broken.md:8:58: warning: the link "javascript:alert(1)" is removed by the sanitiser (only http, https and mailto links are allowed), so its text shows unlinked; use a web address',
    'articles/broken.md:10:1: warning: raw HTML <script> is removed by the sanitiser and never reaches readers: content cannot run scripts; delete it',
    'articles/broken.md:12:1: warning: raw HTML <iframe> is removed by the sanitiser and never reaches readers: embeds are not allowed; for a YouTube video put its link alone on a line, otherwise link to the page',
  ],
  // A form field in raw HTML, beside a GFM task list item, which stays a checkbox silently.
  'raw-input': [
    'articles/broken.md:8:15: warning: <input> shows as a disabled checkbox (forms do not work in content); for a checklist write "- [ ] item", otherwise delete it',
  ],
  'placeholder-description': [
    'articles/broken.md:3:14: description: is still the placeholder from `npm run new`; write the summary a search result should show (a placeholder is only allowed while `draft: true`)',
  ],
  'placeholder-role': [
    'authors/new-author.md:3:7: role: is still the placeholder from `npm run new`; write a short role line, e.g. "Writer on relationships"',
  ],
};

describe('content check fixtures', () => {
  it('the base tree is clean', () => {
    expect(check()).toEqual([]);
  });

  it.each(Object.entries(expected))('%s', (rule, lines) => {
    expect(check(rule)).toEqual(lines);
  });

  it('has one fixture per rule listed here, and no other', () => {
    expect(readdirSync(path.join(checkFixtures, 'rules')).sort()).toEqual(
      Object.keys(expected).sort(),
    );
  });

  it('allows links to drafts under next dev, where their pages exist', () => {
    const saved = process.env.NODE_ENV;
    Reflect.set(process.env, 'NODE_ENV', 'development');
    try {
      expect(check('link-to-draft')).toEqual([]);
    } finally {
      Reflect.set(process.env, 'NODE_ENV', saved);
    }
  });

  it('never evaluates JavaScript front matter', () => {
    check('js-frontmatter');
    expect(Reflect.get(globalThis, '__cornerstonePwned')).toBeUndefined();
  });
});
