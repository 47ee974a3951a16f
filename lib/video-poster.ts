/**
 * A self-hosted poster for an embedded video, drawn as SVG from the video's own metadata.
 * Readers see a designed frame with the title before they choose to load anything from
 * YouTube; fetching YouTube's thumbnail would itself be a third-party request.
 */
import { createHash } from 'node:crypto';
import type { VideoMeta } from './rehype-youtube-embed';

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Breaks a title into lines of at most `max` characters, on word boundaries. */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function renderVideoPoster(video: VideoMeta): string {
  const lines = wrapWords(video.title, 26).slice(0, 3);
  const credit = [video.speaker, video.event].filter(Boolean).join(' · ');
  // Text sits in the upper part of the frame; the page lays the Play button over the lower left.
  const top = 210;
  const title = lines
    .map((line, i) => `<text x="96" y="${top + i * 92}" class="t">${escapeXml(line)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1280 720" width="1280" height="720">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2b1a12"/><stop offset="1" stop-color="#6e2f14"/></linearGradient>
<style>.t{font:700 76px Georgia,'Times New Roman',serif;fill:#fbf3ea}.c{font:500 34px system-ui,Helvetica,Arial,sans-serif;fill:#f3c9a9;letter-spacing:1px}.k{font:600 26px system-ui,Helvetica,Arial,sans-serif;fill:#f3c9a9;letter-spacing:4px}</style></defs>
<rect width="1280" height="720" fill="url(#g)"/>
<rect x="96" y="${top - 150}" width="64" height="6" fill="#f08a4b"/>
<text x="96" y="${top - 100}" class="k">VIDEO</text>
${title}
${credit ? `<text x="96" y="${top + lines.length * 92 + 20}" class="c">${escapeXml(credit)}</text>` : ''}
</svg>`;
}

/**
 * The poster's file name: the video id and a hash of the poster itself. Posters are served as
 * immutable for a year, so a changed title (or design) must be a new URL for readers to see it;
 * and a video embedded on two pages under two descriptions gets two posters, each page its own.
 */
export function videoPosterFile(video: VideoMeta): string {
  const version = createHash('sha256').update(renderVideoPoster(video)).digest('hex').slice(0, 10);
  return `${video.id}-${version}.svg`;
}

export function videoPosterPath(video: VideoMeta): string {
  return `/video-posters/${videoPosterFile(video)}`;
}
