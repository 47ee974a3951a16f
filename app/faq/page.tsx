import type { Metadata } from 'next';
import Link from 'next/link';
import { HtmlContent } from '@/components/html-content';
import { JsonLd } from '@/components/json-ld';
import { getFaqSets } from '@/lib/content';
import { faqPageJsonLd } from '@/lib/structured-data';
import { routes, site } from '@/lib/site';

export const metadata: Metadata = {
  title: 'Frequently asked questions',
  description: `Answers to the questions readers of ${site.name} ask most about trust, emotional intimacy and relationships.`,
  alternates: { canonical: routes.faq() },
};

export default function FaqPage() {
  const sets = getFaqSets();
  return (
    <div className="page page-faq">
      <JsonLd data={faqPageJsonLd(sets)} />
      <header className="page-header">
        <h1 className="page-title">Frequently asked questions</h1>
        <p className="page-lede">
          Short answers to what readers ask most, each linked to the article it comes from.
        </p>
      </header>
      {sets.map((set) => (
        <section key={set.slug} className="faq-set" aria-labelledby={`faq-set-${set.slug}`}>
          <p className="faq-source" id={`faq-set-${set.slug}`}>
            From <Link href={routes.article(set.article)}>{set.articleTitle}</Link>
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
