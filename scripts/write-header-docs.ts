/** Writes the static-export header files from lib/security-headers.ts. Run: npm run headers:write */
import { writeFileSync } from 'node:fs';
import { headersFile, nginxSnippet, securityHeaders } from '../lib/security-headers';

writeFileSync('public/_headers', headersFile());
writeFileSync('docs/nginx-security-headers.conf', nginxSnippet());
// scripts/serve.mjs is plain JavaScript (no TypeScript runtime in production), so it reads
// the headers for the responses it answers itself from this file.
writeFileSync('scripts/security-headers.json', `${JSON.stringify(securityHeaders(), null, 2)}\n`);
console.log(
  'wrote public/_headers, docs/nginx-security-headers.conf and scripts/security-headers.json',
);
