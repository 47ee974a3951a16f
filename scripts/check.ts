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
 * check is stopped and fails naming that file; `npm run build` runs the check first, so it
 * fails in seconds instead of stalling. An ordinary article parses in a few hundredths of a
 * second.
 *
 * Beside the check run helpers, one per extra core (scripts/check-helpers.ts), started once the
 * check has begun its third parse: each renders bodies into the render cache from its own point
 * of the list, and the check waits for the bodies a helper has claimed instead of parsing them
 * too. Helpers report their parses like the check, so a stall in any of them stops them all and
 * is named the same way. Every body the cache lacks is parsed by the check or a helper, even one
 * another process (a running `next dev`) is rendering into the cache at the same moment, so the
 * limit holds for every body.
 *
 * CHECK_PARSE_SECONDS sets the limit (default 10); CHECK_HELPERS the number of helpers.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { availableParallelism, constants } from 'node:os';
import { z } from 'zod';
import { formatDiagnostic } from '../lib/diagnostics';
import { CLAIM_TAG_VARIABLE } from '../lib/render-claims';
import { HELPER_PART, helperCount, helpersDue, internalFlagIn } from './check-helpers';

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
const helpers = helperCount(availableParallelism(), process.env);
if ('error' in helpers) {
  console.error(helpers.error);
  process.exit(1);
}
const internal = internalFlagIn(process.argv.slice(2));
if (internal) {
  console.error(`${internal} is passed by the check to its own processes, not given to it`);
  process.exit(1);
}

const parseEvent = z.object({
  file: z.string(),
  line: z.number(),
  phase: z.enum(['start', 'end']),
});
type ParseEvent = z.infer<typeof parseEvent>;

const script = new URL('./check-content.ts', import.meta.url);
// Read once: narrowing of `helpers` does not reach into the functions below.
const helperTotal = helpers.count;
// The check knows its helpers' claims by this tag, new for each run: a claim left by an earlier
// run's helper is not waited for, whatever process has its pid now (lib/render-claims.ts).
const env = { ...process.env, [CLAIM_TAG_VARIABLE]: randomUUID() };
const check = fork(script, process.argv.slice(2), { env });
/** The check, then its helpers once they start. */
const children: ChildProcess[] = [check];
let checkParses = 0;

/** The body that stalled a process, once one has. */
let stalled: ParseEvent | undefined;

function stopAll(): void {
  for (const child of children) child.kill('SIGKILL');
}

// A check stopped from outside (Ctrl-C, a cancelled CI job) must not leave its children behind,
// still parsing a hostile body long after.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(128 + constants.signals[signal]);
  });
}

/**
 * Times each parse the child reports and calls `onStart` as one begins; returns what it is
 * parsing now, if anything.
 */
function watch(child: ChildProcess, onStart = () => {}): () => ParseEvent | undefined {
  let timer: NodeJS.Timeout | undefined;
  let parsing: ParseEvent | undefined;
  let exited = false;
  child.on('message', (message) => {
    // A message can be read after the exit, about a parse that ended with the process.
    if (exited) return;
    const event = parseEvent.safeParse(message);
    if (!event.success) return;
    clearTimeout(timer);
    parsing = event.data.phase === 'start' ? event.data : undefined;
    if (!parsing) return;
    const body = parsing;
    timer = setTimeout(() => {
      stalled ??= body;
      stopAll();
    }, limitSeconds * 1000);
    onStart();
  });
  child.on('exit', () => {
    exited = true;
    clearTimeout(timer);
  });
  return () => parsing;
}

function startHelpers(): void {
  for (let index = 0; index < helperTotal; index += 1) {
    const helper = fork(script, [HELPER_PART, `${index + 1}/${helperTotal + 1}`], { env });
    children.push(helper);
    watch(helper);
    // A helper that fails is harmless: the check parses whatever the helper left undone. Its
    // error still shows, on stderr, which the children share with this process; one that
    // could not even start (out of processes) claims nothing.
    helper.on('error', () => {});
  }
}

const checkParsing = watch(check, () => {
  checkParses += 1;
  if (helpersDue(checkParses) && !stalled) startHelpers();
});
check.on('error', (error) => {
  console.log(`✖ content check could not start: ${error.message}`);
  stopAll();
  process.exitCode = 1;
});

check.on('exit', (code, signal) => {
  // The helpers have nothing left to do for anyone once the check has its answer.
  for (const helper of children.slice(1)) helper.kill('SIGKILL');
  if (stalled) {
    console.log(
      formatDiagnostic({
        file: stalled.file,
        line: stalled.line,
        column: 1,
        severity: 'error',
        message: `the check was still reading this text after ${limitSeconds} s (an article normally takes well under a second): long runs of * or _, brackets nested thousands deep, or lists and quotes nested hundreds deep slow the Markdown parser down sharply; escape such characters (\\*, \\_, \\[) or remove them`,
      }),
    );
    console.log(
      `✖ content check stopped at ${stalled.file}; fix it, then run \`npm run check\` again to check the rest`,
    );
  } else if (signal) {
    // Killed from outside, or by the system (out of memory): say where it was.
    const parsing = checkParsing();
    const where = parsing ? ` while reading ${parsing.file}:${parsing.line}` : '';
    console.log(`✖ content check ended by ${signal}${where}`);
  }
  // A helper's stall can be heard in the same turn as the check's own clean exit.
  process.exitCode = stalled ? 1 : (code ?? 1);
});
