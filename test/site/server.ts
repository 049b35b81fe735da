import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

/**
 * A tiny static file server over dist/ for the browser tests: loopback only,
 * random port, directory URLs served from index.html, 404.html otherwise.
 * Counts requests so tests can check that nothing left the site.
 */

export const DIST = resolve(process.cwd(), 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export function fileFor(root: string, pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const path = normalize(join(root, decoded));
  if (!path.startsWith(root)) return undefined;
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  if (existsSync(index)) return index;
  return undefined;
}

export async function serveDist(root = DIST): Promise<StaticServer> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`npm run build\` before the site tests`);
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = fileFor(root, url.pathname);
    // A directory without its trailing slash: redirect as static hosts do.
    if (
      file &&
      file.endsWith('index.html') &&
      !url.pathname.endsWith('/') &&
      !url.pathname.endsWith('.html')
    ) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    let status = 200;
    if (!file) {
      status = 404;
      file = join(root, '404.html');
    }
    res.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok, fail) => server.close((e) => (e ? fail(e) : ok()))),
  };
}
