import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@/lib/security-headers';
import { routes } from '@/lib/site';
import { speculationRules, speculationRulesJson } from '@/lib/speculation-rules';
import { directives } from '../support/csp';

/** The rule's URL patterns for addresses that are not pages. */
function excludedPatterns(): readonly string[] {
  const [rule] = speculationRules.prefetch;
  return rule.where.and.flatMap((clause) =>
    'not' in clause && 'href_matches' in clause.not ? [clause.not.href_matches] : [],
  );
}

/** A URL pattern's pathname match, for the only syntax the rules use: literals and `*`. */
function matches(pattern: string, path: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

describe('speculation rules', () => {
  it('prefetch same-origin links on intent, never on sight or by prerendering', () => {
    expect(Object.keys(speculationRules)).toEqual(['prefetch']);
    const [rule] = speculationRules.prefetch;
    expect(rule.source).toBe('document');
    expect(rule.eagerness).toBe('moderate');
    expect(rule.where.and[0]).toEqual({ href_matches: '/*' });
  });

  it('leave out every address of the site that is a file rather than a page', () => {
    // Every route that takes no argument, so that a route added later is checked too.
    const zeroArgument: string[] = [];
    for (const route of Object.values(routes)) {
      if (route.length > 0) continue;
      const path: unknown = Reflect.apply(route, undefined, []);
      if (typeof path === 'string') zeroArgument.push(path);
    }
    const files = [
      ...zeroArgument,
      routes.articleOgImage('an-article'),
      // Files an editor may link to from content, and the site's own scripts.
      '/images/a-photo.jpg',
      '/files/report.pdf',
      '/theme-init.js',
      '/pagefind/pagefind.js',
    ].filter((path) => /\.[a-z]+$/.test(path));
    expect(files).toEqual(
      expect.arrayContaining(['/feed.xml', '/atom.xml', '/sitemap.xml', '/og/site.png']),
    );
    for (const path of files) {
      expect(
        excludedPatterns().some((pattern) => matches(pattern, path)),
        path,
      ).toBe(true);
    }
    // Pages stay in: the exclusions do not reach them.
    for (const path of ['/', '/faq', '/tags', '/search', routes.article('an-article')]) {
      expect(
        excludedPatterns().some((pattern) => matches(pattern, path)),
        path,
      ).toBe(false);
    }
  });

  it('serialise to JSON that cannot close their <script> element', () => {
    const json = speculationRulesJson();
    expect(JSON.parse(json)).toEqual(speculationRules);
    expect(json).not.toContain('<');
  });

  it('are allowed by the Content-Security-Policy, which must keep inline rules running', () => {
    const scriptSrc = directives(contentSecurityPolicy()).get('script-src') ?? [];
    if (!scriptSrc.includes("'inline-speculation-rules'")) {
      expect(scriptSrc).toContain("'unsafe-inline'");
      // A nonce, a hash or 'strict-dynamic' would quietly switch 'unsafe-inline' off.
      for (const value of scriptSrc) {
        expect(value).not.toMatch(/^'(nonce-|sha256-|sha384-|sha512-|strict-dynamic)/);
      }
    }
  });
});
