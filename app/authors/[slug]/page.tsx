import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthorArticles } from '@/components/author-articles';
import { AuthorHeader } from '@/components/author-header';
import { HtmlContent } from '@/components/html-content';
import { JsonLd } from '@/components/json-ld';
import { getArticlesByAuthor, getAuthor, getAuthors } from '@/lib/content';
import { paginate } from '@/lib/listings';
import { pageMetadata } from '@/lib/page-metadata';
import { routes } from '@/lib/site';
import { profilePageJsonLd } from '@/lib/structured-data';

export const dynamicParams = false;

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return getAuthors().map((author) => ({ slug: author.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = getAuthor((await params).slug);
  if (!author) return {};
  return pageMetadata({
    title: author.name,
    description: `${author.name}: ${author.role}. Articles and biography.`,
    path: routes.author(author.slug),
  });
}

export default async function AuthorPage({ params }: Props) {
  const author = getAuthor((await params).slug);
  if (!author) notFound();
  const listing = paginate(getArticlesByAuthor(author.slug), 1);
  if (!listing) notFound();
  return (
    <div className="page page-author" data-pagefind-body>
      <JsonLd data={profilePageJsonLd(author)} />
      <AuthorHeader author={author} />
      <section aria-labelledby="bio-title" className="author-bio">
        <h2 id="bio-title" className="section-label">
          Biography
        </h2>
        <HtmlContent className="prose" html={author.bioHtml} />
      </section>
      <AuthorArticles author={author} listing={listing} />
    </div>
  );
}
