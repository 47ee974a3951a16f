/**
 * `npm run bench`: measures build cost, the Markdown pipeline, page weight, Lighthouse and
 * serving, each beside a reference measured in the same run, and writes the results to
 * bench/results/. `-- --check` also enforces the budgets of issue 7. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { evaluate, isCdnCacheable } from './budgets';
import { appDir, build, fullBuild, prepareApps, readCacheStats } from './build';
import { buildTimeChart } from './chart';
import { runLighthouse } from './lighthouse';
import { isFullRun, parseOptions } from './options';
import { measurePageWeight } from './page-weight';
import type { PipelineRun } from './pipeline';
import { report } from './report';
import { buildSizes, findBuild, kb, type Environment, type Results } from './results';
import { loadTest, startGuarded, startNext, startNginx, type Server } from './serve';
import { editArticle, generateContent, type SyntheticContent } from './synthetic-content';
import { getRaw, progress, repoRoot, runMeasured, workDir } from './util';

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function packageVersion(name: string): string {
  const file = path.join(repoRoot, 'node_modules', name, 'package.json');
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return typeof parsed === 'object' && parsed && 'version' in parsed
    ? String(parsed.version)
    : 'unknown';
}

function environment(): Environment {
  return {
    date: new Date().toISOString(),
    commit: git(['rev-parse', 'HEAD']),
    dirty: git(['status', '--porcelain']) !== '',
    node: process.version,
    next: packageVersion('next'),
    lighthouse: packageVersion('lighthouse'),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryBytes: os.totalmem(),
    loadAverageAtStart: os.loadavg(),
  };
}

/** Runs one section; a failure is recorded and the bench goes on with the others. */
async function section(results: Results, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.errors.push({ section: name, message });
    progress(`${name} failed: ${message}`);
  }
}

const passSchema = z.object({ documents: z.number(), bytes: z.number(), ms: z.number() });
const pipelineRunSchema: z.ZodType<PipelineRun> = z.object({
  mode: z.string(),
  passes: z.array(passSchema),
  cacheHits: z.number().optional(),
  cacheMisses: z.number().optional(),
});

