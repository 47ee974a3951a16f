import type { TestProject } from 'vitest/node';
import { assertChromium } from '../support/browser';
import { buildOnce, startNext, type RunningServer } from '../support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: RunningServer | undefined;

export default async function setup(project: TestProject) {
  // Fail first and loudly: a missing browser must never turn into skipped tests.
  assertChromium();
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
