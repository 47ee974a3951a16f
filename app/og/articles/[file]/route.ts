import { getArticle, getPublishedArticles, getAuthor } from '@/lib/content';
import { drawCard } from '@/lib/og-card';
import { cachedCardPng } from '@/lib/og-cache';
import { articleCardProps, OG_IMAGE_HEADERS } from '@/lib/og-image';

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
  const png = await cachedCardPng(card, () => drawCard(card));
  return new Response(png, { headers: OG_IMAGE_HEADERS });
}
