/**
 * Blog-starter style content access (vercel/next.js examples/blog-starter `lib/api.ts`): read
 * the directory, gray-matter each file, no validation and no cache. This is the reference the
 * Cornerstone build is measured against, so it stays as plain as that example.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';

export interface Post {
  slug: string;
  title: string;
  date: string;
  /** The author's slug (blog-starter's posts carry their author too). */
  author: string;
  content: string;
}

function postsDirectory(): string {
  return path.join(process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content'), 'articles');
}

export function getPostSlugs(): string[] {
  return fs.readdirSync(postsDirectory()).filter((name) => name.endsWith('.md'));
}

export function getPostBySlug(slug: string): Post {
  const realSlug = slug.replace(/\.md$/, '');
  const fileContents = fs.readFileSync(path.join(postsDirectory(), `${realSlug}.md`), 'utf8');
  const { data, content } = matter(fileContents);
  return {
    slug: realSlug,
    title: String(data.title),
    date: String(data.date),
    author: String(data.author),
    content,
  };
}

export function getAllPosts(): Post[] {
  return getPostSlugs()
    .map((slug) => getPostBySlug(slug))
    .sort((a, b) => (a.date > b.date ? -1 : 1));
}
