/**
 * Turns a paragraph that holds nothing but a link to a YouTube video into a privacy-friendly
 * video figure: a self-hosted poster and a play button, with no request to YouTube until the
 * reader asks (the lite-youtube-embed pattern). Without JavaScript the link is still there.
 *
 * It runs after rehype-sanitize on purpose: the markup it makes (a button, data attributes)
 * is ours, built from a validated video id, and the sanitise schema never has to allow
 * buttons from authors. When `file.data.video` describes the same id (from frontmatter), its
 * title, speaker and event are used for the button's name and the caption.
 *
 * Every video it embeds is listed in `file.data.videos`, so the site draws a poster for each
 * one, whether or not the frontmatter describes it.
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { videoPosterPath } from './video-poster';

/** Declared as a schema so the render cache validates what it reads back against the same shape. */
export const videoMetaSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  speaker: z.string().optional(),
  event: z.string().optional(),
});
export type VideoMeta = z.infer<typeof videoMetaSchema>;

declare module 'vfile' {
  interface DataMap {
    /** The frontmatter's description of the article's video, when it has one. */
    video: VideoMeta;
    /** Every video embedded in the body, in order. */
    videos: VideoMeta[];
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
    const videos: VideoMeta[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const link = soleLink(node);
      const href = link?.properties.href;
      if (!link || typeof href !== 'string') return;
      const id = youtubeIdFromUrl(href);
      if (!id) return;
      const known = file.data.video?.id === id ? file.data.video : undefined;
      const meta: VideoMeta = known ?? { id, title: toString(link).trim() };
      videos.push(meta);
      parent.children[index] = videoFigure(meta);
    });
    file.data.videos = videos;
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
        src: videoPosterPath(video),
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