async function runPipeline(
  mode: string,
  contentRoot: string,
  cacheDir?: string,
): Promise<PipelineRun> {
  const args = ['--import', 'tsx', path.join(repoRoot, 'bench/pipeline.ts'), mode, contentRoot];
  if (cacheDir) args.push(cacheDir);
  const result = await runMeasured(process.execPath, args, { label: `pipeline ${mode}` });
  if (result.code !== 0) throw new Error(`pipeline ${mode} failed:\n${result.output}`);
  const line = result.output.trim().split('\n').at(-1) ?? '';
  return pipelineRunSchema.parse(JSON.parse(line));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const results: Results = {
    environment: environment(),
    options: { ...options, sections: [...options.sections] },
    builds: [],
    checks: [],
    errors: [],
  };
  progress(
    `sections: ${[...options.sections].join(', ')}; sizes: ${options.sizes.join(', ')}; ` +
      `load average at start ${results.environment.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  mkdirSync(workDir, { recursive: true });
  prepareApps();
  const realContent = path.join(repoRoot, 'content');
  const contents = new Map<number, SyntheticContent>();
  const contentFor = (n: number) => {
    const existing = contents.get(n);
    if (existing) return existing;
    progress(`generating ${n} articles …`);
    const created = generateContent(realContent, path.join(workDir, `content-${n}`), n);
    contents.set(n, created);
    return created;
  };

  if (options.sections.has('build'))
    await section(results, 'build', async () => {
      for (const n of options.sizes) {
        const content = contentFor(n);
        const statsFile = path.join(workDir, `cache-stats-${n}.tsv`);
        // Runs alternate between the apps, so a drift in the machine's speed touches both.
        // 10,000 articles take a quarter of an hour per build: one run each.
        const runs = n > 1000 ? 1 : options.buildRuns;
        for (let run = 1; run <= runs; run += 1) {
          if (runs > 1) progress(`${n} articles, run ${run} of ${runs}`);
          results.builds.push(await build('minimal', content.root, n, 'cold'));
          // At the budget's size only: the minimal app with the share cards issue 4 requires,
          // to show how much of the budget those cards take before any other feature, and
          // Cornerstone without them, to show what they cost it.
          if (n === 1000) {
            results.builds.push(await build('minimal-cards', content.root, n, 'cold'));
            results.builds.push(await build('project-no-cards', content.root, n, 'cold'));
          }
          rmSync(statsFile, { force: true });
          results.builds.push(
            await build('project', content.root, n, 'cold', { MARKDOWN_CACHE_STATS: statsFile }),
          );
        }
        const rebuildAt = options.sizes.includes(1000) ? 1000 : options.sizes.at(-1);
        if (n === rebuildAt) {
          const cold = readCacheStats(statsFile);
          editArticle(content, new Date().toISOString());
          const rebuildStats = path.join(workDir, `cache-stats-${n}-rebuild.tsv`);
          rmSync(rebuildStats, { force: true });
          const project = await build('project', content.root, n, 'rebuild', {
            MARKDOWN_CACHE_STATS: rebuildStats,
          });
          const minimal = await build('minimal', content.root, n, 'rebuild');
          const stats = readCacheStats(rebuildStats);
          results.rebuild = {
            articles: n,
            editedSlug: content.editableSlug,
            project,
            minimal,
            renders: stats.misses,
            renderedDocuments: stats.renderedDocuments,
            cacheHits: stats.hits,
            coldBuildRenders: cold.misses,
            coldBuildDocuments: cold.renderedDocuments.length,
          };
          progress(
            `rebuild re-rendered ${stats.renderedDocuments.length} document(s) ` +
              `(${stats.misses} renders, ${stats.hits} cache hits): ${stats.renderedDocuments.join(', ')}`,
          );
          // What an editor runs: the check and the search index around `next build`.
          results.fullBuild = await fullBuild(content.root, n);
        }
      }
    });

  const needsServers = (['weight', 'lighthouse', 'serve'] as const).some((s) =>
    options.sections.has(s),
  );
  // The real-content builds run last so the servers below serve what users would get.
  if (options.sections.has('build') || needsServers)
    await section(results, 'build', async () => {
      const real = contentFor(1);
      results.builds.push(await build('minimal', real.root, 1, 'cold'));
      results.builds.push(await build('project', real.root, 1, 'cold'));
    });

  if (options.sections.has('pipeline'))
    await section(results, 'pipeline', async () => {
      const content = contentFor(100);
      progress('Markdown pipeline over 100 articles: lib (cold, warm) …');
      const lib = await runPipeline('lib', content.root);
      progress('Markdown pipeline: minimal unified (cold, warm) …');
      const minimal = await runPipeline('minimal', content.root);
      const cacheDir = path.join(workDir, 'pipeline-cache');
      rmSync(cacheDir, { recursive: true, force: true });
      progress('Markdown pipeline: render cache, empty then full …');
      const cacheCold = await runPipeline('cache', content.root, cacheDir);
      const cacheWarm = await runPipeline('cache', content.root, cacheDir);
      results.pipeline = { articles: 100, lib, minimal, cacheCold, cacheWarm };
    });

  if (needsServers)
    await section(results, 'servers', async () => {
      const real = contentFor(1);
      const slug = path.basename(real.editableSlug);
      const articlePath = `/articles/${slug}`;
      const servers: Server[] = [];
      try {
        progress('starting next start for the project and the bare reference …');
        const project = await startNext(appDir('project'), articlePath);
        servers.push(project);
        if (options.sections.has('weight'))
          await section(results, 'weight', async () => {
            const bare = await startNext(appDir('minimal'), `/posts/${slug}`);
            servers.push(bare);
            const projectWeight = await measurePageWeight(project.url + articlePath);
            const bareWeight = await measurePageWeight(`${bare.url}/posts/${slug}`);
            results.weight = {
              project: projectWeight,
              bare: bareWeight,
              ownJsGzip: Math.max(0, projectWeight.jsGzip - bareWeight.jsGzip),
            };
            progress(
              `page weight: HTML ${kb(projectWeight.htmlGzip)}, CSS ${kb(projectWeight.cssGzip)}, ` +
                `JS ${kb(projectWeight.jsGzip)} (bare ${kb(bareWeight.jsGzip)})`,
            );
            await bare.stop();
            servers.splice(servers.indexOf(bare), 1);
            results.cacheability = [];
            for (const route of ['/', articlePath]) {
              const response = await getRaw(project.url + route);
              const cacheControl = String(response.headers['cache-control'] ?? '');
              results.cacheability.push({
                url: project.url + route,
                status: response.status,
                cacheControl,
                cacheable: isCdnCacheable(response.status, cacheControl),
              });
            }
          });
        if (options.sections.has('lighthouse'))
          await section(results, 'lighthouse', async () => {
            results.lighthouse = await runLighthouse(
              project.url + articlePath,
              options.lighthouseRuns,
            );
          });
        if (options.sections.has('serve'))
          await section(results, 'serve', async () => {
            const page = await getRaw(project.url + articlePath);
            const prerenderedFile = path.join(
              appDir('project'),
              '.next/server/app/articles',
              `${slug}.html`,
            );
            const prerendered = existsSync(prerenderedFile)
              ? readFileSync(prerenderedFile)
              : undefined;
            // One server at a time: load it, then stop it before the next one starts.
            const loadThenStop = async (server: Server) => {
              if (!servers.includes(server)) servers.push(server);
              const load = await loadTest(
                server.url + articlePath,
                options.durationSeconds,
                options.connections,
              );
              await server.stop();
              servers.splice(servers.indexOf(server), 1);
              return load;
            };
            const nextLoad = await loadThenStop(project);
            progress('starting npm start (scripts/serve.mjs) for the project …');
            const guardedLoad = await loadThenStop(
              await startGuarded(appDir('project'), articlePath),
            );
            const nginxLoad = await loadThenStop(await startNginx(articlePath, page.body));
            results.serving = {
              next: nextLoad,
              guarded: guardedLoad,
              nginx: nginxLoad,
              sameBytes: prerendered ? page.body.equals(prerendered) : false,
            };
          });
      } finally {
        for (const server of servers) await server.stop();
      }
    });

  results.environment.loadAverageAtEnd = os.loadavg();
  results.checks = evaluate(results);
  const text = report(results);
  process.stdout.write(`\n${text}`);

  const resultsDir = path.join(repoRoot, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = results.environment.date.replace(/[:.]/g, '-');
  const jsonFile = path.join(resultsDir, `${stamp}.json`);
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  // latest.md and the chart are what the READMEs show: only a full run replaces them, so a
  // quick `--only lighthouse` or `--sizes 10` cannot leave a table without its 1,000 rows.
  const complete = isFullRun(options);
  if (complete) {
    writeFileSync(
      path.join(resultsDir, 'latest.md'),
      `<!-- ${results.environment.date} -->\n${text}`,
    );
    const series = (['project', 'minimal'] as const).map((app) => ({
      name: app === 'project' ? 'Cornerstone' : 'minimal Next app',
      color: app === 'project' ? '#b4462b' : '#2b6cb4',
      points: buildSizes(results).flatMap((n) => {
        const median = findBuild(results, app, n);
        return median ? [{ articles: n, seconds: median.wallMs / 1000 }] : [];
      }),
    }));
    if (series.every((s) => s.points.length > 1)) {
      writeFileSync(
        path.join(resultsDir, 'build-time.svg'),
        buildTimeChart(
          series,
          `Cold next build time (${results.environment.cpus} CPUs, ${results.environment.date.slice(0, 10)})`,
        ),
      );
    }
  }
  progress(
    complete
      ? `wrote ${path.relative(repoRoot, jsonFile)}, bench/results/latest.md and the chart`
      : `wrote ${path.relative(repoRoot, jsonFile)} (not a full run: latest.md and the chart kept)`,
  );

  if (options.check) {
    for (const c of results.checks) {
      if (c.pass && c.aim && !c.aimMet) progress(`info: ${c.name}: ${c.measured}, aim ${c.aim}`);
    }
    for (const e of results.errors) progress(`section ${e.section} failed: ${e.message}`);
    if (results.errors.length) process.exitCode = 1;
    const failed = results.checks.filter((c) => c.pass !== true);
    if (failed.length) {
      for (const c of failed) {
        progress(
          `budget ${c.pass === undefined ? 'not measured' : 'FAILED'}: ${c.name}: ${c.measured} (required ${c.required})`,
        );
      }
      process.exitCode = 1;
    } else progress('all required budgets pass');
  }
}

main().catch((error: unknown) => {
  // Usage errors come from parseOptions before anything started; a stack would only hide them.
  const usage = error instanceof Error && /^(unknown|--)/.test(error.message);
  progress(
    error instanceof Error
      ? usage
        ? error.message
        : (error.stack ?? error.message)
      : String(error),
  );
  process.exitCode = 1;
});
