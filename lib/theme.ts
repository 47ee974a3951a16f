/**
 * Theme settings shared by the head script (public/theme-init.js), the toggle and the tests.
 * The head script is a static file rather than inline code so a strict Content-Security-Policy
 * can allow it with `script-src 'self'`, without a hash or nonce.
 */
export const THEME_STORAGE_KEY = 'theme';
export const THEME_INIT_SCRIPT = '/theme-init.js';
export type ThemeChoice = 'light' | 'dark';
