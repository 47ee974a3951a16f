/**
 * How `npm run check` shares its parsing between processes. Parsing every body is nearly all
 * of a check on a cold render cache (about 22 of 25 s for 1,000 articles on one core), so
 * scripts/check.ts starts a helper per spare core beside the check itself, once the check has
 * shown it has bodies to parse. Each helper renders bodies into the cache from its own point of
 * the list; the check, which starts at the top, waits for the bodies a helper has claimed. Every
 * process is watched, so a body that stalls the parser is still named whoever parses it.
 *
 * This module holds the arguments the watching parent passes and scripts/check-content.ts reads.
 */
import { z } from 'zod';
import { markdownCacheOff } from '../lib/cache-dir';
import type { ClaimHolder } from '../lib/render-claims';

/** `--helper-part i/n`: run as helper i of a check split n ways (the check itself is part 0). */
export const HELPER_PART = '--helper-part';
/** More helpers than this gain little (the list is split among them) and each costs memory. */
export const MAX_HELPERS = 3;

/**
 * The check's parse at whose start its helpers start. On a warm render cache the check parses
 * nothing, and helpers started anyway made a 2.4 s check of 1,000 articles take 2.9–3.2 s;
 * after an editor changes an article it parses a body or two, which a helper's start (reading
 * every file, as the check does) would not pay back.
 */
export const HELPERS_AT_PARSE = 3;

/** Whether the check's `parses`-th parse, just begun, is the one to start the helpers at. */
export function helpersDue(parses: number): boolean {
  return parses === HELPERS_AT_PARSE;
}

export type CheckArguments =
  | { role: 'helper'; part: { part: number; parts: number } }
  | { role: 'check'; allowWarnings: boolean };

const partSchema = z
  .string()
  .regex(/^\d+\/\d+$/)
  .transform((value) => {
    const [part = 0, parts = 0] = value.split('/').map(Number);
    return { part, parts };
  })
  .refine(({ part, parts }) => part >= 1 && part < parts, 'a helper part is from 1 to parts - 1');

/** The flag only scripts/check.ts may pass, which a user's own arguments must not carry. */
export function internalFlagIn(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg === HELPER_PART);
}

/** Reads the arguments scripts/check.ts gave this process (see HELPER_PART). */
export function helperArguments(argv: readonly string[]): CheckArguments {
  const valueOf = (flag: string) => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : (argv[index + 1] ?? '');
  };
  const part = valueOf(HELPER_PART);
  if (part !== undefined) return { role: 'helper', part: partSchema.parse(part) };
  return {
    role: 'check',
    allowWarnings: argv.includes('--allow-warnings'),
  };
}

/**
 * How many helpers to start: one per core beyond the check's own, at most MAX_HELPERS, none
 * when the environment turns the render cache off (there would be nowhere to leave their work).
 * CHECK_HELPERS sets the number instead; an invalid value is an error, returned as its message.
 */
export function helperCount(
  cores: number,
  env: Readonly<Record<string, string | undefined>>,
): { count: number } | { error: string } {
  let wanted = Math.max(0, Math.min(cores - 1, MAX_HELPERS));
  if (env.CHECK_HELPERS !== undefined) {
    const count = z
      .string()
      .regex(/^\d+$/)
      .transform(Number)
      .pipe(z.number().max(MAX_HELPERS))
      .safeParse(env.CHECK_HELPERS);
    if (!count.success) {
      return {
        error: `CHECK_HELPERS must be a whole number from 0 to ${MAX_HELPERS}, not "${env.CHECK_HELPERS}"`,
      };
    }
    wanted = count.data;
  }
  return { count: markdownCacheOff(env) ? 0 : wanted };
}

/**
 * The claimants the check waits for: those that claimed with its own tag. scripts/check.ts
 * gives a fresh tag to each run's check and helpers alone, and times their parses alike.
 */
export function isHelperOf(tag: string | undefined): (holder: ClaimHolder) => boolean {
  return (holder) => tag !== undefined && holder.tag === tag;
}
