/**
 * The one thing the "minimal + share cards" reference adds to the minimal app: the share image
 * issue 4 requires, a 1200×630 PNG per article drawn at build time by next/og with a font file
 * from npm. The card is as plain as that requirement allows (title, author and site name in
 * one font on a flat background), so the build time it adds is about the least such cards
 * can cost a site built this way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { ImageResponse } from 'next/og';
import { getAllPosts, getPostBySlug } from '../../../lib/api';

export const dynamicParams = false;

export function generateStaticParams() {
  return getAllPosts().map((post) => ({ slug: post.slug }));
}

const font = readFileSync(
  path.join(process.cwd(), 'node_modules/@fontsource/inter/files/inter-latin-600-normal.woff'),
);

/** An author's display name, from the same content tree (`authors/<slug>.md`). */
function authorName(slug: string): string {
  const root = process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content');
  const file = readFileSync(path.join(root, 'authors', `${slug}.md`), 'utf8');
  const { name }: { name?: unknown } = matter(file).data;
  return String(name);
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const post = getPostBySlug((await params).slug);
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: 80,
        background: '#ffffff',
        fontSize: 64,
      }}
    >
      <div style={{ display: 'flex', fontSize: 30 }}>Minimal blog</div>
      <div style={{ display: 'flex' }}>{post.title}</div>
      <div style={{ display: 'flex', fontSize: 30 }}>{`By ${authorName(post.author)}`}</div>
    </div>,
    {
      width: 1200,
      height: 630,
      fonts: [{ name: 'Inter', data: font, weight: 600, style: 'normal' }],
    },
  );
}
