/**
 * `npm run bench:og`: what one Open Graph image costs to draw, the same way the build draws it
 * (next/og with the npm fonts). Prints the cold first render (WASM and font start-up) and the
 * median of warm renders per article, so the build budget can be set per article.
 */
import { performance } from 'node:perf_hooks';
import { ImageResponse } from 'next/og';
import { OgCard } from '@/components/og-card';
import { getPublishedArticles, getAuthor } from '@/lib/content';
import { articleCardProps, loadOgFonts, OG_IMAGE_SIZE } from '@/lib/og-image';

const RUNS = Number(process.env.RUNS ?? 10);

async function render(card: ReturnType<typeof articleCardProps>): Promise<number> {
  const response = new ImageResponse(<OgCard {...card} />, {
    ...OG_IMAGE_SIZE,
    fonts: loadOgFonts(),
  });
  return (await response.arrayBuffer()).byteLength;
}

const articles = getPublishedArticles();
const first = articles[0];
if (!first) throw new Error('no published article to draw');

let start = performance.now();
await render(articleCardProps(first, { name: 'someone' }));
const cold = performance.now() - start;

for (const article of articles) {
  const card = articleCardProps(article, getAuthor(article.author));
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i += 1) {
    start = performance.now();
    bytes = await render(card);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `${article.slug}: median ${median.toFixed(1)} ms over ${RUNS} renders, ${(bytes / 1024).toFixed(1)} KiB PNG`,
  );
}
console.log(`cold first render (WASM + fonts): ${cold.toFixed(1)} ms`);
