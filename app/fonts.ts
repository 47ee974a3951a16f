import localFont from 'next/font/local';

// Self-hosted from npm packages: there is no font CDN at build or run time, and readers'
// browsers make no third-party request. next/font adds size-adjusted fallbacks against layout shift.
export const serif = localFont({
  src: [
    {
      path: '../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2',
      style: 'normal',
      weight: '200 900',
    },
  ],
  variable: '--font-serif',
  display: 'swap',
  fallback: ['Georgia', 'Times New Roman', 'serif'],
});

// The italic is a family of its own because next/font preloads every file of a family, and
// nothing on an article's first screen is italic: as part of the serif family it was 52 KB
// fetched ahead of the first paint, and Lighthouse's simulated LCP on a phone was about 0.35 s
// later for it (bench/README.md, "Latest results"). Only a page with italic text fetches it;
// app/styles/prose.css gives it to the italics in rendered Markdown (--font-body-italic).
export const serifItalic = localFont({
  src: [
    {
      path: '../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2',
      style: 'italic',
      weight: '200 900',
    },
  ],
  variable: '--font-serif-italic',
  display: 'swap',
  preload: false,
  // Loaded late, so readers may see the fallback first: metrics matched to a serif, not Arial.
  adjustFontFallback: 'Times New Roman',
  fallback: ['Georgia', 'Times New Roman', 'serif'],
});

export const sans = localFont({
  src: [
    {
      path: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
      style: 'normal',
      weight: '100 900',
    },
  ],
  variable: '--font-sans',
  display: 'swap',
  preload: false,
  fallback: ['system-ui', 'Segoe UI', 'Helvetica Neue', 'Arial', 'sans-serif'],
});
