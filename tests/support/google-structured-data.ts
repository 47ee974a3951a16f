/**
 * The properties Google documents for each structured-data feature we publish, encoded so the
 * tests can hold every JSON-LD document to them. Paths are dotted; a path through an array
 * applies to every element ("author.name": each author has a name).
 *
 * Sources (Google Search Central, "Structured data" guides):
 * - Article: https://developers.google.com/search/docs/appearance/structured-data/article
 *   "There are no required properties"; recommended: author, author.name, author.url,
 *   dateModified, datePublished, headline, image.
 * - Breadcrumb: https://developers.google.com/search/docs/appearance/structured-data/breadcrumb
 *   BreadcrumbList requires itemListElement (at least two ListItems); ListItem requires item,
 *   name and position (item may be left off the last crumb; we always give it).
 * - FAQ: https://developers.google.com/search/docs/appearance/structured-data/faqpage
 *   FAQPage requires mainEntity; Question requires acceptedAnswer and name; Answer requires text.
 * - Profile page: https://developers.google.com/search/docs/appearance/structured-data/profile-page
 *   ProfilePage requires mainEntity, and mainEntity.name; recommended: dateCreated, dateModified,
 *   mainEntity.alternateName, mainEntity.description, mainEntity.identifier, mainEntity.image,
 *   mainEntity.sameAs (plus follower and post counts, which a blog does not have).
 */

export interface GoogleSpec {
  type: string;
  required: string[];
  recommended: string[];
  /** Recommended properties our content has no source for, each with the reason. */
  notApplicable?: Record<string, string>;
}

export const ARTICLE_SPEC: GoogleSpec = {
  type: 'BlogPosting',
  required: [],
  recommended: [
    'author',
    'author.name',
    'author.url',
    'dateModified',
    'datePublished',
    'headline',
    'image',
  ],
};

export const BREADCRUMB_SPEC: GoogleSpec = {
  type: 'BreadcrumbList',
  required: [
    'itemListElement',
    'itemListElement.item',
    'itemListElement.name',
    'itemListElement.position',
  ],
  recommended: [],
};

export const FAQ_SPEC: GoogleSpec = {
  type: 'FAQPage',
  required: [
    'mainEntity',
    'mainEntity.name',
    'mainEntity.acceptedAnswer',
    'mainEntity.acceptedAnswer.text',
  ],
  recommended: [],
};

export const PROFILE_SPEC: GoogleSpec = {
  type: 'ProfilePage',
  required: ['mainEntity', 'mainEntity.name'],
  recommended: [
    'dateCreated',
    'dateModified',
    'mainEntity.alternateName',
    'mainEntity.description',
    'mainEntity.identifier',
    'mainEntity.image',
    'mainEntity.sameAs',
  ],
  notApplicable: {
    dateCreated: 'author files carry no creation date',
    dateModified: 'author files carry no modification date',
    'mainEntity.alternateName': 'authors have no handle or pen name in the schema',
    'mainEntity.identifier': 'authors have no site-internal id other than the URL',
    'mainEntity.image': 'authors have no portrait in the content',
    'mainEntity.sameAs': 'given only when the author file lists profiles (sameAs)',
  },
};

function valuesAt(value: unknown, path: string[]): unknown[] {
  if (path.length === 0) return [value];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (typeof value !== 'object' || value === null) return [undefined];
  const [head = '', ...rest] = path;
  return valuesAt(Object.entries(value).find(([key]) => key === head)?.[1], rest);
}

function present(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** Paths of `doc` that are absent or empty, among those given. */
export function missing(doc: unknown, paths: readonly string[]): string[] {
  return paths.filter((path) => !valuesAt(doc, path.split('.')).every(present));
}

/** Problems with a document against a spec: missing required or unexcused recommended properties. */
export function checkAgainstGoogle(doc: unknown, spec: GoogleSpec): string[] {
  const problems: string[] = [];
  const type = typeof doc === 'object' && doc !== null ? Reflect.get(doc, '@type') : undefined;
  if (type !== spec.type) problems.push(`@type is ${String(type)}, expected ${spec.type}`);
  for (const path of missing(doc, spec.required)) problems.push(`required ${path} is missing`);
  for (const path of missing(doc, spec.recommended))
    if (!spec.notApplicable?.[path]) problems.push(`recommended ${path} is missing`);
  return problems;
}
