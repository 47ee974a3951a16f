import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { pruneOtherVersions } from '@/lib/cache-dir';
import { lintMarkdownBody, type BodyContext } from '@/lib/content-checks';
import { renderMarkdown, renderMarkdownSections } from '@/lib/markdown';
import {
  ENTRY_FORMAT,
  pipelineFingerprint,
  processBodiesCached,
  processBodyCached,
  RenderCache,
  renderMarkdownCached,
} from '@/lib/render-cache';

const article =
  'Trust matters[^gottman-1999].\n\n## Why\n\nText.\n\n[^gottman-1999]: Gottman, 1999.\n';
const faq = '## Is it cached?\n\nYes.\n\n## Twice?\n\nNo.\n';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'render-cache-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function entries(): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
    name.endsWith('.json'),
  );
}

describe('RenderCache', () => {
  it('renders on a miss, then serves the same value from disk', () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    const first = renderMarkdownCached(article, { path: 'a.md' }, cache);
    expect(cache.misses).toBe(1);
    expect(first).toEqual(renderMarkdown(article, { path: 'a.md' }));

    // A fresh instance stands for the next build, or another build worker.
    const next = new RenderCache({ dir, pipelineVersion: 'v1' });
    expect(renderMarkdownCached(article, { path: 'a.md' }, next)).toEqual(first);
    expect([next.hits, next.misses]).toEqual([1, 0]);
    expect(entries()).toHaveLength(1);
  });

  it('caches the checks with the render, both from one parse, as if done apart', () => {
    const body = `${article}\n[^unused]: Never cited.\n\n[a link](/articles/elsewhere)\n`;
    const context = {
      file: 'a.md',
      bodyStartLine: 7,
      kind: 'article',
      page: '/articles/a',
    } as const;
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    const first = processBodyCached(body, { path: 'a.md' }, context, cache);
    expect(first.rendered).toEqual(renderMarkdown(body, { path: 'a.md' }));
    expect(first.report).toEqual(lintMarkdownBody(body, context));
    expect(first.report.diagnostics.map((d) => [d.line, d.message.slice(0, 36)])).toEqual([
      [15, 'footnote [^unused] is defined but ne'],
    ]);
    expect(first.report.links).toEqual([{ url: '/articles/elsewhere', line: 17, column: 1 }]);

    const next = new RenderCache({ dir, pipelineVersion: 'v1' });
    expect(processBodyCached(body, { path: 'a.md' }, context, next)).toEqual(first);
    expect([next.hits, next.misses]).toEqual([1, 0]);
    // Where the body sits in its file is part of the key: the positions depend on it.
    processBodyCached(body, { path: 'a.md' }, { ...context, bodyStartLine: 9 }, next);
    expect([next.hits, next.misses]).toEqual([1, 1]);
  });

  it('splits a FAQ body into its questions from the same parse, cached in the same entry', () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    const faqContext: BodyContext = { file: 'f.md', bodyStartLine: 6, kind: 'faq', page: '/faq' };
    const processed = processBodyCached(faq, { path: 'f.md' }, faqContext, cache);
    expect(processed.sections).toEqual(renderMarkdownSections(faq, { path: 'f.md' }));
    expect(processed.sections?.map((section) => section.heading)).toEqual([
      'Is it cached?',
      'Twice?',
    ]);
    expect(processed.rendered).toEqual(renderMarkdown(faq, { path: 'f.md' }));
    expect([cache.hits, cache.misses]).toEqual([0, 1]);

    const next = new RenderCache({ dir, pipelineVersion: 'v1' });
    expect(processBodyCached(faq, { path: 'f.md' }, faqContext, next)).toEqual(processed);
    expect([next.hits, next.misses]).toEqual([1, 0]);
    // Only a FAQ set is split: an article's or a bio's h2 sections are not questions.
    const asArticle: BodyContext = { ...faqContext, kind: 'article', page: '/articles/f' };
    expect(processBodyCached(faq, { path: 'f.md' }, asArticle, next).sections).toBeUndefined();
  });

  it('misses when the content changes', () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    renderMarkdownCached(article, { path: 'a.md' }, cache);
    const edited = renderMarkdownCached(`${article}\nA new paragraph.\n`, { path: 'a.md' }, cache);
    expect(cache.misses).toBe(2);
    expect(edited.html).toContain('A new paragraph.');
  });

  it('misses when the render options change', () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    renderMarkdownCached(article, { path: 'a.md' }, cache);
    renderMarkdownCached(article, { path: 'b.md' }, cache);
    renderMarkdownCached(
      article,
      { path: 'a.md', video: { id: 'gh5VhaicC6g', title: 'T' } },
      cache,
    );
    expect(cache.misses).toBe(3);
  });

  it('misses when the pipeline version changes', () => {
    renderMarkdownCached(article, {}, new RenderCache({ dir, pipelineVersion: 'v1' }));
    const upgraded = new RenderCache({ dir, pipelineVersion: 'v2' });
    renderMarkdownCached(article, {}, upgraded);
    expect([upgraded.hits, upgraded.misses]).toEqual([0, 1]);
  });

  it('treats a corrupt or malformed entry as a miss and repairs it', () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    const expected = renderMarkdownCached(article, {}, cache);
    const file = cache.entryPath(cache.keyFor('markdown', article, {}));

    writeFileSync(file, `{"format":${ENTRY_FORMAT},"value":{"html":"trunc`);
    expect(renderMarkdownCached(article, {}, cache)).toEqual(expected);
    writeFileSync(file, JSON.stringify({ format: ENTRY_FORMAT, value: { html: 42 } }));
    expect(renderMarkdownCached(article, {}, cache)).toEqual(expected);
    expect(cache.misses).toBe(3);

    expect(renderMarkdownCached(article, {}, cache)).toEqual(expected);
    expect(cache.hits).toBe(1);
    expect(readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('still renders when the cache directory cannot be written', () => {
    const blocked = path.join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the cache directory should be');
    const cache = new RenderCache({ dir: blocked, pipelineVersion: 'v1' });
    expect(renderMarkdownCached(article, {}, cache)).toEqual(renderMarkdown(article));
  });

  it('appends every hit and miss to the stats file', () => {
    const statsFile = path.join(dir, 'stats.tsv');
    const cache = new RenderCache({ dir, pipelineVersion: 'v1', statsFile });
    renderMarkdownCached(article, { path: 'a.md' }, cache);
    renderMarkdownCached(article, { path: 'a.md' }, cache);
    const lines = readFileSync(statsFile, 'utf8').trim().split('\n');
    expect(lines.map((line) => line.split('\t')[0])).toEqual(['miss', 'hit']);
    expect(lines[0]?.endsWith('\ta.md')).toBe(true);
  });
});

