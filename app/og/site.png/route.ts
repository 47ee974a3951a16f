import { drawCard } from '@/lib/og-card';
import { OG_IMAGE_HEADERS, siteCardProps } from '@/lib/og-image';

export const dynamic = 'force-static';

/** The site's default share card, for pages without their own. */
export async function GET() {
  return new Response(new Uint8Array(await drawCard(siteCardProps())), {
    headers: OG_IMAGE_HEADERS,
  });
}
