/**
 * Markdown pipeline benchmark. Each measurement runs in a fresh child process
 * (`tsx bench/pipeline.ts <mode> <content dir> [cache dir]`), so "cold" really is a cold JIT,
 * and prints one JSON line.
 *
 *   lib      lib/markdown.ts' full pipeline: pass 1 cold, pass 2 warm (no disk cache)
 *   minimal  remark-parse → remark-rehype → rehype-stringify: pass 1 cold, pass 2 warm
 *   cache    lib/render-cache.ts over the given cache dir: one pass (cold if the dir is empty,
 *            warm if a previous `cache` run filled it)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parseFrontmatter } from '../lib/frontmatter';
import { renderMarkdown } from '../lib/markdown';
import { pipelineFingerprint, RenderCache, renderMarkdownCached } from '../lib/render-cache';
import { repoRoot } from './util';

export interface PipelinePass {
  documents: number;
  bytes: number;
  ms: number;
}

export interface PipelineRun {
  mode: string;
  passes: PipelinePass[];
  cacheHits?: number;
  cacheMisses?: number;
}

interface Document {
  path: string;
  body: string;
}

function loadDocuments(contentRoot: string): Document[] {
  const dir = path.join(contentRoot, 'articles');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return { path: file, body: parseFrontmatter(readFileSync(file, 'utf8')).body };
    });
}

function timePass(documents: Document[], render: (document: Document) => unknown): PipelinePass {
  const begin = performance.now();
  let bytes = 0;
  for (const document of documents) {
    render(document);
    bytes += Buffer.byteLength(document.body);
  }
  return { documents: documents.length, bytes, ms: performance.now() - begin };
}

const minimalProcessor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze();

function main(): void {
  const [mode, contentRoot, cacheDir] = process.argv.slice(2);
  if (!mode || !contentRoot) throw new Error('usage: pipeline.ts <lib|minimal|cache> <content>');
  const documents = loadDocuments(contentRoot);
  let run: PipelineRun;
  if (mode === 'lib') {
    const render = (document: Document) => renderMarkdown(document.body, { path: document.path });
    run = { mode, passes: [timePass(documents, render), timePass(documents, render)] };
  } else if (mode === 'minimal') {
    const render = (document: Document) => String(minimalProcessor.processSync(document.body));
    run = { mode, passes: [timePass(documents, render), timePass(documents, render)] };
  } else if (mode === 'cache' && cacheDir) {
    const cache = new RenderCache({
      dir: cacheDir,
      pipelineVersion: pipelineFingerprint(repoRoot) ?? 'unknown',
    });
    const render = (document: Document) =>
      renderMarkdownCached(document.body, { path: document.path }, cache);
    run = {
      mode,
      passes: [timePass(documents, render)],
      cacheHits: cache.hits,
      cacheMisses: cache.misses,
    };
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main();
}
