/**
 * Pure functions from content objects to schema.org JSON-LD, typed with schema-dts. They take
 * the same parsed objects the pages render, so structured data cannot say something the page
 * does not.
 */
import type { FAQPage, WithContext } from 'schema-dts';
import type { FaqSet } from './content';
import { absoluteUrl, routes } from './site';

export function faqPageJsonLd(sets: readonly FaqSet[]): WithContext<FAQPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    url: absoluteUrl(routes.faq()),
    mainEntity: sets.flatMap((set) =>
      set.entries.map((entry) => ({
        '@type': 'Question' as const,
        '@id': absoluteUrl(routes.faq(entry.id)),
        name: entry.question,
        acceptedAnswer: { '@type': 'Answer' as const, text: entry.answerText },
      })),
    ),
  };
}

/**
 * Serialises JSON-LD for a `<script>` element. `<` is escaped so that no string in content
 * (a title containing `</script>`, say) can end the element early; `\u2028`/`\u2029` are
 * escaped because older parsers treat them as line ends inside strings.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
