import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { npmBuildSteps } from '../../bench/build';

describe('npmBuildSteps (bench: what `npm run build` runs, step by step)', () => {
  it("reads the project's own scripts: the content check, next build, then the search index", () => {
    const { scripts } = z
      .object({ scripts: z.record(z.string(), z.string()) })
      .parse(
        JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')),
      );
    expect(npmBuildSteps(scripts)).toEqual([
      'tsx --conditions=react-server scripts/check.ts --allow-warnings',
      'next build',
      'node scripts/build-search-index.mjs',
    ]);
  });

  it('takes a build without a prebuild, with a postbuild, and refuses a package without a build', () => {
    expect(npmBuildSteps({ build: 'next build' })).toEqual(['next build']);
    expect(npmBuildSteps({ build: 'a && b', postbuild: 'c' })).toEqual(['a', 'b', 'c']);
    expect(() => npmBuildSteps({ test: 'vitest' })).toThrow('package.json has no build script');
  });
});
