import { ImageResponse } from 'next/og';
import { OgCard } from '@/components/og-card';
import { loadOgFonts, OG_IMAGE_SIZE, siteCardProps } from '@/lib/og-image';

export const dynamic = 'force-static';

/** The site's default share card, for pages without their own. */
export function GET() {
  return new ImageResponse(<OgCard {...siteCardProps()} />, {
    ...OG_IMAGE_SIZE,
    fonts: loadOgFonts(),
  });
}
