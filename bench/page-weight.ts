/**
 * Page weight as a first visit pays it: the HTML document plus every stylesheet and script it
 * references, each gzipped on its own (level 6, the usual server default).
 */
import { gzipSync } from 'node:zlib';
import { getRaw } from './util';

export interface PageWeight {
  url: string;
  htmlBytes: number;
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  stylesheets: string[];
  scripts: string[];
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
}

/** URLs of the scripts and stylesheets a document loads (preloaded scripts included). */
export function assetsOf(html: string): { scripts: string[]; stylesheets: string[] } {
  const scripts = new Set<string>();
  const stylesheets = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (src) scripts.add(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel')?.toLowerCase() ?? '';
    const href = attribute(tag, 'href');
    if (!href) continue;
    if (rel === 'stylesheet') stylesheets.add(href);
    if ((rel === 'preload' && attribute(tag, 'as') === 'script') || rel === 'modulepreload') {
      scripts.add(href);
    }
  }
  return { scripts: [...scripts].sort(), stylesheets: [...stylesheets].sort() };
}

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 6 }).length;

async function sumGzip(base: string, urls: string[]): Promise<number> {
  let total = 0;
  for (const url of urls) {
    const response = await getRaw(new URL(url.replaceAll('&amp;', '&'), base).href);
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
    total += gzipSize(response.body);
  }
  return total;
}

export async function measurePageWeight(url: string): Promise<PageWeight> {
  const page = await getRaw(url);
  if (page.status !== 200) throw new Error(`${url}: HTTP ${page.status}`);
  const html = page.body.toString('utf8');
  const { scripts, stylesheets } = assetsOf(html);
  return {
    url,
    htmlBytes: page.body.length,
    htmlGzip: gzipSize(page.body),
    cssGzip: await sumGzip(url, stylesheets),
    jsGzip: await sumGzip(url, scripts),
    stylesheets,
    scripts,
  };
}
