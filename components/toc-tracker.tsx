'use client';

import { useEffect } from 'react';

/** Matches the wide layout in app/styles/reader.css, where the contents sit in the margin. */
const WIDE = '(min-width: 75em)';

/**
 * Marks the contents entry of the section being read with `aria-current="location"` and keeps
 * it in view inside the margin column. On wide screens it also opens the `<details>`, so the
 * links CSS shows there are open for assistive technology too; on phones the reader folds it.
 */
function track(toc: HTMLElement): () => void {
  const details = toc.querySelector('details');
  const links = new Map<Element, HTMLAnchorElement>();
  for (const link of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target) links.set(target, link);
  }
  const headings = [...links.keys()];
  const wide = window.matchMedia(WIDE);
  let current: HTMLAnchorElement | undefined;
  let frame = 0;

  function update() {
    frame = 0;
    const line = window.innerHeight * 0.3;
    let reading: Element | undefined;
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top <= line) reading = heading;
      else break;
    }
    const link = reading ? links.get(reading) : undefined;
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'location');
    current = link;
    if (link && wide.matches && toc.scrollHeight > toc.clientHeight) {
      const top = link.offsetTop - toc.offsetTop;
      if (top < toc.scrollTop || top > toc.scrollTop + toc.clientHeight - link.offsetHeight)
        toc.scrollTop = top - toc.clientHeight / 3;
    }
  }
  const schedule = () => {
    if (!frame) frame = window.requestAnimationFrame(update);
  };
  const syncOpen = () => {
    if (details && wide.matches) details.open = true;
  };

  syncOpen();
  update();
  const listeners = new AbortController();
  const { signal } = listeners;
  wide.addEventListener('change', syncOpen, { signal });
  window.addEventListener('scroll', schedule, { passive: true, signal });
  window.addEventListener('resize', schedule, { signal });
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
