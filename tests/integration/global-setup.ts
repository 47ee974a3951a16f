import type { TestProject } from 'vitest/node';
import { provideProductionServer } from '../support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** What serves the site: `next start`, or a plain static server over out/. */
    target: 'next' | 'static';
  }
}

/** One production build and one `npm start` server for the whole integration run. */
export default async function setup(project: TestProject) {
  project.provide('target', 'next');
  return provideProductionServer((url) => project.provide('baseUrl', url));
}
