/**
 * Decides whether a request target is malformed enough to refuse before routing.
 * Pure function, unit-tested in tests/unit/request-guard.test.ts.
 */

/** Longer targets than this are not links anyone follows; 414 is the honest answer. */
export const MAX_URL_LENGTH = 2048;

/**
 * The origin form (`/path?query`) of a request target. Proxies may send the absolute form
 * (`GET http://host/path`), which servers must accept (RFC 9112, 3.2.2); Next 16 answers it
 * with a redirect to the very same URL, so the server hands Next the origin form instead.
 *
 * @param {string} target the raw request target
 * @returns {string}
 */
export function originFormOf(target) {
  return target.replace(/^https?:\/\/[^/?#]*\/?/i, '/');
}

/**
 * @param {string} target the raw request target, e.g. `/articles/x?y=1`
 * @returns {{ status: number, reason: string } | undefined}
 */
export function rejectMalformedRequest(target) {
  if (target.length > MAX_URL_LENGTH) return { status: 414, reason: 'URI Too Long' };
  // The same checks apply to an absolute-form target's path.
  const originForm = originFormOf(target);
  const queryStart = originForm.indexOf('?');
  const path = queryStart === -1 ? originForm : originForm.slice(0, queryStart);
  if (!path.startsWith('/')) return { status: 400, reason: 'Bad Request' };
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Bad percent-encoding, including overlong UTF-8 forms such as %c0%ae.
    return { status: 400, reason: 'Bad Request' };
  }
  if (decoded.includes('\0')) return { status: 400, reason: 'Bad Request' };
  // Encoded separators or dot-segments only ever appear in traversal attempts.
  if (
    /%2f|%5c/i.test(path) ||
    decoded.split('/').some((segment) => segment === '..' || segment === '.')
  ) {
    return { status: 400, reason: 'Bad Request' };
  }
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return { status: 400, reason: 'Bad Request' };
  return undefined;
}

/** What the site answers to: every page and file is static, read-only content. */
const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

/**
 * The answer to a method the site does not serve, before routing: Next answered POST or PUT
 * on a prerendered page with the page itself (200) and OPTIONS with an empty 400. RFC 9110:
 * 405 with an Allow header; OPTIONS is answered with Allow. (CONNECT never reaches a request
 * handler: Node raises it as a 'connect' event, and with no listener closes the socket.)
 *
 * @param {string | undefined} method the request method
 * @returns {{ status: number, reason: string, allow: string } | undefined}
 */
export function answerMethod(method) {
  if (method === 'GET' || method === 'HEAD') return undefined;
  if (method === 'OPTIONS') return { status: 204, reason: 'No Content', allow: ALLOWED_METHODS };
  return { status: 405, reason: 'Method Not Allowed', allow: ALLOWED_METHODS };
}
