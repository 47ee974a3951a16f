/**
 * The content check itself, run by scripts/check.ts in a child process that it watches: all
 * content validated with the same lib/ code the build uses. Prints one `path:line:column:
 * message` line per problem, then a summary and the articles a build run now would leave out
 * (drafts and scheduled posts, with their dates).
 *
 * Exits 1 on any problem (errors or warnings) and 0 when clean. With `--allow-warnings` (what
 * `npm run build` runs first) warnings are printed but only errors fail: raw HTML the sanitiser
 * strips is reported, yet the page can still be published.
 */
import { checkSummary, countProblems } from '../lib/check-summary';
import { contentRoot, loadContent, publicationClock } from '../lib/content';
import { formatDiagnostic } from '../lib/diagnostics';

const allowWarnings = process.argv.includes('--allow-warnings');
const { content, diagnostics } = loadContent(contentRoot(), {
  // Tells the watching parent which body is being parsed, so it can name one that stalls.
  onParse: (body, phase) => process.send?.({ ...body, phase }),
});

for (const diagnostic of diagnostics) console.log(formatDiagnostic(diagnostic));

for (const line of checkSummary(content, diagnostics, publicationClock())) console.log(line);

const { errors, warnings } = countProblems(diagnostics);
process.exitCode = errors > 0 || (warnings > 0 && !allowWarnings) ? 1 : 0;
