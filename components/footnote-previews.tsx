'use client';

import { useEffect } from 'react';

/** Matches the article grid's wide layout in app/styles/reader.css (75em = 1200 px). */
const WIDE = '(min-width: 75em)';
const PREVIEW_ID = 'fn-preview';
/** Room between citation and preview, for the caret (7 px) and air. */
const GAP = 10;

interface Note {
  citation: HTMLAnchorElement;
  entry: HTMLElement;
  number: string;
}

/** The reference entry's content without its back-links, ready to be shown elsewhere. */
function noteContent(entry: HTMLElement): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const clone = entry.cloneNode(true);
  if (!(clone instanceof HTMLElement)) return fragment;
  for (const backref of clone.querySelectorAll('[data-footnote-backref]')) backref.remove();
  fragment.append(...clone.childNodes);
  return fragment;
}

function collectNotes(root: HTMLElement): Note[] {
  const notes: Note[] = [];
  for (const citation of root.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]')) {
    const id = decodeURIComponent(citation.hash.slice(1));
    const entry = id ? document.getElementById(id) : null;
    if (entry) notes.push({ citation, entry, number: citation.textContent?.trim() ?? '' });
  }
  return notes;
}

/**
 * Wide screens: each note floats in the right margin, just before the block that cites it, so
 * it starts level with that block and later notes stack below earlier ones (Tufte-style).
 * The notes repeat the References for sighted readers; screen readers are sent to the
 * References by the citation itself, so the copies are hidden from them and out of tab order.
 */
function addSidenotes(notes: Note[], prose: HTMLElement): HTMLElement[] {
  const added: HTMLElement[] = [];
  for (const note of notes) {
    let block: HTMLElement | null = note.citation;
    while (block && block.parentElement !== prose) block = block.parentElement;
    if (!block) continue;
    const aside = document.createElement('div');
    aside.className = 'sidenote';
    aside.dataset.for = note.citation.id;
    if (/^H[2-6]$/.test(block.tagName)) aside.dataset.heading = block.tagName.toLowerCase();
    aside.setAttribute('aria-hidden', 'true');
    const number = document.createElement('span');
    number.className = 'sidenote-number';
    number.textContent = note.number;
    aside.append(number, noteContent(note.entry));
    for (const link of aside.querySelectorAll('a')) link.tabIndex = -1;
    prose.insertBefore(aside, block);
    added.push(aside);
  }
  return added;
}

function createPreview(): HTMLElement {
  const preview = document.createElement('div');
  preview.id = PREVIEW_ID;
  preview.className = 'fn-preview';
  preview.setAttribute('role', 'tooltip');
  preview.hidden = true;
  return preview;
}

/**
 * Places the preview below the citation, or above it when there is more room there, centred
 * on it but kept inside the viewport. It never overlaps the citation: its height is capped by
 * the room on the chosen side and it scrolls inside.
 */
function place(preview: HTMLElement, citation: HTMLElement) {
  const target = citation.getBoundingClientRect();
  const viewportWidth = document.documentElement.clientWidth;
  const viewportHeight = window.innerHeight;
  const below = viewportHeight - target.bottom - 2 * GAP;
  const above = target.top - 2 * GAP;
  preview.style.maxHeight = '';
  const natural = preview.getBoundingClientRect().height;
  const placeBelow = below >= natural || (above < natural && below >= above);
  preview.dataset.placement = placeBelow ? 'below' : 'above';
  preview.style.maxHeight = `${Math.max(placeBelow ? below : above, 48)}px`;
  const { width, height } = preview.getBoundingClientRect();
  const centre = target.left + target.width / 2;
  const left = Math.max(Math.min(centre - width / 2, viewportWidth - width - GAP), GAP);
  preview.style.left = `${left}px`;
  preview.style.top = `${placeBelow ? target.bottom + GAP : target.top - GAP - height}px`;
  const arrow = Math.min(Math.max(centre - left, 16), width - 16);
  preview.style.setProperty('--arrow-x', `${Math.round(arrow)}px`);
}

