import { describe, expect, it } from 'vitest';
import {
  answerMethod,
  MAX_URL_LENGTH,
  originFormOf,
  rejectMalformedRequest,
} from '../../scripts/request-guard.mjs';

describe('rejectMalformedRequest', () => {
  it.each([
    '/',
    '/articles/building-trust-and-emotional-intimacy',
    '/faq#x',
    '/articles/caf%C3%A9',
    '/faq?q=%',
    '/_next/static/chunks/a.js',
    // Absolute form, as a proxy sends it.
    'http://localhost:3000/articles/building-trust-and-emotional-intimacy',
    'https://example.com',
    'HTTPS://example.com?q=%',
  ])('lets %s through', (target) => {
    expect(rejectMalformedRequest(target)).toBeUndefined();
  });

  it.each([
    ['/%', 400],
    ['/articles/%ZZ', 400],
    ['/articles/%E0%A4%A', 400],
    ['/articles/%c0%ae%c0%ae', 400],
    ['/articles/%00', 400],
    ['/articles/a%0Ab', 400],
    ['/..%2f..%2fetc%2fpasswd', 400],
    ['/%2e%2e/%2e%2e/etc/passwd', 400],
    ['/a/../b', 400],
    ['/a%5c..%5cb', 400],
    ['*', 400],
    ['http://localhost:3000/articles/%ZZ', 400],
    ['https://example.com/a/../b', 400],
    ['ftp://example.com/', 400],
    [`/${'a'.repeat(MAX_URL_LENGTH)}`, 414],
  ])('answers %s with %i', (target, status) => {
    expect(rejectMalformedRequest(target)?.status).toBe(status);
  });
});

describe('originFormOf', () => {
  it.each([
    ['http://localhost:3000/articles/x?y=1', '/articles/x?y=1'],
    ['https://example.com', '/'],
    ['HTTPS://example.com?q=1', '/?q=1'],
    ['/already/origin-form', '/already/origin-form'],
    ['*', '*'],
  ])('turns %s into %s', (target, expected) => {
    expect(originFormOf(target)).toBe(expected);
  });
});

describe('answerMethod', () => {
  it('lets reads through to Next', () => {
    expect(answerMethod('GET')).toBeUndefined();
    expect(answerMethod('HEAD')).toBeUndefined();
  });

  it('answers OPTIONS itself, with what the site allows', () => {
    expect(answerMethod('OPTIONS')).toEqual({
      status: 204,
      reason: 'No Content',
      allow: 'GET, HEAD, OPTIONS',
    });
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND', undefined])(
    'refuses %s with 405 and the Allow header',
    (method) => {
      expect(answerMethod(method)).toEqual({
        status: 405,
        reason: 'Method Not Allowed',
        allow: 'GET, HEAD, OPTIONS',
      });
    },
  );
});
