/**
 * Runs a zod schema over parsed frontmatter and turns every issue into a Diagnostic that points
 * at the line where the field is written (or, for a missing field, where it belongs).
 */
import type { z } from 'zod';
import type { Diagnostic } from './diagnostics';
import type { ParsedFrontmatter } from './frontmatter';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };

export function validateFrontmatter<S extends z.ZodType>(
  schema: S,
  parsed: ParsedFrontmatter,
  file: string,
  knownKeys: readonly string[],
): ValidationResult<z.output<S>> {
  const result = schema.safeParse(parsed.data);
  if (result.success) return { ok: true, value: result.data };
  const diagnostics: Diagnostic[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const near = nearestKey(key, knownKeys);
        const hint = near ? `; did you mean "${near}"?` : `; known fields: ${knownKeys.join(', ')}`;
        diagnostics.push(
          fieldDiagnostic(
            parsed,
            file,
            [...issue.path, key],
            `unknown field "${fieldName([...issue.path, key])}"${hint}`,
            // The name is what is wrong, not the value written after it.
            { key: true },
          ),
        );
      }
      continue;
    }
    const name = fieldName(issue.path);
    const missing = issue.code === 'invalid_type' && valueAt(parsed.data, issue.path) === undefined;
    const message = missing
      ? `${name}: is required; it ${issue.message}`
      : `${name}: ${issue.message}`;
    diagnostics.push(fieldDiagnostic(parsed, file, issue.path, message));
  }
  return { ok: false, diagnostics };
}

/** An error at a frontmatter field (or, with `key`, at its name), where the editor wrote it. */
export function fieldDiagnostic(
  parsed: ParsedFrontmatter,
  file: string,
  path: readonly PropertyKey[],
  message: string,
  { key = false }: { key?: boolean } = {},
): Diagnostic {
  const { line, column } = parsed.locate(path, { key });
  return { file, line, column, severity: 'error', message };
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'frontmatter';
  return path
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Reflect.get(value, segment);
  }
  return value;
}

/** The known key within edit distance 2 of `key` (case-insensitive), if there is one. */
export function nearestKey(key: string, knownKeys: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of knownKeys) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (
      distance <= Math.max(2, Math.floor(candidate.length / 3)) &&
      (!best || distance < best.distance)
    ) {
      best = { key: candidate, distance };
    }
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
