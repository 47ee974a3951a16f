/** The budgets of issue 7, checked against one run's results (`npm run bench -- --check`). */
import { isPerRequest, isPrerendered } from './routes';
import { findBuild, kb, peakRss, ratio, times, type Check, type Results } from './results';
import type { LoadResult } from './serve';
import { formatBytes } from './util';

/** The site's page routes, as `next build` names them: each must be prerendered (○ or ●). */
export const CONTENT_ROUTES = [
  '/',
  '/articles/[slug]',
  '/authors/[slug]',
  '/authors/[slug]/page/[page]',
  '/faq',
  '/page/[page]',
  '/search',
  '/tags',
  '/tags/[tag]',
  '/tags/[tag]/page/[page]',
];

export function evaluate(results: Results): Check[] {
  const checks: Check[] = [];
  const add = (
    name: string,
    required: string,
    aim: string,
    measured: string,
    pass: boolean | undefined,
    aimMet: boolean | undefined = pass,
  ) => checks.push({ name, required, aim, measured, pass, aimMet });

  const project = findBuild(results, 'project', 1000);
  const minimal = findBuild(results, 'minimal', 1000);
  const buildRatio = project && minimal ? ratio(project.wallMs, minimal.wallMs) : undefined;
  const peak = peakRss(results, 'project', 1000);
  // What the share cards issue 4 requires cost on their own, and what Cornerstone costs without
  // them, for the reader of a failed budget.
  const cards = findBuild(results, 'minimal-cards', 1000);
  const noCards = findBuild(results, 'project-no-cards', 1000);
  const notes = minimal
    ? [
        cards &&
          `the minimal app with only share cards added: ${times(cards.wallMs, minimal.wallMs)}`,
        noCards && `Cornerstone without its share cards: ${times(noCards.wallMs, minimal.wallMs)}`,
      ].filter((note) => typeof note === 'string')
    : [];
  const cardsNote = notes.length ? ` (${notes.join('; ')})` : '';
  add(
    'Build time at 1,000 articles',
    '≤ 1.5× minimal',
    '≤ 1.0×',
    buildRatio === undefined ? 'not measured' : `${buildRatio.toFixed(2)}×${cardsNote}`,
    buildRatio === undefined ? undefined : buildRatio <= 1.5,
    buildRatio === undefined ? undefined : buildRatio <= 1.0,
  );
  add(
    'Peak RSS at 1,000 articles',
    '≤ 4 GB',
    '≤ 2 GB',
    peak === undefined ? 'not measured' : formatBytes(peak),
    peak === undefined ? undefined : peak <= 4 * 1024 ** 3,
    peak === undefined ? undefined : peak <= 2 * 1024 ** 3,
  );
  const weight = results.weight;
  add(
    'Own client JS over bare Next',
    '≤ 10 KB gzip',
    '≤ 5 KB',
    weight ? kb(weight.ownJsGzip) : 'not measured',
    weight ? weight.ownJsGzip <= 10 * 1024 : undefined,
    weight ? weight.ownJsGzip <= 5 * 1024 : undefined,
  );
  add(
    'Article HTML, gzip',
    '≤ 40 KB',
    '',
    weight ? kb(weight.project.htmlGzip) : 'not measured',
    weight ? weight.project.htmlGzip <= 40 * 1024 : undefined,
  );
  add(
    'Article CSS, gzip',
    '≤ 15 KB',
    '',
    weight ? kb(weight.project.cssGzip) : 'not measured',
    weight ? weight.project.cssGzip <= 15 * 1024 : undefined,
  );
  const lh = results.lighthouse?.median;
  const score = (name: string, value: number | undefined, min: number, aim: number, aimText = '') =>
    add(
      name,
      min === 100 ? '100' : `≥ ${min}`,
      aimText,
      value === undefined ? 'not measured' : String(value),
      value === undefined ? undefined : value >= min,
      value === undefined ? undefined : value >= aim,
    );
  score('Lighthouse performance', lh?.performance, 95, 100, '100');
  score('Lighthouse accessibility', lh?.accessibility, 100, 100);
  score('Lighthouse SEO', lh?.seo, 100, 100);
  score('Lighthouse best practices', lh?.bestPractices, 95, 95);
  const serving = results.serving;
  // The same bar for `next start` and for what production runs, `npm start`, which puts the
  // request guard in front of Next.
  const throughput = (name: string, load: LoadResult | undefined) => {
    const share =
      serving && load ? ratio(load.requestsPerSecond, serving.nginx.requestsPerSecond) : undefined;
    add(
      name,
      '≥ 0.06× nginx, 0 errors',
      '',
      load && share !== undefined ? `${share.toFixed(3)}×, ${load.errors} errors` : 'not measured',
      load && share !== undefined ? share >= 0.06 && load.errors === 0 : undefined,
    );
  };
  throughput('`next start` throughput', serving?.next);
  throughput('`npm start` throughput (guard + Next)', serving?.guarded);
  // The "must be true" list, beyond the table.
  const rebuild = results.rebuild;
  add(
    `Rebuild after editing 1 of ${(rebuild?.articles ?? 1000).toLocaleString('en')} re-renders only it`,
    '1 document',
    '',
    rebuild
      ? `${rebuild.renderedDocuments.length} document(s), ${rebuild.renders} render(s)`
      : 'not measured',
    rebuild ? rebuild.renderedDocuments.length === 1 : undefined,
  );
  // The build's workers load the content at the same time and split the cold render through
  // the cache's claims; a document rendered twice means they duplicated each other's work.
  add(
    'Cold build renders each document once (workers share)',
    'each once',
    '',
    rebuild
      ? `${rebuild.coldBuildRenders} render(s) of ${rebuild.coldBuildDocuments} document(s)`
      : 'not measured',
    rebuild ? rebuild.coldBuildRenders === rebuild.coldBuildDocuments : undefined,
  );
  const projectBuilds = results.builds.filter((b) => b.app === 'project');
  const dynamic = projectBuilds
    .flatMap((b) => b.routes)
    .filter((r) => isPerRequest(r) && !r.route.startsWith('/api/'));
  // Every build's table must list every page kind readers and crawlers reach as prerendered,
  // so that a table the bench failed to read cannot pass the check by listing nothing.
  const unlisted = projectBuilds.flatMap((b) => {
    const prerendered = new Set(b.routes.filter(isPrerendered).map((r) => r.route));
    const missing = CONTENT_ROUTES.filter((route) => !prerendered.has(route));
    return missing.length ? [`${b.articles} articles (${b.kind}): ${missing.join(', ')}`] : [];
  });
  add(
    'Content pages prerendered (no ƒ routes)',
    `none dynamic; the ${CONTENT_ROUTES.length} page routes ○/●`,
    '',
    projectBuilds.length
      ? [
          dynamic.length
            ? `dynamic: ${[...new Set(dynamic.map((r) => r.route))].join(', ')}`
            : 'none dynamic',
          unlisted.length
            ? `not listed as prerendered in ${unlisted.join('; ')}`
            : `all ${CONTENT_ROUTES.length} page routes ○/● in every build`,
        ].join('; ')
      : 'not measured',
    projectBuilds.length ? dynamic.length === 0 && unlisted.length === 0 : undefined,
  );
  const cacheability = results.cacheability;
  add(
    'Content pages CDN-cacheable',
    'public caching allowed',
    '',
    cacheability
      ? cacheability
          .map((c) => `${new URL(c.url).pathname}: ${c.cacheControl || '(none)'}`)
          .join('; ')
      : 'not measured',
    cacheability ? cacheability.every((c) => c.cacheable) : undefined,
  );
  return checks;
}

/** A response a shared cache may store: 200 and no private/no-store/no-cache directive. */
export function isCdnCacheable(status: number, cacheControl: string): boolean {
  return status === 200 && !/\b(private|no-store|no-cache|max-age=0\b)/i.test(cacheControl);
}
