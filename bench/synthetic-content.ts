/**
 * Generates a content tree of N articles from the real one: the real article itself plus N-1
 * copies with their own slug, title and date, and the real authors and FAQ sets. N = 1 is the
 * real content exactly, so the same code gives the first point of the build-time curve.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SyntheticContent {
  root: string;
  articles: number;
  /** Slug of the copy a rebuild benchmark edits. */
  editableSlug: string;
  /** Total Markdown bytes of the article files. */
  articleBytes: number;
}

const DAY_MS = 86_400_000;
/** Copies get dates spread backwards over ~27 years, so none lands in the future. */
const FIRST_DAY = Date.UTC(1999, 0, 1);

function realArticle(sourceRoot: string): { slug: string; text: string } {
  const dir = path.join(sourceRoot, 'articles');
  const file = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()[0];
  if (!file) throw new Error(`no article in ${dir} to copy`);
  return { slug: path.basename(file, '.md'), text: readFileSync(path.join(dir, file), 'utf8') };
}

export function copyArticle(text: string, index: number): string {
  const date = new Date(FIRST_DAY + (index % 10_000) * DAY_MS).toISOString().slice(0, 10);
  let sawTitle = false;
  let sawDate = false;
  const out = text.replace(/^(title|date): .*$/gm, (line, key: string) => {
    if (key === 'title' && !sawTitle) {
      sawTitle = true;
      const title = line.slice('title: '.length).replace(/^"|"$/g, '');
      return `title: ${JSON.stringify(`${title.slice(0, 120)} (copy ${index})`)}`;
    }
    if (key === 'date' && !sawDate) {
      sawDate = true;
      return `date: ${date}`;
    }
    return line;
  });
  if (!sawTitle || !sawDate) throw new Error('the real article has no title or date line to vary');
  return out;
}

export function generateContent(
  sourceRoot: string,
  targetRoot: string,
  articles: number,
): SyntheticContent {
  rmSync(targetRoot, { recursive: true, force: true });
  mkdirSync(path.join(targetRoot, 'articles'), { recursive: true });
  for (const dir of ['authors', 'faq']) {
    cpSync(path.join(sourceRoot, dir), path.join(targetRoot, dir), { recursive: true });
  }
  const { slug, text } = realArticle(sourceRoot);
  writeFileSync(path.join(targetRoot, 'articles', `${slug}.md`), text);
  let articleBytes = Buffer.byteLength(text);
  for (let index = 1; index < articles; index += 1) {
    const copy = copyArticle(text, index);
    articleBytes += Buffer.byteLength(copy);
    writeFileSync(path.join(targetRoot, 'articles', `${slug}-copy-${index}.md`), copy);
  }
  const editableSlug = articles > 1 ? `${slug}-copy-${Math.ceil(articles / 2)}` : slug;
  return { root: targetRoot, articles, editableSlug, articleBytes };
}

/** Appends a paragraph to one article, as an editor fixing a typo would change one file. */
export function editArticle(content: SyntheticContent, note: string): void {
  const file = path.join(content.root, 'articles', `${content.editableSlug}.md`);
  writeFileSync(
    file,
    `${readFileSync(file, 'utf8').trimEnd()}\n\nEdited for the rebuild benchmark: ${note}.\n`,
  );
}
