import { load, type CheerioAPI } from 'cheerio';
import { inject } from 'vitest';

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function fetchPage(
  path: string,
): Promise<{ status: number; html: string; $: CheerioAPI; headers: Headers }> {
  const response = await fetch(new URL(path, baseUrl()), { redirect: 'manual' });
  const html = await response.text();
  return { status: response.status, html, $: load(html), headers: response.headers };
}

/** Every `href="#x"` on the page whose target id does not exist. */
export function unresolvedFragmentLinks($: CheerioAPI): string[] {
  const ids = new Set(
    $('[id]')
      .map((_, el) => $(el).attr('id'))
      .get(),
  );
  return $('a[href^="#"]')
    .map((_, el) => $(el).attr('href') ?? '')
    .get()
    .filter((href) => href !== '#' && !ids.has(decodeURIComponent(href.slice(1))));
}

export function duplicateIds($: CheerioAPI): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  $('[id]').each((_, el) => {
    const id = $(el).attr('id') ?? '';
    if (seen.has(id)) duplicates.push(id);
    seen.add(id);
  });
  return duplicates;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
