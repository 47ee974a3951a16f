/**
 * Problems found in content, with the place an editor has to go to fix them. One shape serves
 * thrown load errors, `npm run check` output and test assertions, so the wording is identical
 * wherever an editor meets it.
 */
import { z } from 'zod';

export const diagnosticSchema = z.strictObject({
  /** Repo-relative path, e.g. `content/articles/foo.md`. */
  file: z.string(),
  /** 1-based line in the file (not in the frontmatter block). */
  line: z.number(),
  /** 1-based column. */
  column: z.number(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export function formatDiagnostic(d: Diagnostic): string {
  const label = d.severity === 'warning' ? 'warning: ' : '';
  return `${d.file}:${d.line}:${d.column}: ${label}${d.message}`;
}

/** Orders diagnostics by file, then line, then column, as editors read them. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/** Thrown when content cannot be published. Its message lists every problem, one per line. */
export class ContentError extends Error {
  declare readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `${errors.length} content ${errors.length === 1 ? 'error' : 'errors'}:\n` +
        errors.map(formatDiagnostic).join('\n'),
    );
    this.name = 'ContentError';
    // Not enumerable: Node prints an error's own enumerable fields after its message, and the
    // message already lists every problem in the form editors read.
    Object.defineProperty(this, 'diagnostics', { value: diagnostics, enumerable: false });
  }
}

/** 1-based line and column of a character offset in `text`. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
