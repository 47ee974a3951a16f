import { describe, expect, it } from 'vitest';
import {
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
