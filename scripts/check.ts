/**
 * `npm run check`: validates all content without building, with the same lib/ code the build
 * uses (scripts/check-content.ts does the work and prints the results).
 *
 * The check runs in a child process that this one watches. micromark, the Markdown parser,
 * slows down sharply on some hostile input: tens of thousands of `*_` pairs, brackets nested
 * thousands deep, or lists nested hundreds deep. A 40 KB body of `*_` took 25 s to parse on
 * the bench machine and the time grows faster than the size, so a 1 MB file could stall a
 * build for hours. The loader refuses those known shapes unparsed (lib/parser-hazards.ts);
 * this watch is for what gets past it. When one body takes longer than the limit to parse, the
 * child is stopped and the check fails naming that file; `npm run build` runs the check first,
 * so it fails in seconds instead of stalling. An ordinary article parses in a few hundredths
 * of a second.
 *
 * CHECK_PARSE_SECONDS sets the limit (default 10). The child parses every body the render
 * cache lacks itself, even one another process (a running `next dev`) is rendering into the
 * cache at the same moment, so the limit holds for every body.
 */
import { fork } from 'node:child_process';
import { constants } from 'node:os';
import { z } from 'zod';
import { formatDiagnostic } from '../lib/diagnostics';

// setTimeout holds at most 2^31 - 1 ms; a longer delay would fire at once.
const MAX_LIMIT_SECONDS = 2_147_483;
const limit = z.coerce
  .number()
  .positive()
  .max(MAX_LIMIT_SECONDS)
  .safeParse(process.env.CHECK_PARSE_SECONDS ?? 10);
if (!limit.success) {
  console.error(
    `CHECK_PARSE_SECONDS must be a number of seconds from above 0 to ${MAX_LIMIT_SECONDS}, not "${process.env.CHECK_PARSE_SECONDS}"`,
  );
  process.exit(1);
}
const limitSeconds = limit.data;

const parseEvent = z.object({
  file: z.string(),
  line: z.number(),
  phase: z.enum(['start', 'end']),
});
type ParseEvent = z.infer<typeof parseEvent>;

const child = fork(new URL('./check-content.ts', import.meta.url), process.argv.slice(2));
let timer: NodeJS.Timeout | undefined;
/** The body the child is parsing now, if any. */
let parsing: ParseEvent | undefined;
let stalled = false;

// A check stopped from outside (Ctrl-C, a cancelled CI job) must not leave its child behind,
// still parsing a hostile body long after.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    child.kill('SIGKILL');
    process.exit(128 + constants.signals[signal]);
  });
}

child.on('message', (message) => {
  const event = parseEvent.safeParse(message);
  if (!event.success) return;
  clearTimeout(timer);
  parsing = event.data.phase === 'start' ? event.data : undefined;
  if (!parsing) return;
  timer = setTimeout(() => {
    stalled = true;
    child.kill('SIGKILL');
  }, limitSeconds * 1000);
});

child.on('exit', (code, signal) => {
  clearTimeout(timer);
  if (stalled && parsing) {
    console.log(
      formatDiagnostic({
        file: parsing.file,
        line: parsing.line,
        column: 1,
        severity: 'error',
        message: `the check was still reading this text after ${limitSeconds} s (an article normally takes well under a second): long runs of * or _, brackets nested thousands deep, or lists and quotes nested hundreds deep slow the Markdown parser down sharply; escape such characters (\\*, \\_, \\[) or remove them`,
      }),
    );
    console.log(
      `✖ content check stopped at ${parsing.file}; fix it, then run \`npm run check\` again to check the rest`,
    );
  } else if (signal) {
    // Killed from outside, or by the system (out of memory): say where it was.
    const where = parsing ? ` while reading ${parsing.file}:${parsing.line}` : '';
    console.log(`✖ content check ended by ${signal}${where}`);
  }
  process.exitCode = code ?? 1;
});
