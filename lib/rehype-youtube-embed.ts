/**
 * Turns a paragraph that holds nothing but a link to a YouTube video into a privacy-friendly
 * video figure: a self-hosted poster and a play button, with no request to YouTube until the
 * reader asks (the lite-youtube-embed pattern). Without JavaScript the link is still there.
 *
 * It runs after rehype-sanitize on purpose: the markup it makes (a button, data attributes)
 * is ours, built from a validated video id, and the sanitise schema never has to allow
 * buttons from authors. When `file.data.video` describes the same id (from frontmatter), its
 * title, speaker and event are used for the button's name and the caption.
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface VideoMeta {
  id: string;
  title: string;
  speaker?: string | undefined;
  event?: string | undefined;
}

declare module 'vfile' {
  interface DataMap {
    video: VideoMeta;
  }
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** The video id of a YouTube watch, short or embed URL, or undefined. */
export function youtubeIdFromUrl(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.replace(/^www\./, '');
  let id: string | null | undefined;
  if (host === 'youtube.com' || host === 'm.youtube.com' || host === 'youtube-nocookie.com') {
    id =
      url.pathname === '/watch'
        ? url.searchParams.get('v')
        : /^\/embed\/([^/]+)$/.exec(url.pathname)?.[1];
  } else if (host === 'youtu.be') {
    id = url.pathname.slice(1);
  }
  return id && YOUTUBE_ID.test(id) ? id : undefined;
}

export default function rehypeYoutubeEmbed() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const link = soleLink(node);
      const href = link?.properties.href;
      if (!link || typeof href !== 'string') return;
      const id = youtubeIdFromUrl(href);
      if (!id) return;
      const known = file.data.video?.id === id ? file.data.video : undefined;
      const meta: VideoMeta = known ?? { id, title: toString(link).trim() };
      parent.children[index] = videoFigure(meta);
    });
  };
}

function soleLink(paragraph: Element): Element | undefined {
  const meaningful = paragraph.children.filter(
    (child) => !(child.type === 'text' && child.value.trim() === ''),
  );
  const [only] = meaningful;
  return meaningful.length === 1 && only?.type === 'element' && only.tagName === 'a'
    ? only
    : undefined;
}

function videoFigure(video: VideoMeta): Element {
  const watchUrl = `https://www.youtube.com/watch?v=${video.id}`;
  const credit = [video.speaker, video.event].filter(Boolean).join(', ');
  return h('figure.video', { dataVideoId: video.id, dataVideoTitle: video.title }, [
    h('div.video-frame', [
      h('img.video-poster', {
        src: `/video-posters/${video.id}.svg`,
        alt: '',
        width: 1280,
        height: 720,
        loading: 'lazy',
        decoding: 'async',
      }),
      h('button.video-play', { type: 'button', ariaLabel: `Play: ${video.title}` }, [
        h('span.video-play-icon', { ariaHidden: 'true' }),
      ]),
      h('noscript', [
        h('a.video-fallback', { href: watchUrl }, `Watch “${video.title}” on YouTube`),
      ]),
    ]),
    h('figcaption', [
      h('span.video-title', video.title),
      credit ? ` — ${credit}` : '',
      ' · ',
      h('a', { href: watchUrl }, 'Watch on YouTube'),
    ]),
  ]);
}
