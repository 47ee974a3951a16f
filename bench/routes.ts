/**
 * Reads the route table `next build` prints, so the bench can tell which routes were
 * prerendered. Kept apart from bench/build.ts (which spawns builds) so it can be unit-tested.
 *
 * Next 16 prints a route on one row with its symbol (`├ ○ /faq`, `├ ƒ /api/x`). A route whose
 * paths come from generateStaticParams is a header row without a symbol (`├   /tags/[tag]`),
 * followed by rows for a few of its paths, which carry the symbols (`│ ├ ● /tags/trust`,
 * `│ └ ● [+397 more paths]`; the last route's rows start with a space instead of `│`).
 */

export interface RouteKind {
  route: string;
  /** ○ static, ● prerendered with generateStaticParams, ◐ partial, ƒ dynamic (per request). */
  symbol: string;
}

const SYMBOL = '[○●◐ƒλ]';
const ROUTE_ROW = new RegExp(`^[─┌├└] (?:(${SYMBOL}) |  )(/\\S*)`, 'u');
const PATH_ROW = new RegExp(`^[│ ] [├└] (${SYMBOL}) `, 'u');
// The escape sequences of a coloured terminal.
/** Terminal colour codes, which Next prints when the output is a terminal or colour is forced. */
export const ANSI = /\u001b\[[0-9;]*m/g;

/** Whether the build wrote the route out ahead of requests: ○ static, ● generateStaticParams. */
export function isPrerendered({ symbol }: RouteKind): boolean {
  return symbol === '○' || symbol === '●';
}

/** Whether the route is rendered per request: ƒ (λ in older Next versions). */
export function isPerRequest({ symbol }: RouteKind): boolean {
  return symbol === 'ƒ' || symbol === 'λ';
}

/** One entry per route and symbol: a route whose paths differ in kind is listed once per kind. */
export function parseRoutes(output: string): RouteKind[] {
  const routes: RouteKind[] = [];
  let header: { route: string; symbols: Set<string> } | undefined;
  const closeHeader = () => {
    if (header) for (const symbol of header.symbols) routes.push({ route: header.route, symbol });
    header = undefined;
  };
  for (const raw of output.split('\n')) {
    const line = raw.replace(ANSI, '').trimEnd();
    // The table ends at the first blank line; the legend and other output follow.
    if (line === '') closeHeader();
    const path = PATH_ROW.exec(line);
    if (path?.[1] && header) {
      header.symbols.add(path[1]);
      continue;
    }
    const route = ROUTE_ROW.exec(line);
    if (!route?.[2]) continue;
    closeHeader();
    if (route[1]) routes.push({ route: route[2], symbol: route[1] });
    else header = { route: route[2], symbols: new Set() };
  }
  closeHeader();
  return routes;
}
