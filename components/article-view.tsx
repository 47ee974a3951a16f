import { publicationStatus, type Article, type Author, type FaqSet } from '@/lib/content';
import { routes } from '@/lib/site';
import { ArticleNav } from './article-nav';
import { AuthorCard } from './author-card';
import { Byline } from './byline';
import { DraftBanner } from './draft-banner';
import { FootnotePreviews } from './footnote-previews';
import { HtmlContent } from './html-content';
import { RelatedArticles } from './related-articles';
import { TableOfContents } from './table-of-contents';
import { TagList } from './tag-list';
import { TocTracker } from './toc-tracker';
import { VideoFacade } from './video-facade';

/** The reading page: header, contents, body, disclaimer, FAQ, References, author. */
export function ArticleView({
  article,
  author,
  faq,
  related = [],
  previous,
  next,
}: {
  article: Article;
  author: Author | undefined;
  faq: FaqSet | undefined;
  related?: Article[];
  previous?: Article | undefined;
  next?: Article | undefined;
}) {
  // Drafts and scheduled posts only render under `next dev`; they carry a banner there.
  const status = publicationStatus(article);
  return (
    <article className="article" aria-labelledby="article-title" data-pagefind-body>
      <header className="article-header">
        {status !== 'published' ? <DraftBanner status={status} date={article.date} /> : null}
        <h1 id="article-title" className="article-title">
          {article.title}
        </h1>
        <p className="article-dek">{article.description}</p>
        <Byline article={article} author={author} />
        <TagList tags={article.tags} />
      </header>

      <aside className="article-aside">
        <TableOfContents
          outline={article.outline}
          referencesId={article.referencesHtml ? 'footnote-label' : undefined}
        />
      </aside>

      <div className="article-main">
        <HtmlContent className="prose" html={article.html} />

        {article.disclaimer ? (
          <aside className="note" aria-labelledby="disclaimer-title">
            <h2 id="disclaimer-title" className="note-title">
              Disclaimer
            </h2>
            <p>{article.disclaimer}</p>
          </aside>
        ) : null}

        {faq ? (
          // Not searched here: the answers are indexed on the FAQ page.
          <section className="faq-teaser" aria-labelledby="faq-teaser-title" data-pagefind-ignore>
            <h2 id="faq-teaser-title">Frequently asked questions</h2>
            <ul>
              {faq.entries.map((entry) => (
                <li key={entry.id}>
                  <a href={routes.faq(entry.id)}>{entry.question}</a>
                </li>
              ))}
            </ul>
            <p>
              <a href={routes.faq()} className="more-link">
                Read the answers in the FAQ
              </a>
            </p>
          </section>
        ) : null}

        {article.referencesHtml ? (
          <HtmlContent className="references prose" html={article.referencesHtml} />
        ) : null}

        {author ? <AuthorCard author={author} /> : null}

        <RelatedArticles articles={related} />
        <ArticleNav previous={previous} next={next} />
      </div>
      <FootnotePreviews />
      <TocTracker />
      <VideoFacade />
    </article>
  );
}
