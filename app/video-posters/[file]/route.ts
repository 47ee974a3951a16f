import { getPublishedArticles } from '@/lib/content';
import type { Video } from '@/lib/schema';
import { renderVideoPoster } from '@/lib/video-poster';

export const dynamicParams = false;

function videos(): Map<string, Video> {
  const byId = new Map<string, Video>();
  for (const article of getPublishedArticles())
    if (article.video) byId.set(article.video.id, article.video);
  return byId;
}

export function generateStaticParams() {
  return [...videos().keys()].map((id) => ({ file: `${id}.svg` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const video = videos().get(file.replace(/\.svg$/, ''));
  if (!video) return new Response('Not found', { status: 404 });
  return new Response(renderVideoPoster(video), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
}
