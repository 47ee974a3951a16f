#!/usr/bin/env node
/**
 * Production server: Next's request handler behind a thin guard.
 *
 * Why not plain `next start`:
 * - Next 16 answers some malformed paths with a 500 (`/articles/%ZZ`, overlong UTF-8 such as
 *   `%c0%ae`): the router decodes dynamic segments and throws. Those requests are the client's
 *   fault, so they are answered here with a 4xx before Next sees them.
 * - `npm start` must stop cleanly on SIGTERM/SIGINT. Owning the http.Server lets us stop
 *   accepting connections, drain keep-alive sockets and exit within a few seconds.
 *
 * Usage: node scripts/serve.mjs [-p PORT] [-H HOST]   (PORT/HOSTNAME env work too)
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { answerMethod, originFormOf, rejectMalformedRequest } from './request-guard.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? undefined;
const SHUTDOWN_GRACE_MS = 4000;
/** The same headers next.config.ts sends, for the responses this guard answers itself. */
const securityHeaders = JSON.parse(
  readFileSync(new URL('./security-headers.json', import.meta.url), 'utf8'),
);

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const rejection = rejectMalformedRequest(request.url ?? '/') ?? answerMethod(request.method);
  if (rejection) {
    for (const { key, value } of securityHeaders) response.setHeader(key, value);
    if ('allow' in rejection) response.setHeader('Allow', rejection.allow);
    const body = rejection.status === 204 ? '' : `${rejection.status} ${rejection.reason}\n`;
    response.writeHead(rejection.status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    response.end(body);
    return;
  }
  request.url = originFormOf(request.url ?? '/');
  handle(request, response).catch((error) => {
    console.error('request failed', request.url, error);
    // Once the status line is out, a 500 body would be appended to a page the client takes
    // as complete: cut the connection instead, so the client sees the response failed.
    if (response.headersSent) {
      response.destroy(error instanceof Error ? error : undefined);
      return;
    }
    response.writeHead(500, { 'Content-Type': 'text/plain' });
    response.end('500 Internal Server Error\n');
  });
});

server.listen(port, hostname, () => {
  console.log(`Cornerstone ready on http://${hostname ?? 'localhost'}:${port}`);
});

let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: closing server`);
  const force = setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS);
  force.unref();
  server.close(() => {
    Promise.resolve(app.close?.())
      .catch(() => {})
      .finally(() => process.exit(0));
  });
  // Idle keep-alive sockets would hold close() open until they time out.
  server.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
