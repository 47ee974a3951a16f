import { getEmbeddedVideos } from '@/lib/content';
import { renderVideoPoster } from '@/lib/video-poster';

// One poster per video description embedded on a public page; any other name is a static 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return [...getEmbeddedVideos().keys()].map((file) => ({ file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const video = getEmbeddedVideos().get((await params).file);
  if (!video) return new Response('Not found', { status: 404 });
  return new Response(renderVideoPoster(video), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      // The file name carries a hash of the poster, so its bytes never change.
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
}
