import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  headersFile,
  nginxSnippet,
  securityHeaders,
} from '@/lib/security-headers';
import { directives } from '../support/csp';

describe('security headers', () => {
  it('has the strict CSP directives the site needs, and no third-party script origin', () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('frame-src')).toEqual(['https://www.youtube-nocookie.com']);
    expect(csp.get('script-src')?.filter((value) => /^https?:|^\*/.test(value))).toEqual([]);
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('allows eval only under next dev, which needs it for fast refresh', () => {
    expect(directives(contentSecurityPolicy({ development: true })).get('script-src')).toContain(
      "'unsafe-eval'",
    );
  });

  it('keeps the static-export header files in step with the source', () => {
    expect(readFileSync('public/_headers', 'utf8')).toBe(headersFile());
    expect(readFileSync('docs/nginx-security-headers.conf', 'utf8')).toBe(nginxSnippet());
    expect(JSON.parse(readFileSync('scripts/security-headers.json', 'utf8'))).toEqual(
      securityHeaders(),
    );
  });
});
