import type { TestProject } from 'vitest/node';
import { assertChromium } from '../support/browser';
import { provideProductionServer } from '../support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Fail first and loudly: a missing browser must never turn into skipped tests.
  assertChromium();
  return provideProductionServer((url) => project.provide('baseUrl', url));
}
