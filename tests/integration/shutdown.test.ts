import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort, repoRoot, waitForHttp } from '../support/server';

/** `npm start` must stop on SIGTERM/SIGINT sent to npm itself, not only to the node child. */
describe.each(['SIGTERM', 'SIGINT'] as const)('npm start on %s', (signal) => {
  it('stops serving and exits within a few seconds', async () => {
    const port = await freePort();
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1' },
      stdio: 'ignore',
    });
    const url = `http://127.0.0.1:${port}/`;
    await waitForHttp(url);
    const started = Date.now();
    const exited = new Promise<number>((resolve) =>
      npm.once('exit', () => resolve(Date.now() - started)),
    );
    npm.kill(signal);
    const elapsed = await exited;
    expect(elapsed).toBeLessThan(5000);
    // The port is free again: nothing kept serving behind npm's back.
    await expect(fetch(url)).rejects.toThrow();
  });
});
