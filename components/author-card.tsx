import type { Author } from '@/lib/content';
import { routes } from '@/lib/site';
import { HtmlContent } from './html-content';

/** "About the author" box at the end of an article. */
export function AuthorCard({ author }: { author: Author }) {
  return (
    // Not searched on article pages: the bio is found on the author's own page.
    <section className="author-card" aria-labelledby="author-card-title" data-pagefind-ignore>
      <h2 id="author-card-title" className="author-card-title">
        About the author
      </h2>
      <p className="author-card-name">
        <a href={routes.author(author.slug)} rel="author">
          {author.name}
        </a>
        <span className="author-card-role">{author.role}</span>
      </p>
      <HtmlContent className="author-card-bio" html={author.bioHtml} />
    </section>
  );
}
