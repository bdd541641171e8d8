/*
 * The benchmarks' HTTP clients of a bench backend (lib.ts), as the bench's service: a
 * load of requests, a freshness probe of scorecards, and single GETs.
 */
import { Worker } from 'node:worker_threads';
import { BENCH_TOKEN, round, summarise } from './lib';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  /** JSON text */
  body?: string;
}

/*
 * The HTTP clients run in a worker thread, so that they do not share the server's event
 * loop (in production they are other machines). Plain JS: workers get no TS transform.
 */
const LOAD_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { baseUrl, token, requests, concurrency, expectStatus, expectItemStatus } = workerData;
// node:http with keep-alive, not fetch: the clients should cost as little CPU as they can,
// since they share the machine with the server they measure.
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const base = new URL(baseUrl);
function send(method, path, body) {
  return new Promise((resolve, reject) => {
    const headers = { authorization: 'Bearer ' + token };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const req = http.request({
      agent, method, host: base.hostname, port: base.port,
      path: base.pathname + path, headers,
    }, res => {
      const chunks = [];
      res.on('data', chunk => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
(async () => {
  const latencies = new Array(requests.length);
  const sentAt = new Array(requests.length);
  let next = 0;
  const started = performance.now();
  const cpuBefore = process.threadCpuUsage();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < requests.length) {
      const index = next++;
      const { method, path, body } = requests[index];
      const start = performance.now();
      sentAt[index] = Date.now();
      const { status, text } = await send(method, path, body);
      if (status !== expectStatus) {
        throw new Error(method + ' ' + path + ' answered ' + status + ': ' + text);
      }
      if (expectItemStatus !== undefined) {
        const wrong = JSON.parse(text).results.find(item => item.status !== expectItemStatus);
        if (wrong) throw new Error(method + ' ' + path + ' answered an item ' + JSON.stringify(wrong));
      }
      latencies[index] = performance.now() - start;
    }
  }));
  agent.destroy();
  const cpu = process.threadCpuUsage(cpuBefore);
  parentPort.postMessage({
    latencies,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    sentAt,
    seconds: (performance.now() - started) / 1000,
    endedAt: Date.now(),
  });
})().catch(error => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

/**
 * Sends `requests` with `concurrency` clients, each waiting for its answer before the
 * next request; returns each request's latency in ms and the wall time in seconds.
 */
export function runHttpLoad(options: {
  baseUrl: string;
  requests: LoadRequest[];
  concurrency: number;
  expectStatus: number;
  /** For batch requests: the `status` every item of the answer's `results` must have. */
  expectItemStatus?: number;
}): Promise<{
  latencies: number[];
  /** When each request was sent, in ms since the epoch. */
  sentAt: number[];
  seconds: number;
  endedAt: number;
  /** CPU time of the clients' thread (user and system). */
  clientCpuMs: number;
}> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER_SOURCE, {
      eval: true,
      workerData: { ...options, token: BENCH_TOKEN },
    });
    worker.once('message', message => {
      worker.terminate();
      if (message.error) {
        reject(new Error(message.error));
      } else {
        resolve(message);
      }
    });
    worker.once('error', reject);
  });
}

/*
 * Polls entity scorecards round-robin (one request at a time, `intervalMs` apart) while
 * a load runs, and records how old each `pendingSince` it sees is: how stale a result
 * is allowed to get under that load.
 */
const PROBE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { baseUrl, token, paths, intervalMs } = workerData;
let stop = false;
parentPort.on('message', () => { stop = true; });
(async () => {
  let samples = 0, pending = 0, maxPendingAgeMs = 0;
  for (let i = 0; !stop; i++) {
    const response = await fetch(baseUrl + paths[i % paths.length], {
      headers: { authorization: 'Bearer ' + token },
    });
    const body = await response.json();
    samples++;
    if (body.pendingSince) {
      pending++;
      maxPendingAgeMs = Math.max(maxPendingAgeMs, Date.now() - Date.parse(body.pendingSince));
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
  parentPort.postMessage({ samples, pending, maxPendingAgeMs });
})().catch(error => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

/** Starts a probe of `paths` (scorecards); `stop()` ends it and answers what it saw. */
export function startFreshnessProbe(options: {
  baseUrl: string;
  paths: string[];
  intervalMs: number;
}): {
  stop(): Promise<{
    samples: number;
    pending: number;
    maxPendingAgeMs: number;
  }>;
} {
  const worker = new Worker(PROBE_WORKER_SOURCE, {
    eval: true,
    workerData: { ...options, token: BENCH_TOKEN },
  });
  const result = new Promise<{
    samples: number;
    pending: number;
    maxPendingAgeMs: number;
  }>((resolve, reject) => {
    worker.once('message', message => {
      worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', reject);
  });
  return {
    stop() {
      worker.postMessage('stop');
      return result;
    },
  };
}

/** GET of the plugin's API as the bench's service. */
export async function benchGet(baseUrl: string, path: string): Promise<any> {
  const response = await fetch(baseUrl + path, {
    headers: { authorization: `Bearer ${BENCH_TOKEN}` },
  });
  if (!response.ok) {
    throw new Error(`GET ${path} answered ${response.status}`);
  }
  return response.json();
}

/**
 * One GET by one client, printed as the `api` step's first request of `query` (for
 * views that are computed once and then served from a cache).
 */
export async function measureFirstRequest(options: {
  baseUrl: string;
  db: string;
  path: string;
  query: string;
}): Promise<number> {
  const first = await runHttpLoad({
    baseUrl: options.baseUrl,
    requests: [{ method: 'GET', path: options.path }],
    concurrency: 1,
    expectStatus: 200,
  });
  const ms = round(first.latencies[0]);
  console.log(
    JSON.stringify({ step: 'api', db: options.db, query: options.query, ms }),
  );
  return ms;
}

/**
 * `requests` GETs by 4 clients after 20 to warm up, the i-th to `path(i)`; prints the
 * `api` step's latency summary and throughput of `query`, and answers the summary.
 */
/** Requests before each measured query load: see `measureQueryLoad`. */
const WARMUP_REQUESTS = 200;

export async function measureQueryLoad(options: {
  baseUrl: string;
  db: string;
  query: string;
  path: (i: number) => string;
  requests: number;
}): Promise<ReturnType<typeof summarise>> {
  const { baseUrl, db, query, path, requests } = options;
  const load = (from: number, count: number) =>
    runHttpLoad({
      baseUrl,
      requests: Array.from({ length: count }, (_, i) => ({
        method: 'GET' as const,
        path: path(from + i),
      })),
      concurrency: 4,
      expectStatus: 200,
    });
  // A backend that has served a while, warmed up as bench/query.ts warms it (before: 20
  // requests, and the first measured ones ran before V8 had optimised the request path).
  await load(0, WARMUP_REQUESTS);
  // The clients run in a worker: the main thread's CPU time is the backend's own work.
  const cpuBefore = process.threadCpuUsage();
  const { latencies, seconds } = await load(WARMUP_REQUESTS, requests);
  const cpu = process.threadCpuUsage(cpuBefore);
  const summary = summarise(latencies);
  console.log(
    JSON.stringify({
      step: 'api',
      db,
      query,
      clients: 4,
      ...summary,
      requestsPerSecond: round(requests / seconds, 0),
      backendCpuMsPerRequest: round(
        (cpu.user + cpu.system) / 1000 / requests,
        2,
      ),
    }),
  );
  return summary;
}
