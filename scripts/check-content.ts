/**
 * The content check itself, run by scripts/check.ts in a child process that it watches: all
 * content validated with the same lib/ code the build uses. Prints one `path:line:column:
 * message` line per problem, then a summary and the articles a build run now would leave out
 * (drafts and scheduled posts, with their dates).
 *
 * Exits 1 on any problem (errors or warnings) and 0 when clean. With `--allow-warnings` (what
 * `npm run build` runs first) warnings are printed but only errors fail: raw HTML the sanitiser
 * strips is reported, yet the page can still be published.
 *
 * Run as a helper (`--helper-part i/n`), it renders bodies into the render cache alongside the
 * check and prints nothing; the check waits for the bodies they have claimed instead of parsing
 * them a second time, knowing their claims by the tag scripts/check.ts gave them all.
 */
import { checkSummary, countProblems } from '../lib/check-summary';
import { contentRoot, loadContent, publicationClock } from '../lib/content';
import { prerenderContent, type LoadWatch } from '../lib/content-files';
import { formatDiagnostic } from '../lib/diagnostics';
import { CLAIM_TAG_VARIABLE } from '../lib/render-claims';
import { helperArguments, isHelperOf } from './check-helpers';

// Tells the watching parent which body is being parsed, so it can name one that stalls.
const onParse: LoadWatch['onParse'] = (body, phase) => process.send?.({ ...body, phase });

const args = helperArguments(process.argv.slice(2));
if (args.role === 'helper') {
  // A helper only fills the render cache for the check; the check prints every result.
  prerenderContent(contentRoot(), { ...args.part, onParse });
} else {
  const { content, diagnostics } = loadContent(contentRoot(), {
    watch: { onParse, isHelper: isHelperOf(process.env[CLAIM_TAG_VARIABLE]) },
  });

  for (const diagnostic of diagnostics) console.log(formatDiagnostic(diagnostic));

  for (const line of checkSummary(content, diagnostics, publicationClock())) console.log(line);

  const { errors, warnings } = countProblems(diagnostics);
  process.exitCode = errors > 0 || (warnings > 0 && !args.allowWarnings) ? 1 : 0;
}
