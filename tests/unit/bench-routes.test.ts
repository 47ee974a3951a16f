import { describe, expect, it } from 'vitest';
import { parseRoutes } from '../../bench/routes';

// Excerpt of what `next build` (16.4) printed for the 1,000-article bench site.
const NEXT_16_TABLE = `
Route (app)
┌ ○ /
├ ○ /_not-found
├   /articles/[slug]
│ ├ ● /articles/building-trust-and-emotional-intimacy
│ ├ ● /articles/building-trust-and-emotional-intimacy-copy-999
│ ├ ● /articles/building-trust-and-emotional-intimacy-copy-998
│ └ ● [+997 more paths]
├ ○ /atom.xml
├   /authors/[slug]
│ └ ● /authors/patrick-b-watson
├ ○ /faq
├   /tags/[tag]/page/[page]
│ ├ ● /tags/communication/page/1
│ ├ ● /tags/communication/page/2
│ ├ ● /tags/communication/page/3
│ └ ● [+397 more paths]
└   /video-posters/[file]
  └ ● /video-posters/gh5VhaicC6g-5b0d9ea962.svg


○  (Static)  prerendered as static content
●  (SSG)     prerendered as static HTML (uses generateStaticParams)
`;

describe('parseRoutes (bench: which routes next build prerendered)', () => {
  it('lists each route once with its kind, not the sample paths under it', () => {
    expect(parseRoutes(NEXT_16_TABLE)).toEqual([
      { route: '/', symbol: '○' },
      { route: '/_not-found', symbol: '○' },
      { route: '/articles/[slug]', symbol: '●' },
      { route: '/atom.xml', symbol: '○' },
      { route: '/authors/[slug]', symbol: '●' },
      { route: '/faq', symbol: '○' },
      { route: '/tags/[tag]/page/[page]', symbol: '●' },
      { route: '/video-posters/[file]', symbol: '●' },
    ]);
  });

  it('reports routes rendered per request, and each kind of a route with mixed paths', () => {
    const table = [
      'Route (app)',
      '┌ ○ /',
      '├ ƒ /api/revalidate',
      '├ ƒ /articles/[slug]',
      '├   /tags/[tag]',
      '│ ├ ● /tags/trust',
      '│ └ ◐ /tags/new',
      '└ ○ /faq',
    ].join('\n');
    expect(parseRoutes(table)).toEqual([
      { route: '/', symbol: '○' },
      { route: '/api/revalidate', symbol: 'ƒ' },
      { route: '/articles/[slug]', symbol: 'ƒ' },
      { route: '/tags/[tag]', symbol: '●' },
      { route: '/tags/[tag]', symbol: '◐' },
      { route: '/faq', symbol: '○' },
    ]);
  });

  it('reads slow paths with their durations, in colour, and a Revalidate column', () => {
    // Next adds a duration to a row that took over 300 ms, coloured when the terminal allows,
    // shows up to seven paths then, and adds columns when a route revalidates.
    const table = [
      '\u001b[4mRoute (app)\u001b[24m                 \u001b[4mRevalidate\u001b[24m',
      '┌ ○ /                                    1h',
      '├   /articles/[slug] (\u001b[33m1204 ms\u001b[39m)',
      '│ ├ ● /articles/one (\u001b[32m402 ms\u001b[39m)',
      '│ └ ● [+9 more paths] (avg \u001b[32m310 ms\u001b[39m)',
      '└ ƒ /search',
      '',
      'ƒ Proxy (Middleware)',
      '',
      '○  (Static)   prerendered as static content',
      '●  (SSG)      prerendered as static HTML (uses generateStaticParams)',
      'ƒ  (Dynamic)  server-rendered on demand',
    ].join('\n');
    expect(parseRoutes(table)).toEqual([
      { route: '/', symbol: '○' },
      { route: '/articles/[slug]', symbol: '●' },
      { route: '/search', symbol: 'ƒ' },
    ]);
  });

  it('reads a single-route table', () => {
    expect(parseRoutes('Route (app)\n─ ƒ /only')).toEqual([{ route: '/only', symbol: 'ƒ' }]);
  });
});
