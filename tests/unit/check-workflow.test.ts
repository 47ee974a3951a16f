/**
 * The editor's workflow over lib/: scaffolds that pass the gate, the docs' example post, the
 * lists built from published articles, and the development cache that makes edits show up.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  getContent,
  isPublished,
  loadContent,
  publicationClock,
  publicationStatus,
} from '@/lib/content';
import { formatDiagnostic } from '@/lib/diagnostics';
import {
  laterPageNumber,
  neighboursOf,
  pageNumbers,
  pageWindow,
  paginate,
  relatedTo,
  tagsOf,
} from '@/lib/listings';
import { routes, tagSlug } from '@/lib/site';
import { scaffoldArticle, scaffoldAuthor } from '@/lib/scaffold';
import {
  articleFrontmatterSchema,
  authorFrontmatterSchema,
  faqFrontmatterSchema,
} from '@/lib/schema';
import { checkFixtures, fixtureTree } from '../support/check-fixtures';
import { repoRoot } from '../support/server';

function lines(root: string, publicDir?: string): string[] {
  const prefix = `${path.relative(process.cwd(), root)}/`;
  return loadContent(root, publicDir ? { publicDir } : {}).diagnostics.map((d) =>
    formatDiagnostic(d).replaceAll(prefix, ''),
  );
}

describe('npm run new', () => {
  it('scaffolds a draft article that passes the gate until it is published', () => {
    const root = fixtureTree();
    const created = scaffoldArticle(root, 'Some Title', { today: '2024-05-01' });
    expect(created.slug).toBe('some-title');
    expect(created.path.endsWith('articles/some-title.md')).toBe(true);
    const file = path.join(root, 'articles/some-title.md');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').slice(0, 9)).toEqual([
      '---',
      'title: Some Title',
      'description: "TODO: one or two sentences that sum up this article for search results and link previews."',
      'date: 2024-05-01',
      'author: ada-lovelace',
      'tags: []',
      'draft: true',
      '---',
      '',
    ]);
    expect(lines(root)).toEqual([]);
    const article = loadContent(root).content.articles.find((a) => a.slug === 'some-title');
    expect(article && publicationStatus(article)).toBe('draft');

    writeFileSync(file, text.replace('draft: true\n', ''));
    expect(lines(root)).toEqual([
      'articles/some-title.md:3:14: description: is still the placeholder from `npm run new`; write the summary a search result should show (a placeholder is only allowed while `draft: true`)',
    ]);
  });

  it('refuses to overwrite an existing file and names an unknown author', () => {
    const root = fixtureTree();
    expect(() => scaffoldArticle(root, 'Slow Mornings')).toThrow(
      /articles\/slow-mornings\.md already exists; pick another title or edit that file$/,
    );
    expect(() => scaffoldArticle(root, 'New', { author: 'nobody' })).toThrow(
      'no author "nobody" in content/authors/ (known: ada-lovelace)',
    );
  });

  it('refuses a slug already taken in a subfolder, and a title the gate would refuse', () => {
    const root = fixtureTree();
    mkdirSync(path.join(root, 'articles/2024'), { recursive: true });
    renameSync(
      path.join(root, 'articles/slow-mornings.md'),
      path.join(root, 'articles/2024/slow-mornings.md'),
    );
    expect(() => scaffoldArticle(root, 'Slow Mornings')).toThrow(
      /articles\/2024\/slow-mornings\.md already exists; pick another title or edit that file$/,
    );
    expect(existsSync(path.join(root, 'articles/slow-mornings.md'))).toBe(false);
    expect(() => scaffoldArticle(root, 'A'.repeat(161))).toThrow(
      'title: must be at most 160 characters',
    );
    expect(() => scaffoldArticle(root, '日本語のタイトル')).toThrow(
      '"日本語のタイトル" has no Latin letters or digits to make a file name from; give a Latin title here and change the title in the file afterwards',
    );
  });

  it('spells letters Unicode does not decompose as their languages romanise them', () => {
    const root = fixtureTree();
    expect(scaffoldArticle(root, 'Ærøskøbing: ça va? Straße, Łódź').slug).toBe(
      'aeroskobing-ca-va-strasse-lodz',
    );
  });

  it('scaffolds an author whose placeholder role the gate refuses', () => {
    const root = fixtureTree();
    const created = scaffoldAuthor(root, 'Grace Hopper');
    expect(created.slug).toBe('grace-hopper');
    expect(lines(root)).toEqual([
      'authors/grace-hopper.md:3:7: role: is still the placeholder from `npm run new`; write a short role line, e.g. "Writer on relationships"',
    ]);
  });
});

describe('docs/writing.md', () => {
  const docs = readFileSync(path.join(repoRoot, 'docs/writing.md'), 'utf8');

  it('documents every frontmatter field', () => {
    const fields = [
      ...Object.keys(articleFrontmatterSchema.shape),
      ...Object.keys(authorFrontmatterSchema.shape),
      ...Object.keys(faqFrontmatterSchema.shape),
    ];
    for (const field of fields) expect(docs, field).toContain(`| \`${field}\``);
  });

  it('has a complete example post that passes the gate', () => {
    const example = /## A complete example[\s\S]*?```markdown\n([\s\S]*?)\n```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    const root = fixtureTree();
    writeFileSync(path.join(root, 'articles/slow-mornings.md'), `${example}\n`);
    // The example's picture, saved where the docs say: in public/images/.
    const publicDir = path.join(root, 'public');
    mkdirSync(path.join(publicDir, 'images'), { recursive: true });
    writeFileSync(path.join(publicDir, 'images/coffee.jpg'), '');
    expect(lines(root, publicDir)).toEqual([]);
  });
});

describe('lists of published articles', () => {
  const { content } = loadContent(path.join(checkFixtures, 'site'));
  const published = content.articles.filter((article) => isPublished(article));
  const slug = (n: number) => `post-${String(n).padStart(2, '0')}`;
  const find = (n: number) => {
    const article = published.find((a) => a.slug === slug(n));
    if (!article) throw new Error(`no ${slug(n)}`);
    return article;
  };

  it("publishes a scheduled post as of the build's one clock reading", () => {
    // next.config.ts sets CORNERSTONE_BUILD_TIME once, so every build worker agrees.
    const scheduled = content.articles.find((a) => a.slug === 'scheduled-for-later');
    if (!scheduled) throw new Error('no scheduled-for-later');
    try {
      vi.stubEnv('CORNERSTONE_BUILD_TIME', '2998-12-31T23:59:59Z');
      expect(publicationClock().toISOString()).toBe('2998-12-31T23:59:59.000Z');
      expect(isPublished(scheduled)).toBe(false);
      vi.stubEnv('CORNERSTONE_BUILD_TIME', '2999-01-01T00:00:00Z');
      expect(isPublished(scheduled)).toBe(true);
      vi.stubEnv('CORNERSTONE_BUILD_TIME', '2999-13-01');
      expect(() => isPublished(scheduled)).toThrow(
        'CORNERSTONE_BUILD_TIME is not a date: "2999-13-01"; use an ISO date such as 2024-05-01T00:00:00Z, or unset it',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('leaves out drafts and scheduled posts', () => {
    expect(content.articles).toHaveLength(14);
    expect(published.map((a) => a.slug)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map(slug));
  });

  it('paginates ten to a page, with page 1 always present', () => {
    expect(paginate(published, 1)?.articles.map((a) => a.slug)).toEqual(
      [12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map(slug),
    );
    expect(paginate(published, 2)).toMatchObject({ page: 2, pageCount: 2 });
    expect(paginate(published, 2)?.articles.map((a) => a.slug)).toEqual([2, 1].map(slug));
    expect(paginate(published, 3)).toBeUndefined();
    expect(paginate(published, 0)).toBeUndefined();
    expect(paginate([], 1)).toEqual({ page: 1, pageCount: 1, articles: [] });
  });

  it('names later pages only by their canonical numbers', () => {
    expect(['2', '10', '1', '0', '02', '2x', ''].map(laterPageNumber)).toEqual([
      2,
      10,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(pageNumbers(published)).toEqual([1, 2]);
    expect(pageNumbers([])).toEqual([1]);
    expect([routes.page(1), routes.page(2)]).toEqual(['/', '/page/2']);
    expect([routes.tagPage('Emotional intimacy', 1), routes.tagPage('Trust', 3)]).toEqual([
      '/tags/emotional-intimacy',
      '/tags/trust/page/3',
    ]);
    expect([routes.authorPage('a-b', 1), routes.authorPage('a-b', 2)]).toEqual([
      '/authors/a-b',
      '/authors/a-b/page/2',
    ]);
  });

  it('shows a window of page numbers around the current page', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(1, 8)).toEqual([1, 2, 3, 'gap', 8]);
    expect(pageWindow(50, 100)).toEqual([1, 'gap', 48, 49, 50, 51, 52, 'gap', 100]);
    expect(pageWindow(5, 100)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 100]);
    expect(pageWindow(100, 100)).toEqual([1, 'gap', 98, 99, 100]);
  });

  it('counts tags, most used first', () => {
    expect(tagsOf(published).map((t) => [t.slug, t.articles.length])).toEqual([
      ['habits', 4],
      ['mornings', 4],
      ['trust', 4],
      ['communication', 3],
    ]);
  });

  it('relates by shared tags, then recency, and fills with recent posts', () => {
    expect(relatedTo(find(1), published).map((a) => a.slug)).toEqual([4, 12, 11].map(slug));
    // post-08 has no tags: the three most recent others.
    expect(relatedTo(find(8), published).map((a) => a.slug)).toEqual([12, 11, 10].map(slug));
  });

  it('relates every article as a full sort by shared tags, then list position, would', () => {
    // The reference: score every other article and sort. relatedTo stops its pass early once
    // it holds `limit` articles sharing all the tags, which must never change the answer.
    const sharedTags = (a: (typeof published)[number], b: (typeof published)[number]) => {
      // Tags are the same tag when their pages are (/tags/<tagSlug>), as relatedTo counts them.
      const own = new Set(a.tags.map(tagSlug));
      return new Set(b.tags.map(tagSlug).filter((tag) => own.has(tag))).size;
    };
    for (const article of published) {
      for (const limit of [1, 2, 3, 5]) {
        const expected = published
          .map((other, position) => ({ other, position, shared: sharedTags(article, other) }))
          .filter(({ other }) => other !== article)
          .sort((a, b) => b.shared - a.shared || a.position - b.position)
          .slice(0, limit)
          .map(({ other }) => other.slug);
        expect(relatedTo(article, published, limit).map((a) => a.slug)).toEqual(expected);
      }
    }
  });

  it('finds the older and newer neighbours', () => {
    expect(neighboursOf(find(1), published)).toEqual({ previous: undefined, next: find(2) });
    expect(neighboursOf(find(12), published)).toEqual({ previous: find(11), next: undefined });
  });
});

describe('live editing under next dev', () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, CONTENT_DIR: process.env.CONTENT_DIR };
  afterEach(() => {
    Reflect.set(process.env, 'NODE_ENV', saved.NODE_ENV);
    if (saved.CONTENT_DIR === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = saved.CONTENT_DIR;
  });

  it('reloads content when a file changes in development, and only then', () => {
    const root = fixtureTree();
    const file = path.join(root, 'articles/slow-mornings.md');
    process.env.CONTENT_DIR = root;
    Reflect.set(process.env, 'NODE_ENV', 'development');
    const first = getContent();
    expect(getContent()).toBe(first);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('title: Slow Mornings', 'title: Edited'),
    );
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect(getContent().articles[0]?.title).toBe('Edited');
  });
});
