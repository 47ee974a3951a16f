import { describe, expect, inject, it } from 'vitest';
import { videoPosterPath } from '@/lib/video-poster';
import { baseUrl } from '../support/html';

/** The article's video poster, as its frontmatter describes the video. */
const POSTER = videoPosterPath({
  id: 'gh5VhaicC6g',
  title: 'Skills for Healthy Romantic Relationships',
  speaker: 'Joanne Davila',
  event: 'TEDxSBU',
});

const REQUIRED = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

/** Raw request, so malformed targets reach the server byte for byte (fetch would normalise). */
async function rawGet(
  target: string,
  method = 'GET',
): Promise<{ status: number; headers: Headers }> {
  const { request } = await import('node:http');
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: target, method }, (res) => {
      res.resume();
      res.on('end', () => {
        const headers = new Headers();
        for (const [key, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') headers.set(key, value);
        }
        resolve({ status: res.statusCode ?? 0, headers });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('security headers', () => {
  // Each with the status it must have, so a path that stopped existing cannot pass on the
  // 404 page's headers.
  it.each<[string, number]>([
    ['/', 200],
    ['/articles/building-trust-and-emotional-intimacy', 200],
    ['/faq', 200],
    ['/articles/missing', 404],
    [POSTER, 200],
    ['/icon.svg', 200],
    // A malformed target is answered by our request guard under `next start`; nginx rejects
    // it while still parsing the request line, before any header configuration applies.
    ...(inject('target') === 'next' ? [['/%', 400] satisfies [string, number]] : []),
  ])(
    '%s (%i) carries CSP and the other security headers, and no X-Powered-By',
    async (path, expected) => {
      const { status, headers } = await rawGet(path);
      expect(status).toBe(expected);
      const csp = headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        'frame-src https://www.youtube-nocookie.com',
      ]) {
        expect(csp).toContain(directive);
      }
      for (const [name, value] of Object.entries(REQUIRED)) expect(headers.get(name)).toBe(value);
      expect(headers.get('permissions-policy')).toContain('camera=()');
      expect(headers.get('x-powered-by')).toBeNull();
      expect(headers.get('strict-transport-security')).toBeNull();
    },
  );

  // HSTS belongs to whoever terminates TLS: the Node server does it from X-Forwarded-Proto; a
  // static host sends it from its own TLS config (docs/nginx-security-headers.conf).
  if (inject('target') === 'next') {
    it('adds Strict-Transport-Security only behind HTTPS', async () => {
      const response = await fetch(baseUrl(), { headers: { 'x-forwarded-proto': 'https' } });
      expect(response.headers.get('strict-transport-security')).toBe(
        'max-age=63072000; includeSubDomains',
      );
    });
  }
});

describe('malformed and hostile URLs', () => {
  it.each([
    '/%',
    '/%E0%A4%A',
    '/articles/%ZZ',
    '/articles/%c0%ae%c0%ae',
    '/video-posters/%',
    '/articles/building-trust-and-emotional-intimacy%',
    '/articles/%00',
    '/%00',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/articles/..%2f..%2fpackage.json',
    '/_next/static/..%2f..%2fpackage.json',
    `/articles/${'a'.repeat(5000)}`,
    `/${'%41'.repeat(3000)}`,
  ])('%s answers 4xx, never 5xx', async (target) => {
    const { status } = await rawGet(target);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('serves an absolute-form target (as a proxy sends it) like its path', async () => {
    const absolute = new URL('/articles/building-trust-and-emotional-intimacy', baseUrl());
    expect((await rawGet(absolute.toString())).status).toBe(200);
    expect((await rawGet(new URL('/articles/%ZZ', baseUrl()).toString())).status).toBe(400);
  });

  it('stays healthy after the malformed requests', async () => {
    const response = await fetch(
      new URL('/articles/building-trust-and-emotional-intimacy', baseUrl()),
    );
    expect(response.status).toBe(200);
  });
});

// nginx answers these for the static export by itself (405 for a static file); under
// `npm start` the request guard does, since Next served POST on a page as if it were GET.
if (inject('target') === 'next') {
  describe('methods the site does not serve', () => {
    it.each(['POST', 'PUT', 'DELETE', 'PATCH'])(
      '%s on a page is 405 with Allow',
      async (method) => {
        const { status, headers } = await rawGet(
          '/articles/building-trust-and-emotional-intimacy',
          method,
        );
        expect(status).toBe(405);
        expect(headers.get('allow')).toBe('GET, HEAD, OPTIONS');
        expect(headers.get('content-security-policy')).toBeTruthy();
      },
    );

    it('OPTIONS is 204 with Allow, and HEAD is served', async () => {
      const options = await rawGet('/', 'OPTIONS');
      expect(options.status).toBe(204);
      expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect((await rawGet('/faq', 'HEAD')).status).toBe(200);
    });
  });
}
