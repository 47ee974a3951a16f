import { ImageResponse } from 'next/og';
import { OgCard } from '@/components/og-card';
import { getArticle, getPublishedArticles, getAuthor } from '@/lib/content';
import { cachedCardPng } from '@/lib/og-cache';
import { articleCardProps, loadOgFonts, OG_IMAGE_HEADERS, OG_IMAGE_SIZE } from '@/lib/og-image';

// One PNG per published article, drawn at build time; unknown names are a static 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return getPublishedArticles().map((article) => ({ file: `${article.slug}.png` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const article = file.endsWith('.png') ? getArticle(file.slice(0, -'.png'.length)) : undefined;
  if (!article) return new Response('Not found', { status: 404 });
  const card = articleCardProps(article, getAuthor(article.author));
  // Drawn once per distinct card: a rebuild reuses every card whose text did not change.
  const png = await cachedCardPng(card, () =>
    new ImageResponse(<OgCard {...card} />, {
      ...OG_IMAGE_SIZE,
      fonts: loadOgFonts(),
    }).arrayBuffer(),
  );
  return new Response(png, { headers: OG_IMAGE_HEADERS });
}