describe('RenderCache.getOrRenderAll across processes', () => {
  const schema = z.string();
  const job = (source: string, render: () => string = () => `rendered ${source}`) => ({
    kind: 'test',
    source,
    options: {},
    render,
    label: source,
  });

  /**
   * A process that claims `entry` (with `tag`, if given), and after `delayMs` writes `value` to
   * it and releases it.
   */
  function otherProcess(entry: string, value: unknown, delayMs: number, tag = '') {
    const script = `
      const fs = require('node:fs');
      const [entry, value, delay, tag] = process.argv.slice(1);
      fs.mkdirSync(require('node:path').dirname(entry), { recursive: true });
      fs.writeFileSync(entry + '.claim', (process.pid + ' ' + tag).trim(), { flag: 'wx' });
      process.stdout.write('claimed\\n');
      setTimeout(() => {
        fs.writeFileSync(entry, JSON.stringify({ format: ${ENTRY_FORMAT}, value: JSON.parse(value) }));
        fs.rmSync(entry + '.claim');
      }, Number(delay));`;
    const child = spawn(process.execPath, [
      '-e',
      script,
      entry,
      JSON.stringify(value),
      String(delayMs),
      tag,
    ]);
    return new Promise<ChildProcess>((resolve, reject) => {
      child.stdout.once('data', () => resolve(child));
      child.once('exit', (code) => reject(new Error(`claimant exited with ${code}`)));
    });
  }

  it('leaves a document another process has claimed to it, and takes its result', async () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    const claimed = cache.entryPath(cache.keyFor('test', 'a', {}));
    const child = await otherProcess(claimed, 'a, rendered by the other process', 300);
    const renders: string[] = [];
    const values = cache.getOrRenderAll(
      ['a', 'b'].map((source) =>
        job(source, () => {
          renders.push(source);
          return `rendered ${source}`;
        }),
      ),
      schema,
    );
    expect(values).toEqual(['a, rendered by the other process', 'rendered b']);
    expect(renders).toEqual(['b']);
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
    child.kill();
  });

  it('renders a claimed document itself, without waiting, when not told to wait for its claimant', async () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    const claimed = cache.entryPath(cache.keyFor('test', 'a', {}));
    // The other process would take a minute: a stalled `next dev`, say.
    const child = await otherProcess(claimed, 'a, rendered by the other process', 60_000);
    const started = Date.now();
    const values = cache.getOrRenderAll([job('a'), job('b')], schema, { waitFor: () => false });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(values).toEqual(['rendered a', 'rendered b']);
    expect([cache.hits, cache.misses]).toEqual([0, 2]);
    // Its entry is written like any other, and the other process's claim is left to it.
    expect(
      new RenderCache({ dir, pipelineVersion: 'v1' }).getOrRenderAll([job('a')], schema),
    ).toEqual(['rendered a']);
    expect(existsSync(`${claimed}.claim`)).toBe(true);
    child.kill();
  });

  it('parses every body itself when the caller times the parses', async () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    const context: BodyContext = { file: 'a.md', bodyStartLine: 4, kind: 'article', page: '/a' };
    const markdown = 'A body another process is stuck on.\n';
    const options = { options: { path: 'a.md' }, context };
    const claimed = cache.entryPath(cache.keyFor('body', markdown, options));
    const child = await otherProcess(claimed, 'never', 60_000);
    const heard: string[] = [];
    const started = Date.now();
    const [processed] = processBodiesCached(
      [{ markdown, options: { path: 'a.md' }, context }],
      cache,
      {
        onParse: (body, phase) => heard.push(`${phase} ${body.file}:${body.bodyStartLine}`),
      },
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(heard).toEqual(['start a.md:4', 'end a.md:4']);
    expect(processed?.rendered.html).toBe('<p>A body another process is stuck on.</p>');
    child.kill();
  });

  it('waits only for the claimants it is told to wait for', async () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    const entry = (source: string) => cache.entryPath(cache.keyFor('test', source, {}));
    const stranger = await otherProcess(entry('b'), 'never', 60_000);
    const helper = await otherProcess(entry('a'), 'a, rendered by a helper', 1_000, 'run-1');
    try {
      // Not written yet: the helper's value can only come from waiting for it.
      expect(existsSync(entry('a'))).toBe(false);
      const started = Date.now();
      const values = cache.getOrRenderAll([job('a'), job('b'), job('c')], schema, {
        waitFor: (holder) => holder.tag === 'run-1',
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(values).toEqual(['a, rendered by a helper', 'rendered b', 'rendered c']);
      expect([cache.hits, cache.misses]).toEqual([1, 2]);
    } finally {
      helper.kill();
      stranger.kill();
    }
  });

  it("a watched load waits for its helpers' bodies and parses a stranger's itself", async () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    const body = (name: string) => {
      const context: BodyContext = {
        file: `${name}.md`,
        bodyStartLine: 4,
        kind: 'article',
        page: `/${name}`,
      };
      const markdown = `The body of ${name}.\n`;
      const options = { path: `${name}.md` };
      return {
        job: { markdown, options, context },
        entry: cache.entryPath(cache.keyFor('body', markdown, { options, context })),
      };
    };
    const [a, b] = [body('a'), body('b')];
    // What the helper will write: a's body as processed, with a mark to tell it apart.
    const [fromHelper] = processBodiesCached([a.job], null);
    if (!fromHelper) throw new Error('no body processed');
    fromHelper.rendered.html = '<p>Rendered by the helper.</p>';
    const stranger = await otherProcess(b.entry, 'never', 60_000);
    const helper = await otherProcess(a.entry, fromHelper, 1_000, 'run-1');
    try {
      expect(existsSync(a.entry)).toBe(false);
      const heard: string[] = [];
      const processed = processBodiesCached([a.job, b.job], cache, {
        onParse: (context, phase) => heard.push(`${phase} ${context.file}`),
        isHelper: (holder) => holder.tag === 'run-1',
      });
      expect(heard).toEqual(['start b.md', 'end b.md']);
      expect(processed.map((result) => result.rendered.html)).toEqual([
        '<p>Rendered by the helper.</p>',
        '<p>The body of b.</p>',
      ]);
    } finally {
      helper.kill();
      stranger.kill();
    }
  });

  it('prerender renders what is neither stored nor claimed, and skips the rest unwaited', async () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    cache.getOrRenderAll([job('stored')], schema);
    const claimed = cache.entryPath(cache.keyFor('test', 'claimed', {}));
    const child = await otherProcess(claimed, 'claimed, rendered elsewhere', 60_000);
    onTestFinished(() => {
      child.kill();
    });
    const renders: string[] = [];
    const started = Date.now();
    const rendered = cache.prerender(
      ['stored', 'claimed', 'free'].map((source) =>
        job(source, () => {
          renders.push(source);
          return `rendered ${source}`;
        }),
      ),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(rendered).toBe(1);
    expect(renders).toEqual(['free']);
    expect(existsSync(cache.entryPath(cache.keyFor('test', 'free', {})))).toBe(true);
    // The other process's claim is left to it, and no claim of this one's remains.
    expect(existsSync(`${claimed}.claim`)).toBe(true);
    expect(existsSync(`${cache.entryPath(cache.keyFor('test', 'free', {}))}.claim`)).toBe(false);
  });

  it('prerender stops at the first body it cannot store: the check renders the rest anyway', () => {
    const blocked = path.join(dir, 'blocked');
    // A file where the cache's folder should be: nothing can be written under it.
    writeFileSync(blocked, '');
    const cache = new RenderCache({ dir: blocked, pipelineVersion: 'v1' });
    const renders: string[] = [];
    const rendered = cache.prerender(
      ['a', 'b', 'c'].map((source) =>
        job(source, () => {
          renders.push(source);
          return `rendered ${source}`;
        }),
      ),
    );
    expect([rendered, renders]).toEqual([1, ['a']]);
  });

  it('takes over a claim whose process has exited', () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    const entry = cache.entryPath(cache.keyFor('test', 'a', {}));
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    mkdirSync(path.dirname(entry), { recursive: true });
    writeFileSync(`${entry}.claim`, exited.stdout.toString());
    expect(cache.getOrRenderAll([job('a')], schema)).toEqual(['rendered a']);
    expect(cache.misses).toBe(1);
    expect(existsSync(`${entry}.claim`)).toBe(false);
  });

  it('releases its claim when a render throws', () => {
    const cache = new RenderCache({ dir, pipelineVersion: 'v1' });
    const entry = cache.entryPath(cache.keyFor('test', 'a', {}));
    const failing = job('a', () => {
      throw new Error('plugin bug');
    });
    expect(() => cache.getOrRenderAll([failing], schema)).toThrow('plugin bug');
    expect(existsSync(`${entry}.claim`)).toBe(false);
    expect(cache.getOrRenderAll([job('a')], schema)).toEqual(['rendered a']);
  });
});

