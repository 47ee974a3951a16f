/**
 * Content trees for the content-check tests: a valid base tree with one rule's broken files laid
 * over it, in a fresh temporary folder.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './server';

export const checkFixtures = path.join(repoRoot, 'tests/fixtures/check');

/** Copies the base tree and the named rule's files into a new folder and returns its path. */
export function fixtureTree(rule?: string): string {
  const root = mkdtempSync(path.join(tmpdir(), `cornerstone-check-${rule ?? 'base'}-`));
  cpSync(path.join(checkFixtures, 'base'), root, { recursive: true });
  if (rule) cpSync(path.join(checkFixtures, 'rules', rule), root, { recursive: true });
  return root;
}

export interface Captured {
  code: number | null;
  /** stdout and stderr, interleaved as printed. */
  output: string;
  stdout: string;
}

/** Runs a command in the repo and captures what it prints. */
export function capture(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output, stdout }));
  });
}

/**
 * A content tree inside the repo (so paths in messages are short and stable): the base tree
 * plus the named files from several rules, e.g. `{ 'articles/a.md': 'heading-skip/articles/broken.md' }`.
 */
export function repoFixtureTree(name: string, files: Record<string, string> = {}): string {
  const root = path.join(repoRoot, 'tests/artifacts', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(path.join(checkFixtures, 'base'), root, { recursive: true });
  for (const [target, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, target)), { recursive: true });
    cpSync(path.join(checkFixtures, 'rules', source), path.join(root, target));
  }
  return root;
}
