/**
 * `npm run new`: writes a new article or author that already passes the content gate, so an
 * editor starts from a previewable file rather than a blank page. Articles start as drafts with
 * a placeholder description, which the gate refuses once `draft: true` is removed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { articleFrontmatterSchema, PLACEHOLDER_DESCRIPTION, PLACEHOLDER_ROLE } from './schema';
import { listFiles } from './list-files';
import { slugify } from './slug';

export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

export interface Scaffolded {
  /** Path of the new file, relative to the working directory. */
  path: string;
  slug: string;
}

/** Today as `YYYY-MM-DD` in the editor's own time zone. */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function frontmatter(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}

function writeNew(root: string, collection: string, name: string, text: string): Scaffolded {
  const slug = slugify(name);
  if (!slug) {
    throw new ScaffoldError(
      `"${name}" has no Latin letters or digits to make a file name from; give a Latin title here and change the title in the file afterwards`,
    );
  }
  const dir = path.join(root, collection);
  const file = path.join(dir, `${slug}.md`);
  const relative = path.relative(process.cwd(), file) || file;
  // Slugs are unique across subfolders too (content/articles/2024/… is the same slug).
  const taken = listFiles(dir, (entry) => entry === `${slug}.md`)[0];
  if (taken) {
    const existing = path.relative(process.cwd(), taken) || taken;
    throw new ScaffoldError(`${existing} already exists; pick another title or edit that file`);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, text, { flag: 'wx' });
  return { path: relative, slug };
}

/** Authors as the loader reads them: every `.md` under `authors/`, subfolders included. */
function authorSlugs(root: string): string[] {
  return listFiles(path.join(root, 'authors'), (name) => name.endsWith('.md'))
    .map((file) => path.basename(file, '.md'))
    .sort();
}

export function scaffoldArticle(
  root: string,
  title: string,
  options: { author?: string | undefined; today?: string } = {},
): Scaffolded {
  // The same limits the content check applies, before a file is written that it would refuse.
  const checkedTitle = articleFrontmatterSchema.shape.title.safeParse(title);
  if (!checkedTitle.success) {
    throw new ScaffoldError(`title: ${checkedTitle.error.issues[0]?.message ?? 'is not valid'}`);
  }
  const authors = authorSlugs(root);
  const author = options.author ?? authors[0];
  if (!author) {
    throw new ScaffoldError(
      'there is no author yet; create one first with: npm run new -- --author "Full Name"',
    );
  }
  if (!authors.includes(author)) {
    throw new ScaffoldError(
      `no author "${author}" in content/authors/ (known: ${authors.join(', ') || 'none'})`,
    );
  }
  const text =
    frontmatter({
      title: title.trim(),
      description: PLACEHOLDER_DESCRIPTION,
      date: options.today ?? localIsoDate(),
      author,
      tags: [],
      draft: true,
    }) +
    `
<!--
  A draft: it shows under \`npm run dev\` with a "Draft" banner and nowhere in production.
  Before publishing, write the description above and delete the line "draft: true".
  Sections start with "## ", sub-sections with "### ". Cite a source with a footnote,
  like this[^smith-2020], and give the reference at the end of the file:
  [^smith-2020]: Smith, J. (2020). Title of the work. Publisher.
  Run \`npm run check\` to find mistakes. The full guide is docs/writing.md.
-->

Start writing here.
`;
  return writeNew(root, 'articles', title, text);
}

export function scaffoldAuthor(root: string, name: string): Scaffolded {
  const text =
    frontmatter({ name: name.trim(), role: PLACEHOLDER_ROLE }) +
    `
A short biography of ${name.trim()}, in the third person. It is shown on the author page and at the end of each of their articles.
`;
  return writeNew(root, 'authors', name, text);
}