describe('pruneOtherVersions', () => {
  it('deletes the entries of other pipeline versions and keeps the current one', () => {
    renderMarkdownCached(
      article,
      {},
      new RenderCache({ dir: path.join(dir, 'old'), pipelineVersion: 'old' }),
    );
    const current = new RenderCache({ dir: path.join(dir, 'new'), pipelineVersion: 'new' });
    renderMarkdownCached(article, {}, current);
    pruneOtherVersions(dir, 'new');
    expect(readdirSync(dir)).toEqual(['new']);
    renderMarkdownCached(article, {}, current);
    expect(current.hits).toBe(1);
  });

  it('does nothing when there is no cache yet', () => {
    expect(() => pruneOtherVersions(path.join(dir, 'missing'), 'v1')).not.toThrow();
  });
});

describe('pipelineFingerprint', () => {
  it('changes when any lib/ source or the lockfile changes', () => {
    mkdirSync(path.join(dir, 'lib'));
    writeFileSync(path.join(dir, 'lib/markdown.ts'), 'export const a = 1;');
    writeFileSync(path.join(dir, 'package-lock.json'), '{"v":1}');
    const first = pipelineFingerprint(dir);
    expect(pipelineFingerprint(dir)).toBe(first);

    writeFileSync(path.join(dir, 'lib/rehype-plugin.ts'), 'export default 1;');
    const second = pipelineFingerprint(dir);
    expect(second).not.toBe(first);

    writeFileSync(path.join(dir, 'package-lock.json'), '{"v":2}');
    expect(pipelineFingerprint(dir)).not.toBe(second);
  });

  it('is undefined without lib/ sources, which turns the cache off', () => {
    expect(pipelineFingerprint(dir)).toBeUndefined();
  });
});
