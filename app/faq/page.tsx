import { HtmlContent } from '@/components/html-content';
import { JsonLd } from '@/components/json-ld';
import { getFaqSets } from '@/lib/content';
import { pageMetadata } from '@/lib/page-metadata';
import { breadcrumbJsonLd, faqPageJsonLd } from '@/lib/structured-data';
import { faqSetId, routes, site } from '@/lib/site';

const TITLE = 'Frequently asked questions';

export const metadata = pageMetadata({
  title: TITLE,
  description: `Answers to the questions readers of ${site.name} ask most about trust, emotional intimacy and relationships.`,
  path: routes.faq(),
});

export default function FaqPage() {
  const sets = getFaqSets();
  return (
    <div className="page page-faq" data-pagefind-body>
      {/* A FAQPage needs at least one question; with none published there is nothing to mark up. */}
      {sets.length > 0 ? <JsonLd data={faqPageJsonLd(sets)} /> : null}
      <JsonLd
        data={breadcrumbJsonLd([
          { name: site.name, path: routes.home() },
          { name: TITLE, path: routes.faq() },
        ])}
      />
      <header className="page-header">
        <h1 className="page-title">{TITLE}</h1>
        <p className="page-lede">
          Short answers to what readers ask most, each linked to the article it comes from.
        </p>
      </header>
      {sets.length === 0 ? (
        <p>No questions have been answered here yet. Every article is listed on the home page.</p>
      ) : null}
      {sets.map((set) => (
        <section key={set.slug} className="faq-set" aria-labelledby={faqSetId(set.slug)}>
          <p className="faq-set-title" id={faqSetId(set.slug)}>
            {set.title}
          </p>
          {/* Not searched: the article's title would make the FAQ match searches for it. */}
          <p className="faq-source" data-pagefind-ignore>
            From <a href={routes.article(set.article)}>{set.articleTitle}</a>
          </p>
          {set.entries.map((entry) => (
            <div key={entry.id} className="faq-entry">
              <h2 id={entry.id} className="faq-question">
                <a href={`#${entry.id}`} className="faq-anchor">
                  {entry.question}
                </a>
              </h2>
              <HtmlContent className="prose faq-answer" html={entry.answerHtml} />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
