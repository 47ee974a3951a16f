/**
 * The HTTP security headers, declared once. next.config.ts sends them from `next start`; the
 * static-export docs (`public/_headers`, `docs/nginx-security-headers.conf`) are generated
 * from the same list and a unit test keeps them in step.
 */

/** The only third-party origin a page may ever load, and only after the reader clicks Play. */
export const VIDEO_ORIGIN = 'https://www.youtube-nocookie.com';

/**
 * Content-Security-Policy. Why the two `'unsafe-inline'`s: every page is prerendered, and
 * Next's App Router inlines its RSC payload as `<script>` elements whose contents differ per
 * page; nonces would need per-request rendering and would make every page dynamic. The same
 * keyword lets the speculation rules in the root layout run (lib/speculation-rules.ts). Content
 * HTML is sanitised before it reaches a page (see lib/sanitize-schema.ts), so authors cannot
 * add inline script, and no third-party script origin is allowed at all.
 * `'wasm-unsafe-eval'` lets Pagefind's search run its WebAssembly; it does not allow eval().
 */
export function contentSecurityPolicy({ development = false } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      "'unsafe-inline'",
      "'wasm-unsafe-eval'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(development ? ['ws:'] : [])],
    'media-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'frame-src': [VIDEO_ORIGIN],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export interface Header {
  key: string;
  value: string;
}

export function securityHeaders({ development = false } = {}): Header[] {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ development }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    {
      key: 'Permissions-Policy',
      value: `camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), autoplay=(self "${VIDEO_ORIGIN}"), fullscreen=(self "${VIDEO_ORIGIN}")`,
    },
    // Legacy twin of frame-ancestors for browsers that predate CSP level 2.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}

/** Sent only when the request came over HTTPS (a TLS proxy sets X-Forwarded-Proto). */
export const strictTransportSecurity: Header = {
  key: 'Strict-Transport-Security',
  value: 'max-age=63072000; includeSubDomains',
};

/** The same headers as a Netlify/Cloudflare Pages `_headers` file, for the static export. */
export function headersFile(): string {
  const lines = [
    '/*',
    ...[...securityHeaders(), strictTransportSecurity].map((h) => `  ${h.key}: ${h.value}`),
  ];
  return `# Generated from lib/security-headers.ts by scripts/write-header-docs.ts; do not edit.\n${lines.join('\n')}\n`;
}

/** The same headers as an nginx snippet, for the static export. */
export function nginxSnippet(): string {
  const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const lines = securityHeaders().map((h) => `add_header ${h.key} "${escape(h.value)}" always;`);
  lines.push(`# HSTS only where nginx terminates TLS:`);
  lines.push(
    `# add_header ${strictTransportSecurity.key} "${strictTransportSecurity.value}" always;`,
  );
  return `# Generated from lib/security-headers.ts by scripts/write-header-docs.ts; do not edit.\n# Include inside a server { } block. Note: nginx drops inherited add_header lines in any\n# location that sets its own, so include this snippet there too.\n${lines.join('\n')}\n`;
}
