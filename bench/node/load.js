#!/usr/bin/env node
// Tandem's Node load tool: the Colyseus peer scenario measured from one Node process, like the harness's load.js.
//
// Each of the N clients is Tandem's browser client (BrowserClient, compiled by TeaVM from the same Java as the page
// bundle; dev.tandem.bench.node.NodeLoadBundle) over the `ws` package's WebSocket: every change is decoded and applied
// to a real World replica and counted when the entity's change event fires. One more client, not counted, drives the
// server through the Control model. Prints one JSON line with the same fields as the JVM LoadTool.
//
//   node bench/node/load.js --port 2567 --clients 100 --E 10 --R 100 --warmup 2 --duration 8 --serverPid PID
//        [--out result.json] [--hardLimit 35] [--bundle bench/target/node/tandem-load.js]
//
// Needs `npm ci` in bench/node (the ws package) and the bundle from `mvn -B -q package -DskipTests -pl bench -am`.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// ---------------------------------------------------------------------------------------------------------- limits
/** Joins in flight at once, as in the harness and the JVM load tool. */
const JOIN_CONCURRENCY = 50;
/** How long one client may take to receive its initial state. */
const JOIN_TIMEOUT_MS = 10_000;
/** How long a control command may take to be answered. */
const COMMAND_TIMEOUT_MS = 30_000;
/** Pause after the last join, so the server's RSS and heap with idle clients settle. */
const IDLE_SETTLE_MS = 1_500;
/** Error messages kept in the result. */
const MAX_ERROR_SAMPLES = 5;
/** Linux USER_HZ: clock ticks per second in /proc/PID/stat. */
const TICKS_PER_SECOND = 100;
/** The tail of a sync flush, which permessage-deflate does not send (RFC 7692). */
const SYNC_FLUSH_TAIL = 4;

// ------------------------------------------------------------------------------------------------------- arguments
function arg(name, fallback) {
  const i = process.argv.indexOf('--' + name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const PORT = parseInt(arg('port', '2567'), 10);
const N = parseInt(arg('clients', '10'), 10);
const E = parseInt(arg('E', '10'), 10);
const R = parseFloat(arg('R', '20'));
const WARMUP_S = parseFloat(arg('warmup', '2'));
const DURATION_S = parseFloat(arg('duration', '8'));
const SERVER_PID = parseInt(arg('serverPid', '-1'), 10);
const OUT = arg('out', null);
const HARD_LIMIT_S = parseFloat(arg('hardLimit', '40'));
const BUNDLE = path.resolve(arg('bundle', path.join(__dirname, '..', 'target', 'node', 'tandem-load.js')));
const URL = `ws://127.0.0.1:${PORT}/ws?batch=1`;

const errors = [];
function error(message) {
  errors.push(message);
}

function finish(result, code) {
  const line = JSON.stringify(result);
  console.log(line);
  if (OUT) fs.writeFileSync(OUT, line + '\n');
  process.exit(code);
}

// Hard bound: the process always ends by itself.
setTimeout(() => {
  console.error('load: hard limit reached');
  finish({ system: 'tandem', loadTool: 'node', clients: N, E, R, aborted: true, errors: errors.length + 1,
    errorSamples: ['hard limit reached'].concat(errors.slice(0, MAX_ERROR_SAMPLES - 1)) }, 2);
}, HARD_LIMIT_S * 1000).unref();

// ----------------------------------------------------------------------------------------------- the WebSocket shim
// The TeaVM client uses the browser's global WebSocket; here it is the ws package's, without permessage-deflate
// (the JVM load tool cannot offer it either, and Colyseus's server has it off), counting frames and payload bytes
// of the counted clients while measuring, and keeping the first client's frames for the deflate estimate.
const WS = require(path.join(__dirname, 'node_modules', 'ws'));
const counters = { measuring: false, frames: 0, bytes: 0, firstClientFrames: [] };
let nextSocketRole = 'controller';

class LoadWebSocket extends WS {
  constructor(url, protocols) {
    super(url, protocols, { perMessageDeflate: false });
    const role = nextSocketRole;
    if (role === 'controller') return;
    this.addEventListener('message', (event) => {
      if (!counters.measuring) return;
      const bytes = Buffer.byteLength(event.data, 'utf8');
      counters.frames++;
      counters.bytes += bytes;
      if (role === 'first') counters.firstClientFrames.push(event.data);
    });
  }
}
globalThis.WebSocket = LoadWebSocket;

if (!fs.existsSync(BUNDLE)) {
  console.error(`load: ${BUNDLE} not found; build it with: mvn -B -q package -DskipTests -pl bench -am`);
  process.exit(1);
}
const tandem = require(BUNDLE);

// ------------------------------------------------------------------------------------------------------- utilities
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function rssKiB(pid) {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? parseInt(match[1], 10) : -1;
  } catch (e) {
    return -1;
  }
}

function cpuTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return parseInt(fields[11], 10) + parseInt(fields[12], 10); // utime + stime
  } catch (e) {
    return -1;
  }
}

