'use client';

import { useEffect } from 'react';

/** Matches the wide layout in app/styles/reader.css, where the contents sit in the margin. */
const WIDE = '(min-width: 75em)';

/**
 * Where a heading starts to count as the section being read, from the top of the window: just
 * below where an in-page jump leaves a heading (`scroll-margin-top: 1.5rem`), so that a jump
 * marks the section jumped to even when the next section is short enough to be on screen too.
 */
const READING_LINE_PX = 80;

/** Scrolling the reader starts; a jump's mark then gives way to the reading line. */
const USER_SCROLL_EVENTS = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;

/**
 * Marks the contents entry of the section being read with `aria-current="location"` and keeps
 * it in view inside the margin column. On wide screens it also opens the `<details>`, so the
 * links CSS shows there are open for assistive technology too; on phones the reader folds it.
 *
 * The section being read is the last one whose heading has passed the reading line; at the end
 * of the page, where the last sections cannot scroll that far, the last heading on screen. After
 * a jump to a heading (a contents entry, a heading anchor, a shared link) that heading is marked
 * until the reader scrolls.
 */
function track(toc: HTMLElement): () => void {
  const details = toc.querySelector('details');
  const links = new Map<Element, HTMLAnchorElement>();
  // Headings by the hash of the entry that links to them, encoded as the address bar and every
  // link's `hash` encode it: looked up as is, a hash a reader typed or a chat app cut short
  // (`#50%`) is never decoded, so it cannot throw. The heading itself is found by the id the
  // entry was written with (`href="#<id>"`), which needs no decoding either.
  const byHash = new Map<string, Element>();
  for (const link of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const target = document.getElementById(link.getAttribute('href')?.slice(1) ?? '');
    if (!target) continue;
    links.set(target, link);
    byHash.set(link.hash, target);
  }
  const headings = [...links.keys()];
  const wide = window.matchMedia(WIDE);
  let current: HTMLAnchorElement | undefined;
  let jumpedTo: Element | undefined;
  let frame = 0;

  function reading(): Element | undefined {
    if (jumpedTo) {
      const { top, bottom } = jumpedTo.getBoundingClientRect();
      if (bottom > 0 && top < window.innerHeight) return jumpedTo;
    }
    const root = document.documentElement;
    // Scrolled to the very end; a page that fits the window has not been scrolled at all.
    const atEnd =
      window.scrollY > 0 && window.scrollY + window.innerHeight >= root.scrollHeight - 2;
    const line = atEnd ? window.innerHeight : READING_LINE_PX;
    let last: Element | undefined;
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top <= line) last = heading;
      else break;
    }
    return last;
  }

  function update() {
    frame = 0;
    const heading = reading();
    const link = heading ? links.get(heading) : undefined;
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'location');
    current = link;
    if (link && wide.matches && toc.scrollHeight > toc.clientHeight) {
      // Positions on screen: the contents column is sticky, so offsetTop would be measured
      // from the column itself on one side and from the page on the other.
      const linkBox = link.getBoundingClientRect();
      const tocBox = toc.getBoundingClientRect();
      if (linkBox.top < tocBox.top || linkBox.bottom > tocBox.bottom) {
        toc.scrollTop += linkBox.top - tocBox.top - toc.clientHeight / 3;
      }
    }
  }
  const schedule = () => {
    if (!frame) frame = window.requestAnimationFrame(update);
  };
  const syncOpen = () => {
    if (details && wide.matches) details.open = true;
  };

  syncOpen();
  jumpedTo = byHash.get(window.location.hash);
  update();
  const listeners = new AbortController();
  const { signal } = listeners;
  wide.addEventListener('change', syncOpen, { signal });
  window.addEventListener('scroll', schedule, { passive: true, signal });
  window.addEventListener('resize', schedule, { signal });
  // Any wheel, touch, key or pointer scroll hands the mark back to the reading line. A link's
  // pointerdown or Enter comes before its click, which marks the heading it jumps to, even
  // when the address already ends in that hash and no hashchange follows.
  for (const type of USER_SCROLL_EVENTS) {
    window.addEventListener(type, () => (jumpedTo = undefined), { passive: true, signal });
  }
  const jump = (target: Element | undefined) => {
    jumpedTo = target;
    schedule();
  };
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      const target = link instanceof HTMLAnchorElement ? byHash.get(link.hash) : undefined;
      if (target) jump(target);
    },
    { capture: true, signal },
  );
  // Back and Forward between sections.
  window.addEventListener('hashchange', () => jump(byHash.get(window.location.hash)), { signal });
  return () => {
    listeners.abort();
    window.cancelAnimationFrame(frame);
  };
}

export function TocTracker() {
  useEffect(() => {
    const toc = document.querySelector<HTMLElement>('nav.toc');
    return toc ? track(toc) : undefined;
  }, []);
  return null;
}
