'use client';

import { useEffect } from 'react';

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * Swaps a video figure's poster and play button for the youtube-nocookie player, only when the
 * reader presses Play: until then the page makes no request to YouTube or Google. Focus moves
 * to the player, since the button that had it is gone.
 */
function play(button: HTMLButtonElement) {
  const figure = button.closest<HTMLElement>('figure.video');
  const frame = figure?.querySelector('.video-frame');
  const id = figure?.dataset.videoId ?? '';
  if (!figure || !frame || !YOUTUBE_ID.test(id)) return;
  const iframe = document.createElement('iframe');
  iframe.src = `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`;
  iframe.title = `YouTube video player: ${figure.dataset.videoTitle ?? 'video'}`;
  iframe.allow =
    'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share';
  iframe.allowFullscreen = true;
  iframe.referrerPolicy = 'strict-origin-when-cross-origin';
  frame.replaceChildren(iframe);
  figure.classList.add('is-playing');
  iframe.focus();
}

export function VideoFacade() {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const button =
        event.target instanceof Element
          ? event.target.closest<HTMLButtonElement>('figure.video .video-play')
          : null;
      if (button) play(button);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
  return null;
}
