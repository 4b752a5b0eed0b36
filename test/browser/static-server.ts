/** A static file server over the built site for the browser tests (and `npm run lighthouse`). */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { DIST } from './site-files.ts';

/** Content types by file extension (lower case, with dot). */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.map': 'application/json; charset=utf-8',
};

/** The content type of a file path (`application/octet-stream` when unknown). */
export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Origin plus base path, always ending in `/`, e.g. `http://127.0.0.1:41234/stunting/`. */
  url: string;
  /** The base path the site is served under (`/` or `/stunting/`). */
  base: string;
  /** Every request path answered with 404, in order. */
  notFound: string[];
  /** Every request path served, in order. */
  served: string[];
  close(): Promise<void>;
}

/**
 * Serves `root` over HTTP on 127.0.0.1 (random port) under `base`: directories answer with their index.html (a
 * directory URL without the trailing slash redirects to it, like static hosts do), unknown paths and paths outside
 * the base answer 404 with the site's 404.html when there is one. GET and HEAD only.
 */
export async function serveStatic(opts: { root?: string; base?: string } = {}): Promise<StaticServer> {
  const root = resolve(opts.root ?? DIST);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`No built site at ${root} (index.html missing): run \`npm run build\` first (or set DIST_DIR).`);
  }
  const base = `/${(opts.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const notFound: string[] = [];
  const served: string[] = [];
  const notFoundPage = existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : null;

  const send404 = (res: import('node:http').ServerResponse, path: string, head: boolean) => {
    notFound.push(path);
    const body = notFoundPage ?? Buffer.from(`<!doctype html><html lang="en"><title>404</title><h1>404 Not Found</h1><p>${path.replace(/[<>&"]/g, '')}</p></html>`);
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
    res.end(head ? undefined : body);
  };

  const server: Server = createServer(async (req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return send404(res, url.pathname, head);
    }
    if (!path.startsWith(base) && `${path}/` !== base) return send404(res, path, head);
    if (`${path}/` === base) {
      res.writeHead(301, { location: base + url.search });
      res.end();
      return;
    }
    const rel = path.slice(base.length);
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return send404(res, path, head);
    let target = file;
    try {
      let st = await stat(target);
      if (st.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: `${path}/${url.search}` });
          res.end();
          return;
        }
        target = join(target, 'index.html');
        st = await stat(target);
      }
      const body = await readFile(target);
      served.push(path);
      res.writeHead(200, { 'content-type': mimeType(target), 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(head ? undefined : body);
    } catch {
      send404(res, path, head);
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${addr.port}`;
  return {
    origin,
    url: origin + base,
    base,
    notFound,
    served,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
