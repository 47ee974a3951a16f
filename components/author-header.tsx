import type { Author } from '@/lib/content';

/** The head of an author's page and of its later pages: who they are and what they write. */
export function AuthorHeader({ author }: { author: Author }) {
  return (
    <header className="page-header">
      <p className="eyebrow">Author</p>
      <h1 className="page-title">{author.name}</h1>
      <p className="page-lede">{author.role}</p>
    </header>
  );
}
