import { ImageResponse } from 'next/og';
import { OgCard } from '@/components/og-card';
import { OG_IMAGE_SIZE } from '@/lib/page-metadata';
import { loadOgFonts, ogSafeText } from '@/lib/og-image';
import { site } from '@/lib/site';

export const dynamic = 'force-static';

/** The site's default share card, for pages without their own. */
export function GET() {
  return new ImageResponse(
    <OgCard
      title={ogSafeText(site.tagline)}
      siteName={ogSafeText(site.name)}
      tagline={ogSafeText(site.description)}
    />,
    { ...OG_IMAGE_SIZE, fonts: loadOgFonts() },
  );
}
