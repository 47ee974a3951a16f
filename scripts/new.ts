/**
 * `npm run new -- "Some Title" [--by author-slug]` scaffolds a draft article;
 * `npm run new -- --author "Full Name"` scaffolds an author. Prints the new file's path.
 */
import { contentRoot } from '../lib/content';
import { scaffoldArticle, scaffoldAuthor, ScaffoldError } from '../lib/scaffold';

const USAGE = `usage:
  npm run new -- "Some Title" [--by author-slug]   a draft article in content/articles/
  npm run new -- --author "Full Name"              an author in content/authors/`;

function main(args: string[]): number {
  const positional: string[] = [];
  let author: string | undefined;
  let by: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--author') author = args[++i];
    else if (arg === '--by') by = args[++i];
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else positional.push(arg);
  }
  try {
    if (author !== undefined) {
      if (!author.trim() || positional.length > 0) throw new ScaffoldError(USAGE);
      const created = scaffoldAuthor(contentRoot(), author);
      console.log(created.path);
      console.error('Next: write the role line and the biography, then run `npm run check`.');
      return 0;
    }
    const title = positional.join(' ').trim();
    if (!title) throw new ScaffoldError(USAGE);
    const created = scaffoldArticle(contentRoot(), title, { author: by });
    console.log(created.path);
    console.error(
      `Next: \`npm run dev\` and open /articles/${created.slug} to preview the draft; see docs/writing.md.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(`npm run new: ${error.message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
