import { getEmbeddedVideos } from '@/lib/content';
import { renderVideoPoster } from '@/lib/video-poster';

// One poster per video embedded on a public page; any other name is a static 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return [...getEmbeddedVideos().keys()].map((id) => ({ file: `${id}.svg` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const video = file.endsWith('.svg')
    ? getEmbeddedVideos().get(file.slice(0, -'.svg'.length))
    : undefined;
  if (!video) return new Response('Not found', { status: 404 });
  return new Response(renderVideoPoster(video), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
}
