import type { MetadataRoute } from 'next';
import { getPublishedArticles, getAuthors, getFaqSets } from '@/lib/content';
import { sitemapEntries } from '@/lib/sitemap';

export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  return sitemapEntries(getPublishedArticles(), getAuthors(), getFaqSets());
}
