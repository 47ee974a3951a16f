/**
 * Editors' workflow end to end, on fixture content trees built into their own dist dir
 * (`NEXT_DIST_DIR=.next-fixture`) so the main build is left alone:
 *
 * 1. a production build of tests/fixtures/check/site (twelve posts, a draft, a scheduled post,
 *    tags, two authors), served by `next start`: listings, pagination, tags, related posts,
 *    previous/next, and drafts and scheduled posts absent everywhere;
 * 2. the gate: `npm run check`, `npm run build` and a bare `next build` on a broken tree;
 * 3. `next dev`: drafts shown with a banner, and an edited file shown on reload.
 *
 * The describes run in order and share the dist dir, one Next.js process at a time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localIsoDate } from '@/lib/scaffold';
import { generateContent } from '../../bench/synthetic-content';
import { capture, repoFixtureTree } from '../support/check-fixtures';
import { collapse, duplicateIds } from '../support/html';
import { freePort, nextBin, repoRoot, run, startNext, type RunningServer } from '../support/server';

const SITE = 'tests/fixtures/check/site';
const DIST = '.next-fixture';
const UNPUBLISHED = [
  'unfinished-draft',
  'An unfinished draft',
  'drafts only',
  'drafts-only',
  'scheduled-for-later',
  'A post scheduled for later',
  'future only',
  'future-only',
];

// Builds rewrite next-env.d.ts to point at their dist dir; put the developer's copy back.
const nextEnvPath = path.join(repoRoot, 'next-env.d.ts');
const savedNextEnv = existsSync(nextEnvPath) ? readFileSync(nextEnvPath, 'utf8') : undefined;
afterAll(() => {
  if (savedNextEnv !== undefined) writeFileSync(nextEnvPath, savedNextEnv);
});

async function get(
  base: string,
  pathname: string,
): Promise<{ status: number; $: CheerioAPI; html: string }> {
  const response = await fetch(new URL(pathname, base), { redirect: 'manual' });
  const html = await response.text();
  return { status: response.status, $: load(html), html };
}

const jsonLdType = z.object({ '@type': z.string() });

const post = (n: number) => `/articles/post-${String(n).padStart(2, '0')}`;
const cardLinks = ($: CheerioAPI) =>
  $('.card-title a')
    .map((_, a) => $(a).attr('href'))
    .get();

describe('a production build of the fixture site', () => {
  let server: RunningServer | undefined;
  let base = '';
  const page = (pathname: string) => get(base, pathname);

  // A render cache of the build's own, empty, which logs every render and cache hit.
  const cache = mkdtempSync(path.join(tmpdir(), 'cornerstone-fixture-cache-'));
  const cacheStats = path.join(cache, 'stats.tsv');

  beforeAll(async () => {
    await run(process.execPath, [nextBin, 'build'], {
      CONTENT_DIR: SITE,
      NEXT_DIST_DIR: DIST,
      MARKDOWN_CACHE_DIR: path.join(cache, 'entries'),
      MARKDOWN_CACHE_STATS: cacheStats,
    });
    server = await startNext({ CONTENT_DIR: SITE, NEXT_DIST_DIR: DIST });
    base = server.url;
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(cache, { recursive: true, force: true });
  });

  it('renders each body once, its build workers sharing the work', () => {
    const rendered = readFileSync(cacheStats, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t'))
      .filter(([event]) => event === 'miss')
      .map(([, , file]) => file);
    const bodies = readdirSync(SITE, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.md'))
      .map((file) => path.join(SITE, file));
    expect(rendered.sort()).toEqual(bodies.sort());
  });

  it('lists the ten newest posts on the home page and links to page 2', async () => {
    const { status, $ } = await page('/');
    expect(status).toBe(200);
    expect(cardLinks($)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map(post));
    const pagination = $('nav.pagination');
    expect(pagination.find('[aria-current="page"]').text()).toBe('1');
    expect(pagination.find('a[rel="next"]').attr('href')).toBe('/page/2');
    expect(pagination.find('a[rel="prev"]')).toHaveLength(0);
  });

  it('puts the rest on /page/2, which links back to the home page', async () => {
    const { status, $ } = await page('/page/2');
    expect(status).toBe(200);
    expect(cardLinks($)).toEqual([2, 1].map(post));
    expect(collapse($('h1').text())).toBe('Cornerstone');
    expect($('nav.pagination a[rel="prev"]').attr('href')).toBe('/');
    expect($('nav.pagination a[rel="next"]')).toHaveLength(0);
    expect($('link[rel="canonical"]').attr('href')).toMatch(/\/page\/2$/);
  });

  it.each(['/page/3', '/page/0', '/page/two'])('%s is a 404', async (pathname) => {
    expect((await page(pathname)).status).toBe(404);
  });

  it.each([
    ['/page/1', '/'],
    ['/tags/habits/page/1', '/tags/habits'],
    ['/authors/grace-hopper/page/1', '/authors/grace-hopper'],
  ])('redirects %s to %s, the first page of that list', async (from, to) => {
    const response = await fetch(new URL(from, base), { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(new URL(response.headers.get('location') ?? '', base).pathname).toBe(to);
  });

  it.each(['/tags/habits/page/2', '/authors/grace-hopper/page/2', '/tags/habits/page/x'])(
    '%s is a 404: the list has one page',
    async (pathname) => {
      expect((await page(pathname)).status).toBe(404);
    },
  );

  it('lists every tag with its count on /tags', async () => {
    const { $ } = await page('/tags');
    const tags = $('.tag-index li')
      .map((_, li) => ({
        href: $(li).find('a').attr('href'),
        text: collapse($(li).text()),
      }))
      .get();
    expect(tags).toEqual([
      { href: '/tags/habits', text: 'habits 4 articles' },
      { href: '/tags/mornings', text: 'mornings 4 articles' },
      { href: '/tags/trust', text: 'trust 4 articles' },
      { href: '/tags/communication', text: 'communication 3 articles' },
    ]);
  });

  it('lists a tag’s articles, newest first, on its page', async () => {
    const { status, $ } = await page('/tags/habits');
    expect(status).toBe(200);
    expect(collapse($('h1').text())).toBe('habits');
    expect(cardLinks($)).toEqual([11, 4, 2, 1].map(post));
  });

  it('shows and links the tags on an article', async () => {
    const { $ } = await page(post(1));
    const tags = $('article header ul.tag-list a')
      .map((_, a) => [[$(a).text(), $(a).attr('href')]])
      .get();
    expect(tags).toEqual([
      ['habits', '/tags/habits'],
      ['mornings', '/tags/mornings'],
    ]);
  });

  it('ends an article with related posts: most shared tags, then most recent', async () => {
    const { $ } = await page(post(1));
    const related = $('section.related li a')
      .map((_, a) => $(a).attr('href'))
      .get();
    // post-04 shares both tags; post-12, -11 share one and are the newest of those.
    expect(related).toEqual([4, 12, 11].map(post));
    expect(collapse($('#related-title').text())).toBe('Related articles');
  });

  it('links to the previous (older) and next (newer) article', async () => {
    const first = (await page(post(1))).$;
    expect(first('nav.article-nav a[rel="prev"]')).toHaveLength(0);
    expect(first('nav.article-nav a[rel="next"]').attr('href')).toBe(post(2));
    const middle = (await page(post(5))).$;
    expect(middle('nav.article-nav a[rel="prev"]').attr('href')).toBe(post(4));
    expect(middle('nav.article-nav a[rel="next"]').attr('href')).toBe(post(6));
    expect(collapse(middle('nav.article-nav a[rel="next"]').text())).toBe(
      'Next article Keeping small promises',
    );
    // The draft (dated after post-12) is not the newest post's "next".
    const newest = (await page(post(12))).$;
    expect(newest('nav.article-nav a[rel="prev"]').attr('href')).toBe(post(11));
    expect(newest('nav.article-nav a[rel="next"]')).toHaveLength(0);
  });

  it('draws a poster for a video embedded without a `video:` entry', async () => {
    const { $ } = await page('/articles/post-04');
    const poster = $('figure.video img.video-poster').attr('src');
    expect(poster).toMatch(/^\/video-posters\/dQw4w9WgXcQ-[0-9a-f]{10}\.svg$/);
    const response = await fetch(`${base}${poster}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await response.text()).toContain('A talk on listening');
  });

  it('lists only an author’s published articles on their page', async () => {
    const { $ } = await page('/authors/grace-hopper');
    expect(cardLinks($)).toEqual([12, 10, 8, 6, 4, 2].map(post));
  });

  it.each([
    '/articles/unfinished-draft',
    '/articles/scheduled-for-later',
    '/tags/drafts-only',
    '/tags/future-only',
  ])('%s has no page', async (pathname) => {
    expect((await page(pathname)).status).toBe(404);
  });

  it('never mentions the draft or the scheduled post, and shows no draft banner', async () => {
    const pages = [
      '/',
      '/page/2',
      '/tags',
      '/tags/habits',
      '/tags/mornings',
      '/tags/trust',
      '/tags/communication',
      '/authors/ada-lovelace',
      '/authors/grace-hopper',
      '/faq',
      ...Array.from({ length: 12 }, (_, i) => post(i + 1)),
    ];
    for (const pathname of pages) {
      const { status, html, $ } = await page(pathname);
      expect(status, pathname).toBe(200);
      for (const text of UNPUBLISHED)
        expect(html, `${pathname} mentions ${text}`).not.toContain(text);
      expect($('.draft-banner, .card-badge'), pathname).toHaveLength(0);
      expect(duplicateIds($), pathname).toEqual([]);
    }
  });
});

/** A tree with two errors and four warnings, inside the repo so paths are short and stable. */
const BROKEN = 'tests/artifacts/check-broken';
const BROKEN_ERRORS = [
  `${BROKEN}/articles/missing-footnote.md:8:8: footnote [^okafor-2021] has no definition; add "[^okafor-2021]: <the reference>" at the end of the file, or did you mean [^okafor-2020]?`,
  `${BROKEN}/articles/skipped-heading.md:10:1: heading level skips from h2 to h4; use ### here, or add the missing h3 above it`,
];
const BROKEN_LINES = [
  BROKEN_ERRORS[0],
  `${BROKEN}/articles/raw-html.md:8:11: warning: the onclick attribute on <span> is removed by the sanitiser (event handlers never run in content); delete it`,
  `${BROKEN}/articles/raw-html.md:8:58: warning: the link "javascript:alert(1)" is removed by the sanitiser (only http, https and mailto links are allowed), so its text shows unlinked; use a web address`,
  `${BROKEN}/articles/raw-html.md:10:1: warning: raw HTML <script> is removed by the sanitiser and never reaches readers: content cannot run scripts; delete it`,
  `${BROKEN}/articles/raw-html.md:12:1: warning: raw HTML <iframe> is removed by the sanitiser and never reaches readers: embeds are not allowed; for a YouTube video put its link alone on a line, otherwise link to the page`,
  BROKEN_ERRORS[1],
  '✖ content check: 2 errors and 4 warnings in 3 files; fix the errors above, then run `npm run check` again',
];

