/**
 * The 1200×630 share card, rendered by next/og (satori) at build time. Satori supports a subset
 * of CSS with flexbox only, so every element sets `display: flex` and styles are inline.
 */
const INK = '#1d1b20';
const PAPER = '#fbf9f4';
const ACCENT = '#8a3b12';

export function OgCard({
  title,
  byline,
  siteName,
  tagline,
}: {
  title: string;
  byline?: string | undefined;
  siteName: string;
  tagline: string;
}) {
  const size = title.length > 90 ? 58 : title.length > 60 ? 66 : 76;
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '72px 80px',
        background: PAPER,
        color: INK,
        borderTop: `16px solid ${ACCENT}`,
      }}
    >
      <div
        style={{
          display: 'flex',
          fontFamily: 'Inter',
          fontWeight: 600,
          fontSize: 30,
          letterSpacing: 2,
          textTransform: 'uppercase',
          color: ACCENT,
        }}
      >
        {siteName}
      </div>
      <div
        style={{
          display: 'flex',
          fontFamily: 'Source Serif 4',
          fontWeight: 700,
          fontSize: size,
          lineHeight: 1.12,
        }}
      >
        {title}
      </div>
      <div style={{ display: 'flex', fontFamily: 'Inter', fontWeight: 400, fontSize: 30 }}>
        {byline ?? tagline}
      </div>
    </div>
  );
}
