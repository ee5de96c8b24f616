// The example app's server: the account page, and the widget's browser build at /vendor/ (the file and
// the language chunks beside it). A real app serves these its own way; the tests only need the page at
// some URL.
//
//   import { startAccountPage } from './server.mjs';
//   const app = await startAccountPage();   // { url, close() }
import http from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGE = fileURLToPath(new URL('./index.html', import.meta.url));
/** The built widget, resolved like any installed package (the package's `./cdn` export). */
const WIDGET = fileURLToPath(import.meta.resolve('authing-phone-manager/cdn'));

/** @param {{ port?: number }} [options] default: any free port */
export async function startAccountPage({ port = 0 } = {}) {
  const files = {
    '/': ['text/html; charset=utf-8', PAGE],
    '/vendor/authing-phone-manager.js': ['text/javascript; charset=utf-8', WIDGET],
  };
  // Its language chunks go beside it: the widget loads the page's language from there (zh-CN is inside).
  const folder = dirname(WIDGET);
  for (const name of await readdir(folder).catch(() => [])) {
    if (/^authing-phone-manager\.[a-z]{2}-[A-Z]{2}\.[\w-]+\.js$/.test(name))
      files[`/vendor/${name}`] = ['text/javascript; charset=utf-8', join(folder, name)];
  }
  const server = http.createServer(async (req, res) => {
    const entry = files[new URL(req.url ?? '/', 'http://app').pathname];
    if (!entry || req.method !== 'GET') return res.writeHead(404).end('not found');
    try {
      res.writeHead(200, { 'content-type': entry[0], 'cache-control': 'no-store' }).end(await readFile(entry[1]));
    } catch {
      res.writeHead(500).end('not built: run `npm run build`');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