/**
 * A body made to stall the parser: 60 paragraphs of "*_" pairs, each just under the limit at
 * which the loader refuses a paragraph unparsed (lib/parser-hazards.ts), about 0.4 s each on
 * the bench machine, so over 20 s in all. The watchdog catches what that limit lets through.
 */
const STALL_BODY = Array.from({ length: 60 }, () => `${'*_'.repeat(2_990)}a`).join('\n\n');

/** A tree with one article whose body is STALL_BODY. Returns its path, relative to the repo. */
function writeStallTree(): string {
  const dir = 'tests/artifacts/check-stall';
  repoFixtureTree('check-stall');
  writeFileSync(
    path.join(repoRoot, dir, 'articles/stall.md'),
    [
      '---',
      'title: A Stall',
      'description: "A body made to stall the Markdown parser, for the check\'s watchdog."',
      'date: 2024-03-06',
      'author: ada-lovelace',
      '---',
      '',
      STALL_BODY,
      '',
    ].join('\n'),
  );
  return dir;
}

/**
 * A tree of 300 articles (the real one and copies) with the real author and FAQ set, in the
 * check's order of bodies: authors, articles, FAQ sets, each sorted by file name. Enough that
 * the check is still parsing when its helper has started: it starts at the check's third
 * parse, and takes a second or two to read the files.
 */