function enhance(article: HTMLElement): () => void {
  const prose = article.querySelector<HTMLElement>('.article-main > .prose');
  const notes = collectNotes(article);
  if (!prose || notes.length === 0) return () => {};
  const byCitation = new Map(notes.map((note) => [note.citation, note]));
  const wide = window.matchMedia(WIDE);
  const preview = createPreview();
  prose.after(preview);

  let sidenotes: HTMLElement[] = [];
  let open: Note | undefined;
  let describedBy: string | null = null;
  let timer: number | undefined;
  let pointer = 'mouse';
  // Whether the open preview was opened by a tap, so that a second tap on it navigates.
  let tapped = false;

  function syncLayout() {
    hide();
    for (const sidenote of sidenotes) sidenote.remove();
    sidenotes = wide.matches && prose ? addSidenotes(notes, prose) : [];
    article.classList.toggle('has-sidenotes', sidenotes.length > 0);
  }

  function highlight(note: Note | undefined) {
    for (const sidenote of sidenotes)
      sidenote.classList.toggle('is-active', sidenote.dataset.for === note?.citation.id);
  }

  function show(note: Note) {
    window.clearTimeout(timer);
    if (sidenotes.length) return highlight(note);
    if (open && open !== note) hide();
    const label = document.createElement('p');
    label.className = 'fn-preview-label';
    label.textContent = `Reference ${note.number}`;
    const body = document.createElement('div');
    body.className = 'fn-preview-body';
    body.append(noteContent(note.entry));
    const link = document.createElement('a');
    link.className = 'fn-preview-link';
    link.href = note.citation.hash;
    link.textContent = 'Go to the entry in References';
    preview.replaceChildren(label, body, link);
    if (open !== note) {
      describedBy = note.citation.getAttribute('aria-describedby');
      note.citation.setAttribute('aria-describedby', PREVIEW_ID);
    }
    open = note;
    preview.hidden = false;
    place(preview, note.citation);
  }

  function hide() {
    window.clearTimeout(timer);
    highlight(undefined);
    tapped = false;
    if (!open) return;
    if (describedBy) open.citation.setAttribute('aria-describedby', describedBy);
    else open.citation.removeAttribute('aria-describedby');
    open = undefined;
    preview.hidden = true;
  }

  function later(action: () => void, delay: number) {
    window.clearTimeout(timer);
    timer = window.setTimeout(action, delay);
  }

  const noteFor = (target: EventTarget | null): Note | undefined => {
    if (!(target instanceof Element)) return undefined;
    const citation = target.closest<HTMLAnchorElement>('a[data-footnote-ref]');
    return citation ? byCitation.get(citation) : undefined;
  };
  const inPreview = (target: EventTarget | null) =>
    target instanceof Node && preview.contains(target);

  const onPointerOver = (event: PointerEvent) => {
    const note = noteFor(event.target);
    if (note && event.pointerType !== 'touch') later(() => show(note), 150);
    else if (inPreview(event.target)) window.clearTimeout(timer);
  };
  const onPointerOut = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    if (noteFor(event.target) || inPreview(event.target)) later(hide, 300);
  };
  const onPointerDown = (event: PointerEvent) => {
    pointer = event.pointerType;
    if (open && !inPreview(event.target) && !noteFor(event.target)) hide();
  };
  const onFocusIn = (event: FocusEvent) => {
    const note = noteFor(event.target);
    // A tap also focuses the link; the click that follows decides what the tap does.
    if (note && pointer !== 'touch') show(note);
  };
  const onFocusOut = (event: FocusEvent) => {
    if (noteFor(event.target) && !inPreview(event.relatedTarget) && !tapped) hide();
  };
  const onClick = (event: MouseEvent) => {
    const note = noteFor(event.target);
    if (!note && inPreview(event.target) && event.target instanceof Element)
      if (event.target.closest('a')) hide();
    if (!note || sidenotes.length) return;
    // A first tap shows the preview instead of jumping away; a second tap follows the link.
    if (pointer === 'touch' && !(open === note && tapped)) {
      event.preventDefault();
      show(note);
      tapped = true;
    } else {
      hide();
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    pointer = 'keyboard';
    if (event.key !== 'Escape' || !open) return;
    const { citation } = open;
    const focusWasInside = preview.contains(document.activeElement);
    hide();
    if (focusWasInside || document.activeElement === citation) citation.focus();
  };
  const onViewportChange = () => {
    if (open) place(preview, open.citation);
  };

  syncLayout();
  // One signal removes every listener on cleanup, so none can be added and then forgotten.
  const listeners = new AbortController();
  const { signal } = listeners;
  wide.addEventListener('change', syncLayout, { signal });
  article.addEventListener('pointerover', onPointerOver, { signal });
  article.addEventListener('pointerout', onPointerOut, { signal });
  article.addEventListener('focusin', onFocusIn, { signal });
  article.addEventListener('focusout', onFocusOut, { signal });
  article.addEventListener('click', onClick, { signal });
  document.addEventListener('pointerdown', onPointerDown, { capture: true, signal });
  document.addEventListener('keydown', onKeyDown, { signal });
  window.addEventListener('scroll', onViewportChange, { passive: true, signal });
  window.addEventListener('resize', onViewportChange, { signal });

  return () => {
    listeners.abort();
    hide();
    for (const sidenote of sidenotes) sidenote.remove();
    preview.remove();
    article.classList.remove('has-sidenotes');
  };
}

/**
 * Reference previews over the plain citation links (which keep working without JavaScript):
 * hover or keyboard focus shows the reference next to its citation, a tap shows it instead of
 * jumping away, Escape closes it. On wide screens the references sit in the margin as
 * sidenotes instead, and hovering or focusing a citation highlights its note.
 */
export function FootnotePreviews() {
  useEffect(() => {
    const article = document.querySelector<HTMLElement>('article.article');
    return article ? enhance(article) : undefined;
  }, []);
  return null;
}
