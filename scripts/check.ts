/**
 * `npm run check`: validates all content without building, with the same lib/ code the build
 * uses. Prints one `path:line:column: message` line per problem, then a summary.
 *
 * Exits 1 on any problem (errors or warnings) and 0 when clean. With `--allow-warnings` (what
 * `npm run build` runs first) warnings are printed but only errors fail: raw HTML the sanitiser
 * strips is reported, yet the page can still be published.
 */
import { contentRoot, loadContent } from '../lib/content';
import { formatDiagnostic } from '../lib/diagnostics';

const allowWarnings = process.argv.includes('--allow-warnings');
const { content, diagnostics } = loadContent(contentRoot());

for (const diagnostic of diagnostics) console.log(formatDiagnostic(diagnostic));

const errors = diagnostics.filter((d) => d.severity === 'error').length;
const warnings = diagnostics.length - errors;
const files = new Set(diagnostics.map((d) => d.file)).size;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const checked =
  `${plural(content.articles.length, 'article')}, ${plural(content.authors.length, 'author')}` +
  ` and ${plural(content.faqSets.length, 'FAQ set')}`;

if (diagnostics.length === 0) {
  console.log(`✔ content check passed: ${checked}, no problems`);
} else {
  console.log(
    `✖ content check: ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}` +
      (errors > 0 ? '; fix the errors above, then run `npm run check` again' : ''),
  );
}
process.exitCode = errors > 0 || (warnings > 0 && !allowWarnings) ? 1 : 0;