function manyArticles(name: string): { dir: string; bodies: string[] } {
  const dir = path.join('tests/artifacts', name);
  const root = path.join(repoRoot, dir);
  generateContent(path.join(repoRoot, 'content'), root, 300);
  const files = (folder: string) =>
    readdirSync(path.join(root, folder))
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => path.join(root, folder, file));
  return { dir, bodies: ['authors', 'articles', 'faq'].flatMap(files) };
}

/** The hit and miss lines a check's processes appended to MARKDOWN_CACHE_STATS. */
function cacheEvents(stats: string): { event: string; pid: string; label: string }[] {
  return readFileSync(stats, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [event = '', pid = '', label = ''] = line.split('\t');
      return { event, pid, label };
    });
}

describe('the content gate', () => {
  beforeAll(() => {
    repoFixtureTree('check-broken', {
      'articles/missing-footnote.md': 'footnote-missing-definition/articles/broken.md',
      'articles/skipped-heading.md': 'heading-skip/articles/broken.md',
      'articles/raw-html.md': 'raw-html/articles/broken.md',
    });
    repoFixtureTree('check-warnings', { 'articles/raw-html.md': 'raw-html/articles/broken.md' });
  });

  it('`npm run check` exits 0 on clean content, naming the articles a build would leave out', async () => {
    const result = await capture('npm', ['run', '--silent', 'check'], { CONTENT_DIR: SITE });
    expect(result.stdout.trim().split('\n')).toEqual([
      '✔ content check passed: 14 articles, 2 authors and 1 FAQ set, no problems',
      'Not published by a build now (2 articles; `npm run dev` shows them):',
      `  draft: ${SITE}/articles/unfinished-draft.md`,
      expect.stringMatching(
        new RegExp(
          `^  scheduled for 1 January 2999, in \\d+ years: ${SITE}/articles/scheduled-for-later\\.md$`,
        ),
      ),
    ]);
    expect(result.code).toBe(0);
  });

  it('`npm run check` exits 0 on the real content, with no errors and no warnings', async () => {
    const result = await capture('npm', ['run', '--silent', 'check']);
    // The first line is the verdict; drafts or scheduled posts in content/ may follow it.
    const [verdict, ...rest] = result.stdout.trimEnd().split('\n');
    expect(verdict).toMatch(/^✔ content check passed: .*, no problems$/);
    for (const line of rest) {
      expect(line).toMatch(
        /^(Not published by a build now \(.*|  (draft|scheduled for [^:]+): .+)$/,
      );
    }
    expect(result.code).toBe(0);
  });

  it('`npm run check` prints one line per problem and a summary, and exits 1', async () => {
    const result = await capture('npm', ['run', '--silent', 'check'], { CONTENT_DIR: BROKEN });
    expect(result.stdout.trim().split('\n')).toEqual(BROKEN_LINES);
    expect(result.code).toBe(1);
  });

  it('`npm run check` fails on warnings alone; the build’s `--allow-warnings` does not', async () => {
    const env = { CONTENT_DIR: 'tests/artifacts/check-warnings' };
    expect((await capture('npm', ['run', '--silent', 'check'], env)).code).toBe(1);
    const allowed = await capture(
      'npm',
      ['run', '--silent', 'check', '--', '--allow-warnings'],
      env,
    );
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('✖ content check: 0 errors and 4 warnings in 1 file\n');
  });

  it('`npm run check` stops a body that stalls the Markdown parser and names it, in seconds', async () => {
    const dir = writeStallTree();
    const started = Date.now();
    const result = await capture('npm', ['run', '--silent', 'check'], {
      CONTENT_DIR: dir,
      CHECK_PARSE_SECONDS: '1',
    });
    expect(result.stdout.trim().split('\n')).toEqual([
      `${dir}/articles/stall.md:7:1: the check was still reading this text after 1 s (an article normally takes well under a second): long runs of * or _, brackets nested thousands deep, or lists and quotes nested hundreds deep slow the Markdown parser down sharply; escape such characters (\\*, \\_, \\[) or remove them`,
      `✖ content check stopped at ${dir}/articles/stall.md; fix it, then run \`npm run check\` again to check the rest`,
    ]);
    expect(result.code).toBe(1);
    // The limit plus start-up, not the parse's own 20 s and more.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('`npm run check` shares the parsing with a helper: the same report, each body parsed once', async () => {
    const tree = manyArticles('check-many');
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'cornerstone-check-cache-'));
    try {
      const runCheck = async (helpers: string) => {
        const stats = path.join(cacheDir, `stats-${helpers}.tsv`);
        const result = await capture('npm', ['run', '--silent', 'check'], {
          CONTENT_DIR: tree.dir,
          CHECK_HELPERS: helpers,
          MARKDOWN_CACHE_DIR: path.join(cacheDir, `cache-${helpers}`),
          MARKDOWN_CACHE_STATS: stats,
        });
        return { result, misses: cacheEvents(stats).filter(({ event }) => event === 'miss') };
      };
      const alone = await runCheck('0');
      const shared = await runCheck('1');
      expect(shared.result.code).toBe(0);
      expect(shared.result.stdout).toMatch(/^✔ content check passed: 300 articles/);
      expect(shared.result.stdout).toBe(alone.result.stdout);
      // Nothing on stderr: a helper that failed would say so there.
      expect(shared.result.output).toBe(shared.result.stdout);
      // Every body parsed, none twice between the two processes, and both of them parsed some:
      // the helper started while the check still had most of the list ahead of it.
      const labels = shared.misses.map(({ label }) => label);
      expect(labels).toHaveLength(tree.bodies.length);
      expect(new Set(labels).size).toBe(tree.bodies.length);
      expect(new Set(shared.misses.map(({ pid }) => pid)).size).toBe(2);
      expect(new Set(alone.misses.map(({ pid }) => pid)).size).toBe(1);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('after an edit `npm run check` parses only the edited article', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'cornerstone-check-cache-'));
    try {
      const tree = 'tests/artifacts/check-edited';
      rmSync(path.join(repoRoot, tree), { recursive: true, force: true });
      cpSync(path.join(repoRoot, SITE), path.join(repoRoot, tree), { recursive: true });
      const env = {
        CONTENT_DIR: tree,
        CHECK_HELPERS: '1',
        MARKDOWN_CACHE_DIR: path.join(cacheDir, 'cache'),
        MARKDOWN_CACHE_STATS: path.join(cacheDir, 'stats.tsv'),
      };
      expect((await capture('npm', ['run', '--silent', 'check'], env)).code).toBe(0);
      rmSync(env.MARKDOWN_CACHE_STATS);
      const articles = path.join(repoRoot, tree, 'articles');
      const file = path.join(articles, readdirSync(articles).sort()[0] ?? '');
      writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nAn editor's new line.\n`);
      const check = await capture('npm', ['run', '--silent', 'check'], env);
      expect(check.code).toBe(0);
      const events = cacheEvents(env.MARKDOWN_CACHE_STATS);
      expect(events.filter(({ event }) => event === 'miss').map(({ label }) => label)).toEqual([
        path.relative(repoRoot, file),
      ]);
      expect(events.filter(({ event }) => event === 'hit')).toHaveLength(16);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it("a helper's renders are the check's: after one, the check parses nothing", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'cornerstone-check-cache-'));
    try {
      const env = {
        CONTENT_DIR: SITE,
        MARKDOWN_CACHE_DIR: path.join(cacheDir, 'cache'),
        MARKDOWN_CACHE_STATS: path.join(cacheDir, 'stats.tsv'),
      };
      // A helper alone, as scripts/check.ts starts one: it goes round the whole list.
      const helper = await capture(
        'npx',
        ['tsx', '--conditions=react-server', 'scripts/check-content.ts', '--helper-part', '1/2'],
        env,
      );
      expect([helper.code, helper.output]).toEqual([0, '']);
      expect(cacheEvents(env.MARKDOWN_CACHE_STATS).map(({ event }) => event)).toEqual(
        Array.from({ length: 17 }, () => 'miss'),
      );
      rmSync(env.MARKDOWN_CACHE_STATS);
      const check = await capture('npm', ['run', '--silent', 'check'], {
        ...env,
        CHECK_HELPERS: '0',
      });
      expect(check.code).toBe(0);
      expect(check.stdout).toMatch(/^✔ content check passed: 14 articles, 2 authors and 1 FAQ set/);
      expect(cacheEvents(env.MARKDOWN_CACHE_STATS).map(({ event }) => event)).toEqual(
        Array.from({ length: 17 }, () => 'hit'),
      );
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('`npm run check` names a stalling body in its helper’s half of the list', async () => {
    // The helper starts at the middle of the list, on the stalling body, while the check still
    // has about 150 bodies before it: the helper should be the one parsing it when the limit
    // strikes, but the report is the same whichever is.
    const tree = manyArticles('check-many-stall');
    const stall = tree.bodies[Math.floor(tree.bodies.length / 2)] ?? '';
    const text = readFileSync(stall, 'utf8');
    const frontmatterEnd = text.indexOf('\n---\n', 4) + '\n---\n'.length;
    writeFileSync(stall, `${text.slice(0, frontmatterEnd)}\n${STALL_BODY}\n`);
    const file = path.relative(repoRoot, stall);
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'cornerstone-check-cache-'));
    try {
      const result = await capture('npm', ['run', '--silent', 'check'], {
        CONTENT_DIR: tree.dir,
        CHECK_PARSE_SECONDS: '1',
        CHECK_HELPERS: '1',
        MARKDOWN_CACHE_DIR: cacheDir,
      });
      expect(result.stdout.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(`^${file}:\\d+:1: the check was still reading this text after 1 s `),
        ),
        `✖ content check stopped at ${file}; fix it, then run \`npm run check\` again to check the rest`,
      ]);
      expect(result.code).toBe(1);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('`npm run check` refuses the flags it passes to its own processes', async () => {
    const result = await capture('npm', ['run', '--silent', 'check', '--', '--helper-part', '1/2']);
    expect(result.output).toContain(
      '--helper-part is passed by the check to its own processes, not given to it',
    );
    expect(result.code).toBe(1);
  });

  it('`npm run check` refuses CHECK_HELPERS=many', async () => {
    const result = await capture('npm', ['run', '--silent', 'check'], { CHECK_HELPERS: 'many' });
    expect(result.output).toContain('CHECK_HELPERS must be a whole number from 0 to 3, not "many"');
    expect(result.code).toBe(1);
  });

  it.each(['soon', '0', '1e7'])(
    '`npm run check` refuses the limit CHECK_PARSE_SECONDS=%s',
    async (value) => {
      const result = await capture('npm', ['run', '--silent', 'check'], {
        CONTENT_DIR: SITE,
        CHECK_PARSE_SECONDS: value,
      });
      expect(result.code).toBe(1);
      expect(result.output.trim()).toBe(
        `CHECK_PARSE_SECONDS must be a number of seconds from above 0 to 2147483, not "${value}"`,
      );
    },
  );

  it('`npm run new` scaffolds a draft article and an author, printing their paths', async () => {
    const dir = 'tests/artifacts/check-new';
    repoFixtureTree('check-new');
    const env = { CONTENT_DIR: dir };
    const article = await capture('npm', ['run', '--silent', 'new', '--', 'Some Title'], env);
    expect(article.code).toBe(0);
    expect(article.stdout).toBe(`${dir}/articles/some-title.md\n`);
    const text = readFileSync(path.join(repoRoot, dir, 'articles/some-title.md'), 'utf8');
    expect(text).toContain(`\ndate: ${localIsoDate()}\n`);
    expect(text).toContain('\ndraft: true\n');
    expect((await capture('npm', ['run', '--silent', 'check'], env)).code).toBe(0);

    const author = await capture(
      'npm',
      ['run', '--silent', 'new', '--', '--author', 'Full Name'],
      env,
    );
    expect(author.code).toBe(0);
    expect(author.stdout).toBe(`${dir}/authors/full-name.md\n`);
    const again = await capture('npm', ['run', '--silent', 'new', '--', 'Some Title'], env);
    expect(again.code).toBe(1);
    expect(again.output).toContain(
      `npm run new: ${dir}/articles/some-title.md already exists; pick another title or edit that file`,
    );
  });

  it('`npm run build` runs the gate first and stops with the same lines', async () => {
    const result = await capture('npm', ['run', '--silent', 'build'], {
      CONTENT_DIR: BROKEN,
      NEXT_DIST_DIR: DIST,
    });
    expect(result.code).not.toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(BROKEN_LINES);
    // The gate stopped it before Next.js started compiling.
    expect(result.output).not.toContain('Creating an optimized production build');
  });

  it('a bare `next build` fails with the same messages', async () => {
    const result = await capture(process.execPath, [nextBin, 'build'], {
      CONTENT_DIR: BROKEN,
      NEXT_DIST_DIR: DIST,
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`2 content errors:\n${BROKEN_ERRORS.join('\n')}`);
  }, 400_000);
});

describe('next dev', () => {
  const DEV_CONTENT = 'tests/artifacts/check-dev';
  let child: ChildProcess | undefined;
  let base = '';

  beforeAll(async () => {
    rmSync(path.join(repoRoot, DEV_CONTENT), { recursive: true, force: true });
    cpSync(path.join(repoRoot, SITE), path.join(repoRoot, DEV_CONTENT), { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // Its own process group, so stopping it also stops the worker `next dev` forks.
    child = spawn(process.execPath, [nextBin, 'dev', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        CONTENT_DIR: DEV_CONTENT,
        NEXT_DIST_DIR: DIST,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    await pollUntil(async () => (await get(base, '/')).status === 200, 240_000);
  });
  afterAll(async () => {
    const pid = child?.pid;
    if (!child || pid === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    process.kill(-pid, 'SIGTERM');
    await exited;
  });

  it('shows drafts and scheduled posts with a banner, and badges them in lists', async () => {
    const draft = await get(base, '/articles/unfinished-draft');
    expect(draft.status).toBe(200);
    expect(collapse(draft.$('.draft-banner').text())).toBe(
      'Draft Not published: only npm run dev shows this article. Remove draft: true to publish it.',
    );
    const scheduled = await get(base, '/articles/scheduled-for-later');
    expect(collapse(scheduled.$('.draft-banner').text())).toBe(
      'Scheduled Goes live with the first build on or after 1 January 2999; until then only npm run dev shows it.',
    );
    const home = await get(base, '/');
    expect(home.$('.card:has(a[href="/articles/unfinished-draft"]) .card-badge').text()).toBe(
      'Draft',
    );
    expect(home.$('.card-badge')).toHaveLength(2);
  }, 180_000);

  it('shows an edited Markdown file on reload', async () => {
    const file = path.join(repoRoot, DEV_CONTENT, 'articles/post-03.md');
    expect(collapse((await get(base, post(3))).$('h1').text())).toBe('Listening without fixing');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('title: "Listening without fixing"', 'title: "Listening, edited live"')
        .replace('A few sentences to read.', 'A sentence added while the server runs.'),
    );
    await pollUntil(
      async () => collapse((await get(base, post(3))).$('h1').text()) === 'Listening, edited live',
      30_000,
    );
    expect((await get(base, post(3))).html).toContain('A sentence added while the server runs.');
  }, 180_000);

  // A site that has no FAQ set yet: the set is removed, then put back for whatever runs next.
  it('with no FAQ set, /faq says so without FAQPage data, and articles and the sitemap leave it out', async () => {
    const sitemapText = async () => (await fetch(new URL('/sitemap.xml', base))).text();
    expect((await get(base, post(1))).$('.faq-teaser')).toHaveLength(1);
    expect(await sitemapText()).toContain('/faq</loc>');
    const faqDir = path.join(repoRoot, DEV_CONTENT, 'faq');
    rmSync(faqDir, { recursive: true });
    try {
      await pollUntil(async () => (await get(base, post(1))).$('.faq-teaser').length === 0, 30_000);

      const faq = await get(base, '/faq');
      expect(faq.status).toBe(200);
      expect(faq.$('.faq-entry')).toHaveLength(0);
      expect(collapse(faq.$('.page-faq > p').text())).toBe(
        'No questions have been answered here yet. Every article is listed on the home page.',
      );
      const types = faq
        .$('script[type="application/ld+json"]')
        .map((_, el) => jsonLdType.parse(JSON.parse(faq.$(el).html() ?? 'null'))['@type'])
        .get();
      expect(types).toEqual(['BreadcrumbList']);

      const sitemap = await sitemapText();
      expect(sitemap).toContain(`<loc>`);
      expect(sitemap).not.toContain('/faq</loc>');
    } finally {
      // Put the FAQ set back, so a test added after this one sees the fixture site whole.
      cpSync(path.join(repoRoot, SITE, 'faq'), faqDir, { recursive: true });
    }
  }, 120_000);
});

async function pollUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
