/**
 * Serves the static export (out/) with nginx, configured by the same server block the README
 * tells hosts to use (deploy/nginx.conf), so the tests check what a static host would serve.
 * nginx runs in the foreground as one process, on loopback only, with every path it writes
 * inside a temporary directory.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, repoRoot, run, waitForHttp, type RunningServer } from './server';

export const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const outDir = path.join(repoRoot, 'out');

/** The README's server block, pointed at `root` and bound to 127.0.0.1:`port`. */
export function nginxConfig(root: string, port: number, workDir: string): string {
  const server = readFileSync(path.join(repoRoot, 'deploy/nginx.conf'), 'utf8')
    .replace(/^\s*listen\s+80;/m, `    listen 127.0.0.1:${port};`)
    .replace(/^\s*root\s+[^;]+;/m, `    root ${root};`)
    .replaceAll(
      '/etc/nginx/snippets/cornerstone-security-headers.conf',
      path.join(repoRoot, 'docs/nginx-security-headers.conf'),
    );
  const temp = (name: string) => path.join(workDir, name);
  return `daemon off;
master_process off;
pid ${temp('nginx.pid')};
error_log stderr warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  log_not_found off;
  client_body_temp_path ${temp('client_body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
${server}
}
`;
}

export async function startNginx(root: string = outDir): Promise<RunningServer> {
  if (!existsSync(nginxPath)) {
    throw new Error(
      `nginx was not found at ${nginxPath}. The static-export tests need it:\n` +
        '  sudo apt-get update && sudo apt-get install -y nginx-light\n' +
        'or point NGINX_PATH at an nginx binary.',
    );
  }
  const workDir = mkdtempSync(path.join(tmpdir(), 'cornerstone-nginx-'));
  const port = await freePort();
  const config = path.join(workDir, 'nginx.conf');
  writeFileSync(config, nginxConfig(root, port, workDir));
  const child = spawn(nginxPath, ['-e', 'stderr', '-p', workDir, '-c', config], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, 15_000);
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          rmSync(workDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

/** `npm run build:static`, unless TEST_SKIP_BUILD=1 says out/ is already fresh. */
export async function buildStaticOnce(): Promise<void> {
  if (process.env.TEST_SKIP_BUILD === '1' && existsSync(path.join(outDir, 'index.html'))) return;
  await run(process.execPath, [
    path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'),
    'scripts/build-static.ts',
  ]);
}
