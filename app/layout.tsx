import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { feedAlternates, siteOgImage } from '@/lib/page-metadata';
import { site } from '@/lib/site';
import { speculationRulesJson } from '@/lib/speculation-rules';
import { THEME_INIT_SCRIPT } from '@/lib/theme';
import { sans, serif, serifItalic } from './fonts';
// The order is the cascade order: where selectors tie, a later file wins. Tokens and base
// elements come first; the reader features, whose rules refine the ones before, come last.
import './globals.css';
import './styles/chrome.css';
import './styles/pages.css';
import './styles/article.css';
import './styles/prose.css';
import './styles/back-matter.css';
import './styles/faq.css';
import './styles/print.css';
import './styles/editorial.css';
import './styles/reader.css';

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: `${site.name} — ${site.tagline}`, template: `%s — ${site.name}` },
  description: site.description,
  // Defaults for pages without their own; pages build complete objects with lib/page-metadata.
  alternates: { types: feedAlternates },
  openGraph: {
    type: 'website',
    siteName: site.name,
    locale: site.openGraphLocale,
    images: [siteOgImage()],
  },
  twitter: { card: 'summary_large_image', images: [siteOgImage()] },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbf9f4' },
    { media: '(prefers-color-scheme: dark)', color: '#17161a' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // suppressHydrationWarning: the theme script may set data-theme on <html> before React hydrates.
    <html
      lang={site.locale}
      className={`${serif.variable} ${serifItalic.variable} ${sans.variable}`}
      suppressHydrationWarning
    >
      <head>
        {/* Blocking on purpose: a saved theme must apply before first paint (see lib/theme.ts). */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts */}
        <script src={THEME_INIT_SCRIPT} />
        {/* Internal links are plain <a>: the browser prefetches on intent (lib/speculation-rules.ts). */}
        <script
          type="speculationrules"
          dangerouslySetInnerHTML={{ __html: speculationRulesJson() }}
        />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        {/* Search indexes only the content pages mark (data-pagefind-body): articles, the FAQ and
            author bios. Lists, navigation and footers would only repeat what those pages say. */}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
