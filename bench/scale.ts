/**
 * `npm run bench:scale`: the 10,000-article build on its own. `npm run bench -- --full` measures
 * the same inside the whole bench (with a rebuild at 10,000 too, which doubles a long run);
 * this builds only Cornerstone and the minimal app, cold, once each, and writes
 * bench/results/scale-<timestamp>.json. `-- --n 5000` picks another size.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { build, prepareApps } from './build';
import { generateContent } from './synthetic-content';
import { formatBytes, progress, repoRoot, workDir } from './util';

const flag = process.argv.indexOf('--n');
const articles = flag === -1 ? 10_000 : Number(process.argv[flag + 1]);
if (!Number.isInteger(articles) || articles < 1) throw new Error('--n needs a whole number');

const loadAtStart = loadavg();
mkdirSync(workDir, { recursive: true });
prepareApps();
progress(`generating ${articles} articles …`);
const content = generateContent(
  path.join(repoRoot, 'content'),
  path.join(workDir, `content-${articles}`),
  articles,
);
const project = await build('project', content.root, articles, 'cold');
const minimal = await build('minimal', content.root, articles, 'cold');
const result = {
  date: new Date().toISOString(),
  articles,
  loadAverageAtStart: loadAtStart,
  loadAverageAtEnd: loadavg(),
  project: { wallMs: project.wallMs, peakRssBytes: project.peakRssBytes, routes: project.routes },
  minimal: { wallMs: minimal.wallMs, peakRssBytes: minimal.peakRssBytes },
};
const file = path.join(
  repoRoot,
  'bench/results',
  `scale-${result.date.replace(/[:.]/g, '-')}.json`,
);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
const line = (name: string, b: typeof project) =>
  `${name}: ${(b.wallMs / 60_000).toFixed(1)} min, peak RSS ${formatBytes(b.peakRssBytes)}`;
console.log(`${articles.toLocaleString('en')} articles, cold next build`);
console.log(line('Cornerstone', project));
console.log(line('minimal app', minimal));
console.log(`written to ${path.relative(repoRoot, file)}`);
