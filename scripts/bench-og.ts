/**
 * `npm run bench:og`: what one share card costs to draw, the way the build draws it
 * (lib/og-card.ts). Prints the cold first card (font start-up) and, per article, the median
 * wall time and the CPU time of warm draws, so the build budget can be set per article. CPU
 * counts sharp's own threads too, which is what a card takes from a build using every core.
 */
import { performance } from 'node:perf_hooks';
import { getPublishedArticles, getAuthor } from '@/lib/content';
import { drawCard } from '@/lib/og-card';
import { articleCardProps } from '@/lib/og-image';

const RUNS = Number(process.env.RUNS ?? 10);

const articles = getPublishedArticles();
const first = articles[0];
if (!first) throw new Error('no published article to draw');

let start = performance.now();
await drawCard(articleCardProps(first, { name: 'someone' }));
const cold = performance.now() - start;

for (const article of articles) {
  const card = articleCardProps(article, getAuthor(article.author));
  const times: number[] = [];
  let bytes = 0;
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < RUNS; i += 1) {
    start = performance.now();
    bytes = (await drawCard(card)).byteLength;
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const cpuPerCard = (cpu.user + cpu.system) / 1000 / RUNS;
  console.log(
    `${article.slug}: median ${median.toFixed(1)} ms over ${RUNS} draws, ` +
      `${cpuPerCard.toFixed(1)} ms CPU each, ${(bytes / 1024).toFixed(1)} KiB PNG`,
  );
}
console.log(`cold first card (font start-up): ${cold.toFixed(1)} ms`);
