import type { TestProject } from 'vitest/node';
import { buildOnce, startNext, type RunningServer } from '../support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** What serves the site: `next start`, or a plain static server over out/. */
    target: 'next' | 'static';
  }
}

let server: RunningServer | undefined;

/** One production build and one `next start` for the whole integration run. */
export default async function setup(project: TestProject) {
  project.provide('target', 'next');
  const external = process.env.TEST_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    return;
  }
  await buildOnce();
  server = await startNext();
  project.provide('baseUrl', server.url);
  return async () => {
    await server?.stop();
  };
}
