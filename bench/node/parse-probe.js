#!/usr/bin/env node
// A diagnostic client for the Tandem bench server: N plain `ws` connections that only JSON.parse each frame (no model,
// no replica) and measure latency against each change's `ts`. It shows what the server and the transport cost when
// the load side is as cheap as it gets; it is not the load tool (bench/node/load.js and LoadTool apply every change).
//
//   node bench/node/parse-probe.js PORT N E R WARMUP_S DURATION_S
'use strict';
const path = require('path');
const WebSocket = require(path.join(__dirname, 'node_modules', 'ws'));

const [port, N, E, R, warmupS, durationS] = process.argv.slice(2).map(Number);
if (!(port > 0 && N > 0 && E > 0 && R > 0 && warmupS >= 0 && durationS > 0)) {
  console.error('usage: node bench/node/parse-probe.js PORT N E R WARMUP_S DURATION_S');
  process.exit(64);
}
const nowMs = () => performance.timeOrigin + performance.now();
const latencies = [];
let measuring = false;
let joined = 0;

/** One connection; {@code onInitial(ws, message)} runs when its initial state arrives. */
function connect(onInitial) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?batch=1`, { perMessageDeflate: false });
  ws.on('message', (data) => {
    const parsed = JSON.parse(data.toString());
    const now = nowMs();
    for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
      if (message.event === 'initial') onInitial(ws, message);
      else if (measuring && message.event === 'change' && message.attrs.ts !== undefined) latencies.push(now - message.attrs.ts);
    }
  });
  ws.on('error', (e) => { console.error('probe:', e.message); process.exit(1); });
}

for (let i = 0; i < N; i++) connect(() => { joined++; });
connect((controller, initial) => {
  const control = initial.data.models.control.id;
  const set = (ref, change) => controller.send(JSON.stringify({ event: 'set', ref, id: control, change }));
  const waitForJoins = setInterval(() => {
    if (joined < N) return;
    clearInterval(waitForJoins);
    set(1, { e: E, r: R, running: true });
    setTimeout(() => {
      measuring = true;
      setTimeout(() => {
        measuring = false;
        latencies.sort((a, b) => a - b);
        const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
        console.log(`parse-probe N=${N} E=${E} R=${R}: delivered/s ${Math.round(latencies.length / durationS)}`
          + ` p50 ${at(0.5)} p90 ${at(0.9)} p99 ${at(0.99)} max ${latencies[latencies.length - 1].toFixed(2)} ms`);
        set(2, { shutdown: true });
        setTimeout(() => process.exit(0), 300);
      }, durationS * 1000);
    }, warmupS * 1000);
  }, 100);
});
