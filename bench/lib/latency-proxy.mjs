// A latency proxy on loopback: what a user far from the servers pays, put in front of the bench's page
// server or the emulator. Each request and its answer cost
//   - RTT/2 on the way there and RTT/2 on the way back (a CORS preflight is a request like any other),
//   - two more RTTs on a new connection (the TCP handshake and TLS 1.3's: plain HTTP on loopback has
//     neither, an HTTPS app host has both),
//   - one more RTT for each time the answer outgrows the sender's congestion window: TCP slow start
//     with a 10-segment initial window (RFC 6928) of 1,460 bytes each, growing by the bytes
//     acknowledged (doubling per full round trip) and kept per connection, as a server's kernel keeps
//     it (headers and TLS records are not counted),
// and text answers are sent brotli- or gzip-compressed when the browser asks, as a CDN sends them, so
// the bytes on the wire are the compressed ones.
//
// Every request is logged (start, end, round trips charged) so the bench can find the critical path.
import http from 'node:http';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

const SEGMENT = 1460;
const INITIAL_WINDOW = 10 * SEGMENT;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript))/;

/**
 * Round trips of slow start to send `bytes` on a connection whose window is `cwnd`, and the window
 * after: each round sends what the window allows, and each byte acknowledged grows the window by one
 * (so a full window doubles it, a small answer hardly moves it).
 */
export function slowStart(bytes, cwnd) {
  let rounds = 0;
  let left = bytes;
  do {
    const sent = Math.min(left, cwnd);
    cwnd += sent;
    left -= sent;
    rounds++;
  } while (left > 0);
  return { rounds, cwnd };
}

const compressed = new Map();
function encode(body, type, accept) {
  if (!body.length || !COMPRESSIBLE.test(type ?? '')) return { body };
  const coding = /\bbr\b/.test(accept ?? '') ? 'br' : /\bgzip\b/.test(accept ?? '') ? 'gzip' : undefined;
  if (!coding) return { body };
  const key = `${coding}:${body.length}:${body.subarray(0, 64).toString('latin1')}:${body.subarray(-64).toString('latin1')}`;
  let out = compressed.get(key);
  if (!out || !out.source.equals(body)) {
    out = {
      source: body,
      body:
        coding === 'br'
          ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : gzipSync(body, { level: 9 }),
    };
    compressed.set(key, out);
  }
  return { body: out.body, coding };
}

/**
 * @param {{ target: string, rtt: number, name: string }} options  target: the upstream's origin
 * @returns {Promise<{ url: string, log: any[], reset(): void, close(): Promise<void> }>}
 */
export async function startLatencyProxy({ target, rtt, name }) {
  const log = [];
  const upstream = new URL(target);
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const server = http.createServer(async (req, res) => {
    const socket = req.socket;
    const arrived = performance.timeOrigin + performance.now();
    const handshake = socket.benchFresh ? 2 : 0;
    socket.benchFresh = false;
    socket.benchCwnd ??= INITIAL_WINDOW;
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    // The request reaches the server after the handshakes and half a round trip.
    await wait(handshake * rtt + rtt / 2);
    const answer = await forward(upstream, req, Buffer.concat(chunks));
    const { body, coding } = encode(answer.body, answer.headers['content-type'], req.headers['accept-encoding']);
    const { rounds, cwnd } = slowStart(body.length, socket.benchCwnd);
    socket.benchCwnd = cwnd;
    // The answer's last byte arrives half a round trip after it left, plus a round trip per extra window.
    await wait(rtt / 2 + (rounds - 1) * rtt);
    const headers = { ...answer.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    delete headers.connection;
    delete headers['keep-alive'];
    if (coding) headers['content-encoding'] = coding;
    headers['content-length'] = String(body.length);
    const sent = performance.timeOrigin + performance.now();
    if (!res.destroyed) res.writeHead(answer.status, headers).end(req.method === 'HEAD' ? undefined : body);
    log.push({
      proxy: name,
      method: req.method,
      path: req.url,
      start: arrived,
      end: sent,
      roundTrips: handshake + rounds,
      bytes: body.length,
      newConnection: handshake > 0,
    });
  });
  server.on('connection', (socket) => (socket.benchFresh = true));
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    reset: () => (log.length = 0),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function forward(upstream, req, body) {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: upstream.host };
    delete headers['accept-encoding']; // the upstream answers plain; this proxy compresses
    const outgoing = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent: keepAlive },
      (answer) => {
        const chunks = [];
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
        answer.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const keepAlive = new http.Agent({ keepAlive: true });
const SKEW = 10;

/**
 * The sequential round trips on the critical path to `until` (epoch ms): the request
 * that ended last before it, then the one that ended last before that one started, and so on; the sum
 * of what each was charged.
 */
export function criticalRoundTrips(log, until) {
  // The page's clock and this process's may differ by a few ms; the answers are 100 ms apart or more.
  const done = log.filter((entry) => entry.end <= until + SKEW).sort((a, b) => b.end - a.end);
  let total = 0;
  let before = until + SKEW;
  for (const entry of done) {
    if (entry.end > before) continue;
    total += entry.roundTrips;
    before = entry.start;
  }
  return total;
}
