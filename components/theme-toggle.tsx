'use client';

import { useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY, type ThemeChoice } from '@/lib/theme';

const darkQuery = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

function readTheme(): ThemeChoice {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'dark' || chosen === 'light') return chosen;
  return window.matchMedia(darkQuery).matches ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(darkQuery);
  listeners.add(onChange);
  media.addEventListener('change', onChange);
  return () => {
    listeners.delete(onChange);
    media.removeEventListener('change', onChange);
  };
}

function chooseTheme(next: ThemeChoice) {
  document.documentElement.dataset.theme = next;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, next);
  } catch {
    // Private modes may refuse storage; the choice then lasts for this page only.
  }
  for (const listener of listeners) listener();
}

/**
 * A two-state "Dark theme" switch. Until the reader presses it the page follows the system
 * setting (CSS does that on its own); pressing it stores an explicit choice, which
 * public/theme-init.js applies before the next page paints. The server renders it without a
 * pressed state because only the browser knows the theme; CSS hides it when scripts are off.
 */
export function ThemeToggle() {
  const theme = useSyncExternalStore<ThemeChoice | undefined>(
    subscribe,
    readTheme,
    () => undefined,
  );
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={theme === undefined ? undefined : theme === 'dark'}
      onClick={() => chooseTheme(readTheme() === 'dark' ? 'light' : 'dark')}
    >
      <svg className="theme-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <g className="theme-icon-sun">
          <circle cx="12" cy="12" r="4.5" />
          <path d="M12 2v2.5M12 19.5V22M2 12h2.5M19.5 12H22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8" />
        </g>
        <path
          className="theme-icon-moon"
          d="M20 14.5A8.5 8.5 0 0 1 9.5 4a8.5 8.5 0 1 0 10.5 10.5Z"
        />
      </svg>
      <span className="theme-toggle-label">Dark theme</span>
    </button>
  );
}
