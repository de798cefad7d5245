// A tiny static server for the built app, as a plain static host would serve it: dist/ under any
// path prefix (default /some/sub/path/), with the strict CSP header, gzip for text (as most real
// hosts do; `gzip: false` serves every file as it is, like many internal documentation hosts), no
// rewrites, no fallbacks.
// node tests/tools/serve-subpath.mjs [port] [prefix] [dir]   (port 0 = any free port)
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Starts the server; resolves to { url, close } once it listens. */
export function serveSubpath({
  port = 0,
  prefix = '/some/sub/path/',
  dir = 'dist',
  host = '127.0.0.1',
  gzip = true,
} = {}) {
  const root = resolve(dir);
  const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const server = createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (!path.startsWith(base)) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    let file = normalize(join(root, path.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const zip =
        gzip &&
        /text|javascript|json|svg/.test(type) &&
        /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      if (zip) body = gzipSync(body);
      res.writeHead(200, {
        ...headers,
        'Content-Type': type,
        ...(zip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((ok) =>
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      ok({
        url: `http://${host}:${actual}${base}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [port = '4180', prefix, dir] = process.argv.slice(2);
  const { url } = await serveSubpath({ port: Number(port), prefix, dir });
  console.log(`Serving ${dir ?? 'dist'} at ${url}`);
}
