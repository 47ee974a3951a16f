import { ArticleCard } from '@/components/article-card';
import { getArticles, getAuthors } from '@/lib/content';
import { pageMetadata } from '@/lib/page-metadata';
import { routes, site } from '@/lib/site';

export const metadata = pageMetadata({
  title: `${site.name} — ${site.tagline}`,
  description: site.description,
  path: routes.home(),
  absoluteTitle: true,
});

export default function HomePage() {
  const articles = getArticles();
  const authors = new Map(getAuthors().map((author) => [author.slug, author]));
  return (
    <div className="page page-list">
      <header className="page-header">
        <h1 className="page-title">{site.name}</h1>
        <p className="page-lede">{site.description}</p>
      </header>
      <section aria-labelledby="latest-title">
        <h2 id="latest-title" className="section-label">
          Latest articles
        </h2>
        <div className="card-list">
          {articles.map((article) => (
            <ArticleCard
              key={article.slug}
              article={article}
              author={authors.get(article.author)}
              headingLevel={3}
            />
          ))}
        </div>
      </section>
    </div>
  );
}
