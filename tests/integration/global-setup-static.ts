import type { TestProject } from 'vitest/node';
import type { RunningServer } from '../support/server';
import { buildStaticOnce, startNginx } from '../support/static-server';

let server: RunningServer | undefined;

/** One static export and one nginx over out/ for the whole `static` project. */
export default async function setup(project: TestProject) {
  project.provide('target', 'static');
  await buildStaticOnce();
  server = await startNginx();
  project.provide('baseUrl', server.url);
  return async () => {
    await server?.stop();
  };
}