function round(value, digits) {
  if (value == null || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Connects one client; resolves with it once its initial state is applied. */
function join(role) {
  nextSocketRole = role;
  const client = tandem.connect(URL, role !== 'controller');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no initial state within ${JOIN_TIMEOUT_MS} ms (${client.status()})`)),
      JOIN_TIMEOUT_MS);
    client.ready(() => {
      clearTimeout(timer);
      resolve(client);
    });
  });
}

/** Sets attributes of the server's Control model through the controller; resolves when the server acknowledged. */
function control(controller, changes) {
  const id = controller.childId(controller.rootId(), 'control');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('control command not answered')), COMMAND_TIMEOUT_MS);
    controller.set(id, changes, (code, message) => {
      clearTimeout(timer);
      if (code) reject(new Error(`control command refused: ${code} ${message}`));
      else resolve(controller.attributes(id));
    });
  });
}

let heapRequest = 0;
/** Asks the server for a full GC and its live heap; bytes, or -1. */
async function heapSample(controller) {
  const request = ++heapRequest;
  const attrs = await control(controller, { heapSampleRequest: request });
  return attrs.heapSample === request ? attrs.heapUsedBytes : -1;
}

/** What the first client's frames weigh with permessage-deflate: one raw DEFLATE stream, a sync flush per message. */
async function deflatedBytes(frames) {
  const deflate = zlib.createDeflateRaw();
  let produced = 0;
  deflate.on('data', (chunk) => { produced += chunk.length; });
  let total = 0;
  for (const frame of frames) {
    const before = produced;
    deflate.write(Buffer.from(frame, 'utf8'));
    await new Promise((resolve) => deflate.flush(zlib.constants.Z_SYNC_FLUSH, resolve));
    total += produced - before - SYNC_FLUSH_TAIL;
  }
  deflate.close();
  return total;
}

// ------------------------------------------------------------------------------------------------------------ main
async function main() {
  const controller = await join('controller');
  const rssBefore = rssKiB(SERVER_PID);
  const heapBefore = await heapSample(controller);

  const connectStart = performance.now();
  const clients = [];
  let next = 0;
  async function joiner() {
    while (next < N) {
      const role = next === 0 ? 'first' : 'counted';
      next++;
      try {
        clients.push(await join(role));
      } catch (e) {
        error('join: ' + e.message);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(JOIN_CONCURRENCY, N) }, joiner));
  const connectMs = Math.round(performance.now() - connectStart);
  await sleep(IDLE_SETTLE_MS);
  let fullState = 0;
  for (const client of clients) {
    if (client.members(client.collectionId(client.rootId(), 'entities')).length === 100) fullState++;
  }
  const rssIdle = rssKiB(SERVER_PID);
  const heapIdle = await heapSample(controller);

  await control(controller, { e: E, r: R, running: true });
  await sleep(WARMUP_S * 1000);

  const serverTicks0 = cpuTicks(SERVER_PID);
  const loadTicks0 = cpuTicks(process.pid);
  const window0 = performance.now();
  counters.measuring = true;
  tandem.startWindow();
  let rssMax = 0;
  const windowEnd = window0 + DURATION_S * 1000;
  while (performance.now() < windowEnd) {
    await sleep(Math.min(1000, Math.max(1, windowEnd - performance.now())));
    rssMax = Math.max(rssMax, rssKiB(SERVER_PID));
  }
  tandem.endWindow();
  counters.measuring = false;
  const windowS = (performance.now() - window0) / 1000;
  const serverTicks1 = cpuTicks(SERVER_PID);
  const loadTicks1 = cpuTicks(process.pid);
  const rssLoad = rssKiB(SERVER_PID);

  const stopped = await control(controller, { running: false });
  const heapLoad = await heapSample(controller);
  const steps = stopped.steps;
  const stepsPerS = stopped.elapsedMs > 0 ? steps / (stopped.elapsedMs / 1000) : 0;
  const updates = tandem.updates();
  const joined = clients.length;
  // The first client's entity updates in its kept frames (the deflate estimate is per update of that client).
  let firstClientUpdates = 0;
  for (const frame of counters.firstClientFrames) {
    const parsed = JSON.parse(frame);
    for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
      if (message.event === 'change' && message.attrs && message.attrs.ts !== undefined) firstClientUpdates++;
    }
  }
  const deflated = await deflatedBytes(counters.firstClientFrames);

  try {
    await control(controller, { shutdown: true });
  } catch (e) {
    // the server exits right after answering; a lost answer does not matter
  }

  finish({
    system: 'tandem', loadTool: 'node', clients: N, joined, fullState, E, R, patchRate: 'immediate', connectMs,
    windowS: round(windowS, 3), serverStepsPerS: round(stepsPerS, 2), serverStepLateMaxMs: round(stopped.lateMaxMs, 2),
    offeredEntityUpdatesPerS: Math.round(stepsPerS * E * joined),
    deliveredEntityUpdatesPerS: Math.round(updates / windowS),
    latencyMs: {
      p50: round(tandem.latencyPercentileMs(0.5), 3), p99: round(tandem.latencyPercentileMs(0.99), 3),
      max: round(tandem.latencyMaxMs(), 3), samples: tandem.latencySamples(), negativeClamped: tandem.latencyNegative(),
    },
    bytesPerClientPerS: Math.round(counters.bytes / windowS / Math.max(1, joined)),
    bytesPerClientPerSInclWsHeader: Math.round((counters.bytes + counters.frames * 2) / windowS / Math.max(1, joined)),
    deflatedBytesPerClientPerS: Math.round(deflated / windowS),
    bytesPerUpdate: updates === 0 ? null : round(counters.bytes / updates, 1),
    deflatedBytesPerUpdate: firstClientUpdates === 0 ? null : round(deflated / firstClientUpdates, 1),
    framesPerClientPerS: round(counters.frames / windowS / Math.max(1, joined), 1),
    avgFrameBytes: counters.frames === 0 ? null : round(counters.bytes / counters.frames, 1),
    serverRssKiB: { beforeClients: rssBefore, idleClients: rssIdle, underLoadEnd: rssLoad, underLoadMax: rssMax },
    rssPerIdleClientKiB: round((rssIdle - rssBefore) / Math.max(1, joined), 1),
    serverHeapKiB: {
      beforeClients: Math.floor(heapBefore / 1024), idleClients: Math.floor(heapIdle / 1024),
      underLoadEnd: Math.floor(heapLoad / 1024),
    },
    heapPerIdleClientKiB: round((heapIdle - heapBefore) / 1024 / Math.max(1, joined), 2),
    cpuPctInWindow: {
      server: round((serverTicks1 - serverTicks0) * 100 / TICKS_PER_SECOND / windowS, 1),
      load: round((loadTicks1 - loadTicks0) * 100 / TICKS_PER_SECOND / windowS, 1),
    },
    loadRssKiB: rssKiB(process.pid),
    errors: errors.length,
    errorSamples: errors.slice(0, MAX_ERROR_SAMPLES),
  }, 0);
}

main().catch((e) => {
  error(e.stack || String(e));
  finish({ system: 'tandem', loadTool: 'node', clients: N, E, R, aborted: true, errors: errors.length,
    errorSamples: errors.slice(0, MAX_ERROR_SAMPLES) }, 1);
});
