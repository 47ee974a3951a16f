'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';

interface Hit {
  url: string;
  title: string;
  excerpt: string;
}

type Status =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'done'; term: string; hits: Hit[] }
  | { state: 'error' };

/** The part of Pagefind's browser API (public/pagefind/pagefind.js) this page uses. */
interface Pagefind {
  debouncedSearch(
    term: string,
    options: object,
    debounceMs: number,
  ): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

function isPagefind(value: unknown): value is Pagefind {
  return (
    typeof value === 'object' &&
    value !== null &&
    'debouncedSearch' in value &&
    typeof value.debouncedSearch === 'function'
  );
}

const PAGEFIND_URL = '/pagefind/pagefind.js';
let pagefind: Promise<Pagefind> | undefined;

/**
 * Loads the Pagefind bundle on first use only, from the URL it is served at: it is written
 * after the Next.js build, so it cannot be bundled.
 */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ PAGEFIND_URL).then(
    (module: unknown) => {
      if (!isPagefind(module)) throw new Error(`${PAGEFIND_URL} is not a Pagefind bundle`);
      return module;
    },
    (error: unknown) => {
      // Forget the failure so the next keystroke tries again (e.g. after a dropped connection).
      pagefind = undefined;
      throw error;
    },
  );
  return pagefind;
}

function readQuery(): string {
  return new URLSearchParams(window.location.search).get('q') ?? '';
}

/**
 * Keeps `?q=` equal to what is typed, without a history entry per keystroke, so the address
 * can be copied or reloaded at any moment and shows the same results.
 */
function rememberQuery(query: string): void {
  const url = new URL(window.location.href);
  const trimmed = query.trim();
  if (trimmed) url.searchParams.set('q', trimmed);
  else url.searchParams.delete('q');
  if (url.href !== window.location.href) window.history.replaceState(null, '', url);
}

/**
 * Site search over the Pagefind index built after `next build`. The query lives in `?q=` so a
 * search can be linked to and the back button works; it is read in the browser because the
 * page itself is prerendered. Results are announced through a polite live region.
 */
export function SiteSearch() {
  const [term, setTerm] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const latest = useRef(0);

  async function search(query: string) {
    const run = ++latest.current;
    const trimmed = query.trim();
    if (!trimmed) return setStatus({ state: 'idle' });
    setStatus({ state: 'searching' });
    try {
      const api = await loadPagefind();
      const found = await api.debouncedSearch(trimmed, {}, 200);
      // A newer keystroke superseded this search (Pagefind answers null for those).
      if (!found || run !== latest.current) return;
      const data = await Promise.all(found.results.slice(0, 10).map((result) => result.data()));
      if (run !== latest.current) return;
      setStatus({
        state: 'done',
        term: trimmed,
        hits: data.map((item) => ({
          url: item.url,
          title: item.meta.title ?? item.url,
          excerpt: item.excerpt,
        })),
      });
    } catch {
      if (run === latest.current) setStatus({ state: 'error' });
    }
  }

  useEffect(() => {
    const initial = readQuery();
    if (!initial) return;
    // Deferred a tick: the query comes from the address bar, which only the browser knows.
    const timer = window.setTimeout(() => {
      setTerm(initial);
      void search(initial);
    });
    return () => window.clearTimeout(timer);
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rememberQuery(term);
    void search(term);
  }

  return (
    <div className="search">
      <form role="search" action="/search" className="search-form" onSubmit={onSubmit}>
        <label htmlFor="search-input" className="search-label">
          Search articles, answers and authors
        </label>
        <div className="search-row">
          <input
            id="search-input"
            className="search-input"
            type="search"
            name="q"
            autoComplete="off"
            spellCheck={false}
            value={term}
            onChange={(event) => {
              setTerm(event.target.value);
              rememberQuery(event.target.value);
              void search(event.target.value);
            }}
          />
          <button type="submit" className="search-submit">
            Search
          </button>
        </div>
      </form>
      <p className="search-status" role="status">
        {status.state === 'idle' ? 'Results appear as you type.' : null}
        {status.state === 'searching' ? 'Searching…' : null}
        {status.state === 'error' ? 'Search is not available right now. Please try again.' : null}
        {status.state === 'done'
          ? `${status.hits.length === 0 ? 'No' : status.hits.length} result${status.hits.length === 1 ? '' : 's'} for “${status.term}”`
          : null}
      </p>
      {status.state === 'done' && status.hits.length > 0 ? (
        <ol className="search-results">
          {status.hits.map((hit) => (
            <li key={hit.url} className="search-result">
              <a href={hit.url} className="search-result-title">
                {hit.title}
              </a>
              <p className="search-result-url">{hit.url}</p>
              {/* Pagefind escapes the page text and adds only <mark> around the matches. */}
              <p
                className="search-result-excerpt"
                dangerouslySetInnerHTML={{ __html: hit.excerpt }}
              />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
