/**
 * `npm run check`: validates all content without building, with the same lib/ code the build
 * uses (scripts/check-content.ts does the work and prints the results).
 *
 * The check runs in a child process that this one watches. micromark, the Markdown parser,
 * slows down sharply on some hostile input: tens of thousands of `*_` pairs, brackets nested
 * thousands deep, or lists nested hundreds deep. A 40 KB body of `*_` took 25 s to parse on the bench
 * machine and the time grows faster than the size, so a 1 MB file could stall a build for
 * hours. When one body takes longer than the limit to parse, the child is stopped and the
 * check fails naming that file; `npm run build` runs the check first, so it fails in seconds
 * instead of stalling. An ordinary article parses in a few hundredths of a second.
 *
 * CHECK_PARSE_SECONDS sets the limit (default 10).
 */
import { fork } from 'node:child_process';
import { z } from 'zod';
import { formatDiagnostic } from '../lib/diagnostics';

const limit = z.coerce
  .number()
  .positive()
  .safeParse(process.env.CHECK_PARSE_SECONDS ?? 10);
if (!limit.success) {
  console.error(
    `CHECK_PARSE_SECONDS must be a number of seconds above 0, not "${process.env.CHECK_PARSE_SECONDS}"`,
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
let stalled: ParseEvent | undefined;

child.on('message', (message) => {
  const event = parseEvent.safeParse(message);
  if (!event.success) return;
  clearTimeout(timer);
  if (event.data.phase === 'end') return;
  const body = event.data;
  timer = setTimeout(() => {
    stalled = body;
    child.kill('SIGKILL');
  }, limitSeconds * 1000);
});

child.on('exit', (code) => {
  clearTimeout(timer);
  if (!stalled) {
    process.exitCode = code ?? 1;
    return;
  }
  console.log(
    formatDiagnostic({
      file: stalled.file,
      line: stalled.line,
      column: 1,
      severity: 'error',
      message: `the Markdown parser was still reading this text after ${limitSeconds} s (an article normally takes well under one): long runs of * or _, brackets nested thousands deep, or lists and quotes nested hundreds deep slow it down sharply; escape such characters (\\*, \\_, \\[) or remove them`,
    }),
  );
  console.log(
    `✖ content check stopped at ${stalled.file}; fix it, then run \`npm run check\` again to check the rest`,
  );
  process.exitCode = 1;
});
