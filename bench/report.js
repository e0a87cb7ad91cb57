#!/usr/bin/env node
// Builds docs/benchmarks.md from the raw results of bench/run-benchmarks.sh. Plain Node (>= 18), no dependencies.
//
//   node bench/report.js [rawDir] [outFile]
//     rawDir   default bench/results/raw   (files <system>_<mode>_n<N>_e<E>_r<R>.json, idle_tandem.json,
//                                           run-meta.json written by run-benchmarks.sh)
//     outFile  default docs/benchmarks.md
//   COLYSEUS_DIR (env): the npm-installed Colyseus harness copy, for package versions.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const RAW = path.resolve(process.argv[2] || path.join(ROOT, 'bench', 'results', 'raw'));
const OUT = path.resolve(process.argv[3] || path.join(ROOT, 'docs', 'benchmarks.md'));

// ---------------------------------------------------------------------------------------------------------------
// Inputs

const ALL_SYSTEMS = [
  { key: 'tandem_immediate', label: 'Tandem', short: 'Tandem' },
  { key: 'colyseus_immediate', label: 'Colyseus immediate', short: 'Col-imm' },
  { key: 'colyseus_50ms', label: 'Colyseus 50 ms', short: 'Col-50' },
  { key: 'tandem_nodeload', label: 'Tandem, Node load tool', short: 'Tandem-node' },
  { key: 'tandem_50ms', label: 'Tandem 50 ms window', short: 'Tandem-50' },
];
const OPTIONAL_SYSTEMS = ['tandem_nodeload', 'tandem_50ms'];
const FULL = { N: [10, 100, 500], E: [1, 10, 100], R: [20, 100] };
const HEADLINE = { N: 100, E: 10, R: 100 };
const SATURATED_PCT = 95;

const readJson = (file) => {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return null; }
};

const runs = new Map(); // "<system>_<mode>|N|E|R" -> result
const unreadable = [];
const files = fs.existsSync(RAW) ? fs.readdirSync(RAW).sort() : [];
for (const f of files) {
  const m = /^([a-z]+_[a-z0-9]+)_n(\d+)_e(\d+)_r(\d+)\.json$/.exec(f);
  if (!m) continue;
  const r = readJson(path.join(RAW, f));
  if (!r) { unreadable.push(f); continue; }
  r.file = f;
  runs.set(`${m[1]}|${m[2]}|${m[3]}|${m[4]}`, r);
}
const get = (sys, N, E, R) => runs.get(`${sys}|${N}|${E}|${R}`) || null;
// The optional rows (Node load tool, Tandem with a coalescing window) only when that system was run.
const SYSTEMS = ALL_SYSTEMS.filter((s) => !OPTIONAL_SYSTEMS.includes(s.key) || [...runs.keys()].some((k) => k.startsWith(s.key + '|')));
const meta = readJson(path.join(RAW, 'run-meta.json'));
// Cells run several times (`run-benchmarks.sh headline` / `repeat`): raw/<dir>/<system>_<mode>_n<N>_e<E>_r<R>_run<K>.json
const readRepeated = (dir) => { // cell key "N|E|R" -> Map(system key -> [result])
  const byCell = new Map();
  for (const f of fs.existsSync(path.join(RAW, dir)) ? fs.readdirSync(path.join(RAW, dir)).sort() : []) {
    const m = /^([a-z]+_[a-z0-9]+)_n(\d+)_e(\d+)_r(\d+)_run(\d+)\.json$/.exec(f);
    if (!m) continue;
    const r = readJson(path.join(RAW, dir, f));
    if (!r) { unreadable.push(dir + '/' + f); continue; }
    const key = `${m[2]}|${m[3]}|${m[4]}`;
    if (!byCell.has(key)) byCell.set(key, new Map());
    const bySystem = byCell.get(key);
    if (!bySystem.has(m[1])) bySystem.set(m[1], []);
    bySystem.get(m[1]).push(r);
  }
  return byCell;
};
const repeated = readRepeated('headline').get(`${HEADLINE.N}|${HEADLINE.E}|${HEADLINE.R}`) || new Map(); // system key -> [result]
const repeatedCells = readRepeated('repeat');
const mtimes = [...runs.values()].map((r) => fs.statSync(path.join(RAW, r.file)).mtime).sort((a, b) => a - b);
const idle = readJson(path.join(RAW, 'idle_tandem.json'));

// Cells: the full matrix, plus any other cell that has a result (e.g. a custom NS/ES/RS run).
const cellKey = (c) => `${c.N}|${c.E}|${c.R}`;
const cells = new Map();
for (const N of FULL.N) for (const E of FULL.E) for (const R of FULL.R) cells.set(cellKey({ N, E, R }), { N, E, R });
for (const k of runs.keys()) {
  const [, N, E, R] = k.split('|').map(Number);
  cells.set(cellKey({ N, E, R }), { N, E, R });
}
const cellList = [...cells.values()].sort((a, b) => a.N - b.N || a.E - b.E || a.R - b.R);
const ranCells = cellList.filter((c) => SYSTEMS.some((s) => get(s.key, c.N, c.E, c.R)));

// ---------------------------------------------------------------------------------------------------------------
// Environment

const sh = (cmd) => { try { return execSync(cmd, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 20000 }).toString().trim(); } catch (e) { return (e.stdout || '').toString().trim() || null; } };
const shAll = (cmd) => { try { return execSync(`${cmd} 2>&1`, { timeout: 20000 }).toString().trim(); } catch { return null; } };
const readText = (f) => { try { return fs.readFileSync(f, 'utf8'); } catch { return ''; } };

function machine() {
  const cpuinfo = readText('/proc/cpuinfo');
  const model = (/^model name\s*:\s*(.*)$/m.exec(cpuinfo) || [])[1] || (os.cpus()[0] || {}).model || 'unknown';
  const memKiB = Number((/^MemTotal:\s+(\d+) kB/m.exec(readText('/proc/meminfo')) || [])[1]) || os.totalmem() / 1024;
  return {
    nproc: sh('nproc') || String(os.cpus().length),
    model,
    mem: `${(memKiB / 1048576).toFixed(1)} GiB`,
    kernel: sh('uname -srm') || `${os.type()} ${os.release()}`,
  };
}

const COLYSEUS_PKGS = ['@colyseus/core', '@colyseus/ws-transport', '@colyseus/schema', 'colyseus.js', 'ws'];
function colyseusVersions() {
  const dirs = [process.env.COLYSEUS_DIR, meta && meta.colyseusDir, path.join(os.tmpdir(), 'tandem-bench-colyseus'),
    '/tmp/tandem-bench-colyseus', '/tmp/colyseus-peer', path.join(ROOT, '..', 'shared', 'peers', 'colyseus')].filter(Boolean);
  for (const d of dirs) {
    const lock = readJson(path.join(d, 'package-lock.json'));
    const installed = fs.existsSync(path.join(d, 'node_modules'));
    if (!lock && !installed) continue;
    const v = {};
    for (const p of COLYSEUS_PKGS) {
      const pj = readJson(path.join(d, 'node_modules', p, 'package.json'));
      v[p] = pj ? pj.version : (lock && lock.packages && lock.packages[`node_modules/${p}`] || {}).version || 'n/a';
    }
    return { dir: d, source: installed ? 'node_modules' : 'package-lock.json', versions: v };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

const isNum = (x) => typeof x === 'number' && Number.isFinite(x);
const fmt = (x, d = 1) => (isNum(x) ? x.toFixed(d) : '–');
const int = (x) => (isNum(x) ? Math.round(x).toLocaleString('en-US') : '–');
const ms = (x) => (isNum(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US')) : '–');
const mib = (k) => (isNum(k) ? (k / 1024).toFixed(1) : '–');
const ratio = (a, b) => (isNum(a) && isNum(b) && b > 0 ? a / b : null);
const fmtRatio = (x) => (x == null ? '–' : `${x < 0.1 ? x.toFixed(3) : x.toFixed(2)}×`);
const failed = (r) => r && r.aborted && r.deliveredEntityUpdatesPerS == null;
const errText = (r) => (r.errorSamples && r.errorSamples.length ? r.errorSamples.map((s) => String(s).replace(/\|/g, '\\|').slice(0, 160)).join('; ') : '');
const cpu = (r, side) => (r && r.cpuPctInWindow ? r.cpuPctInWindow[side] : null);
const p99 = (r) => (r && !failed(r) && r.latencyMs ? r.latencyMs.p99 : null);
const delivered = (r) => (r && !failed(r) ? r.deliveredEntityUpdatesPerS : null);
const cellName = (c) => `N=${c.N}, E=${c.E}, R=${c.R}`;
const median = (xs) => { const v = xs.filter(isNum).sort((a, b) => a - b); return v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : NaN; };
const range = (xs) => { const v = xs.filter(isNum); return v.length ? `${ms(Math.min(...v))}–${ms(Math.max(...v))}` : ''; };

// One table of a cell run several times: a row per system with medians and ranges; returns the median p99 per system.
function repeatedTable(bySystem) {
  P('| system | runs | p50 ms median (range) | p99 ms median (range) | delivered/s median | CPU % server / load, median | errors |');
  P('|---|---:|---:|---:|---:|---:|---:|');
  const medianP99 = {};
  for (const sys of ALL_SYSTEMS) {
    if (!bySystem.has(sys.key)) continue;
    const all = bySystem.get(sys.key), rs = all.filter((r) => !failed(r));
    const p50s = rs.map((r) => r.latencyMs.p50), p99s = rs.map((r) => r.latencyMs.p99);
    medianP99[sys.key] = median(p99s);
    const failures = all.length - rs.length;
    P(`| ${sys.label} | ${all.length}${failures ? ` (${failures} failed)` : ''} | ${ms(median(p50s))} (${range(p50s)}) | ${ms(median(p99s))} (${range(p99s)}) | ${int(median(rs.map(delivered)))}`
      + ` | ${fmt(median(rs.map((r) => cpu(r, 'server'))), 0)} / ${fmt(median(rs.map((r) => cpu(r, 'load'))), 0)} | ${all.reduce((n, r) => n + (r.errors || 0), 0)} |`);
  }
  P();
  return medianP99;
}

function saturation(c) {
  const out = [];
  for (const s of SYSTEMS) {
    const r = get(s.key, c.N, c.E, c.R);
    if (!r || failed(r)) continue;
    const l = cpu(r, 'load'), v = cpu(r, 'server');
    if (isNum(l) && l >= SATURATED_PCT) out.push(`${s.short} load ${Math.round(l)}%`);
    if (isNum(v) && v >= SATURATED_PCT) out.push(`${s.short} server ${Math.round(v)}%`);
  }
  return out;
}
const problems = (r) => (r && !failed(r) && (r.errors > 0 || r.aborted || (isNum(r.joined) && r.joined < r.clients)));

// ---------------------------------------------------------------------------------------------------------------
// Document

const L = [];
const P = (s = '') => L.push(s);
const now = new Date();
const mach = machine();
const col = colyseusVersions();
const javaVersion = shAll('java -version');
const nodeVersion = sh('node -v') || process.version;

P('# Benchmarks: Tandem vs Colyseus');
P();
P(`Generated ${now.toISOString().replace(/\.\d+Z$/, 'Z')} by \`node bench/report.js\` from \`${path.relative(ROOT, RAW) || RAW}\``
  + (meta ? ` (written by \`bench/run-benchmarks.sh ${meta.mode}\`, ${meta.startedAt} – ${meta.finishedAt}, commit \`${String(meta.gitCommit).slice(0, 12)}\`${meta.gitDirty ? ' with uncommitted changes' : ''})` : '') + '.');
if (mtimes.length) {
  const d = (t) => t.toISOString().replace(/\.\d+Z$/, 'Z');
  P();
  P(`Raw results: ${runs.size} runs, files dated ${d(mtimes[0])} – ${d(mtimes[mtimes.length - 1])}.`);
}
P();
P('The scenario is the Colyseus peer benchmark (`shared/peers/colyseus/README.md`), ported exactly: one room/model with 100 entities'
  + ' `{id, x, y, ts}`; the server mutates E entities per step at R steps/s (round-robin, all with the step\'s wall-clock `ts`);'
  + ' N clients on one load process receive every change; latency = client clock at the callback − `ts` (same machine, same clock).'
  + ` Each run: ${(meta && meta.warmupS) || 2} s warm-up, then an ${(meta && meta.durationS) || 8} s measurement window. One run per cell in the matrix`
  + (repeated.size || repeatedCells.size ? '; ' + (repeatedCells.size ? 'the headline cell and the cells under "Cells repeated" were' : 'the headline cell was') + ' also run several times per system.' : ', no repetitions.'));
P();
P('Contents: [headline](#headline-n100-e10-r100) · [ratios](#ratios)' + (repeatedCells.size ? ' · [cells repeated](#cells-repeated)' : '') + ' · [results by cell](#results-by-cell) · [idle memory](#idle-memory)'
  + ' · [environment](#environment) · [command lines](#command-lines) · [caveats](#caveats)');
P();

// Headline
P(`## Headline: N=${HEADLINE.N}, E=${HEADLINE.E}, R=${HEADLINE.R}`);
P();
P('Target: Tandem p99 latency ≤ 1/5 of Colyseus with its default patchRate (50 ms), and ≤ Colyseus sending a patch after every step (immediate).');
P();
{
  const c = HEADLINE;
  const t = get('tandem_immediate', c.N, c.E, c.R), ci = get('colyseus_immediate', c.N, c.E, c.R), c5 = get('colyseus_50ms', c.N, c.E, c.R);
  const tp = p99(t), ip = p99(ci), fp = p99(c5);
  const line = (label, r) => `| ${label} | ${!r ? 'not run' : failed(r) ? 'failed' : `${ms(r.latencyMs.p50)}`} | ${r && !failed(r) ? ms(r.latencyMs.p99) : ''} | ${r && !failed(r) ? ms(r.latencyMs.max) : ''} | ${r && !failed(r) ? int(r.deliveredEntityUpdatesPerS) : ''} | ${r && !failed(r) ? `${fmt(cpu(r, 'server'), 0)} / ${fmt(cpu(r, 'load'), 0)}` : ''} | ${r ? (r.errors || 0) : ''} |`;
  P('| system | p50 ms | p99 ms | max ms | delivered/s | CPU % server / load | errors |');
  P('|---|---:|---:|---:|---:|---:|---:|');
  P(line('Tandem', t));
  P(line('Colyseus immediate', ci));
  P(line('Colyseus 50 ms', c5));
  P();
  if (isNum(tp) && (isNum(fp) || isNum(ip))) {
    const a = isNum(fp) ? tp <= fp / 5 : null;
    const b = isNum(ip) ? tp <= ip : null;
    const verdict = a === true && b === true ? '**MET**' : a === false || b === false ? '**MISSED**' : '**incomplete**';
    P(`Result: ${verdict}.`);
    P();
    P(`- Tandem p99 ${ms(tp)} ms vs 1/5 of Colyseus-50 p99 (${isNum(fp) ? `${ms(fp)} / 5 = ${ms(fp / 5)} ms` : 'not run'}): `
      + (a == null ? 'not measured' : a ? `met (${fmtRatio(tp / fp)} of Colyseus-50)` : `missed (${fmtRatio(tp / fp)} of Colyseus-50; needs ≤ 0.20×)`) + '.');
    P(`- Tandem p99 ${ms(tp)} ms vs Colyseus-immediate p99 (${isNum(ip) ? `${ms(ip)} ms` : 'not run'}): `
      + (b == null ? 'not measured' : b ? `met (${fmtRatio(tp / ip)})` : `missed (${fmtRatio(tp / ip)})`) + '.');
    const sat = saturation(c);
    if (sat.length) P(`- Saturated (CPU ≥ ${SATURATED_PCT}%): ${sat.join(', ')}; latency there is bounded by that process, not by the system under test.`);
    for (const [label, r] of [['Tandem', t], ['Colyseus immediate', ci], ['Colyseus 50 ms', c5]]) {
      if (problems(r)) P(`- ${label}: ${r.errors} error(s), joined ${r.joined}/${r.clients}${r.aborted ? ', aborted' : ''}: ${errText(r)}`);
    }
  } else {
    P(`Result: **not measured** (${!t ? 'Tandem not run' : failed(t) ? `Tandem run failed: ${errText(t)}` : 'Colyseus not run'}).`);
  }
  P();
}

// Headline, repeated
if (repeated.size) {
  P('### The headline cell, repeated');
  P();
  const runs0 = [...repeated.values()][0];
  P(`One run of one cell says little about a p99, so \`bench/run-benchmarks.sh headline\` runs this cell ${runs0.length} times per system,`
    + ' alternating systems run by run (same warm-up and window as the matrix). Median, and the range over the runs:');
  P();
  const medianP99 = repeatedTable(repeated);
  const t = medianP99.tandem_immediate, ci = medianP99.colyseus_immediate, c5 = medianP99.colyseus_50ms;
  if (isNum(t)) {
    if (isNum(c5)) P(`- Median p99, Tandem ÷ Colyseus 50 ms: ${fmtRatio(t / c5)} (target ≤ 0.20×: ${t <= c5 / 5 ? 'met' : 'missed'}).`);
    if (isNum(ci)) P(`- Median p99, Tandem ÷ Colyseus immediate: ${fmtRatio(t / ci)} (target ≤ 1×: ${t <= ci ? 'met' : 'missed'}).`);
    P();
  }
}

// Ratios
P('## Ratios');
P();
P(`Per cell: Tandem p99 ÷ Colyseus p99 (below 1× = Tandem lower), Tandem delivered/s ÷ Colyseus-immediate delivered/s (1× = same).`
  + ` "saturated" lists every process with CPU ≥ ${SATURATED_PCT}% of its core in the window (Col-imm = Colyseus immediate, Col-50 = Colyseus 50 ms);`
  + ' in such cells the saturated process, not the system under test, sets latency and throughput.');
P();
P('| N | E | R | Tandem p99 ÷ Col-imm p99 | Tandem p99 ÷ Col-50 p99 | Tandem delivered ÷ Col-imm delivered | saturated | errors |');
P('|---:|---:|---:|---:|---:|---:|---|---|');
for (const c of ranCells) {
  const t = get('tandem_immediate', c.N, c.E, c.R), ci = get('colyseus_immediate', c.N, c.E, c.R), c5 = get('colyseus_50ms', c.N, c.E, c.R);
  const rr = (a, b, fa, fb) => (!a ? 'Tandem not run' : failed(a) ? 'Tandem failed' : !b ? `${fb} not run` : failed(b) ? `${fb} failed` : fmtRatio(ratio(fa(a), fa(b))));
  const errs = SYSTEMS.map((s) => [s.short, get(s.key, c.N, c.E, c.R)]).filter(([, r]) => r && (r.errors > 0 || failed(r))).map(([n, r]) => `${n}: ${failed(r) ? 'failed' : r.errors}`);
  P(`| ${c.N} | ${c.E} | ${c.R} | ${rr(t, ci, p99, 'Col-imm')} | ${rr(t, c5, p99, 'Col-50')} | ${rr(t, ci, delivered, 'Col-imm')} | ${saturation(c).join(', ')} | ${errs.join(', ')} |`);
}
if (!ranCells.length) P('| | | | not run | not run | not run | | |');
{
  const notRun = cellList.filter((c) => !ranCells.includes(c));
  if (notRun.length) { P(); P(`Not run: ${notRun.map((c) => `N=${c.N} E=${c.E} R=${c.R}`).join(', ')}.`); }
}
P();

// Cells repeated
if (repeatedCells.size) {
  P('## Cells repeated');
  P();
  P(`Cells run again by \`bench/run-benchmarks.sh repeat\`, each several times per system, alternating systems run by run (same warm-up and`
    + ' window as the matrix; by default the unsaturated cells where one matrix run had Tandem\'s p99 above Colyseus immediate\'s).'
    + ' A single run\'s p99 moves by more than the difference between the systems in some cells; the median over runs says which side is lower.'
    + ' Median, and the range over the runs:');
  P();
  const rows = [];
  const byCell = (a, b) => { const [x, y] = [a[0], b[0]].map((k) => k.split('|').map(Number)); return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; };
  for (const [key, bySystem] of [...repeatedCells.entries()].sort(byCell)) {
    const [N, E, R] = key.split('|').map(Number);
    P(`### ${cellName({ N, E, R })}`);
    P();
    const m = repeatedTable(bySystem);
    rows.push({ N, E, R, t: m.tandem_immediate, ci: m.colyseus_immediate });
  }
  P('| N | E | R | median p99, Tandem ÷ Colyseus immediate | lower |');
  P('|---:|---:|---:|---:|---|');
  for (const c of rows.sort((a, b) => a.N - b.N || a.E - b.E || a.R - b.R)) {
    const q = ratio(c.t, c.ci);
    P(`| ${c.N} | ${c.E} | ${c.R} | ${fmtRatio(q)} | ${q == null ? '–' : q < 1 ? 'Tandem' : q > 1 ? 'Colyseus immediate' : 'tie'} |`);
  }
  P();
}

// Results by cell
P('## Results by cell');
P();
P('One table per client count N; per cell (E entities changed per step, R steps/s) one row per system. Columns:');
P();
P('- **delivered/s**: entity updates received per second, summed over all clients (one update = one entity change seen by one client);'
  + ' **of offered**: delivered ÷ (steps/s the server achieved × E × joined clients). Below 1 means changes were coalesced (Colyseus 50 ms, when an entity changes twice between patches) or lost/late.');
P('- **p50 / p99 / max**: one-way latency in ms, server write (`ts`) to the client callback, including the wait for the next patch, encode, loopback, decode and queueing in both processes.');
P('- **B/cl/s**: WebSocket payload bytes received per client per second (frame headers not included); **fr/cl/s**: frames per client per second.');
P('- **CPU % srv / load**: CPU time ÷ wall time in the window (100 = one full core); each process is pinned to one core.');
P('- **RSS MiB before / idle / load**: server resident memory before any client, with N idle clients after the full state was sent, and the maximum under load.');
P('- **KiB/idle cl**: (idle RSS − RSS before) ÷ N; for Tandem also the live Java heap after GC per idle client (heap). Rough, noisy at N = 10.');
P();
for (const N of [...new Set(cellList.map((c) => c.N))]) {
  const group = cellList.filter((c) => c.N === N);
  P(`### N = ${N} clients`);
  P();
  if (!group.some((c) => SYSTEMS.some((s) => get(s.key, c.N, c.E, c.R)))) { P('Not run.'); P(); continue; }
  P('| E | R | system | delivered/s | of offered | p50 | p99 | max | B/cl/s | fr/cl/s | CPU % srv / load | RSS MiB before / idle / load | KiB/idle cl | errors |');
  P('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  const notRun = group.filter((c) => !SYSTEMS.some((s) => get(s.key, c.N, c.E, c.R)));
  for (const c of group) {
    if (notRun.includes(c)) continue;
    SYSTEMS.forEach((s, i) => {
      const r = get(s.key, c.N, c.E, c.R);
      const head = i === 0 ? `| **${c.E}** | **${c.R}** | ${s.label}` : `| | | ${s.label}`;
      if (!r) { P(`${head} | not run | | | | | | | | | | |`); return; }
      if (failed(r)) { P(`${head} | failed | | | | | | | | | | ${errText(r) || 'no result'} |`); return; }
      const Lm = r.latencyMs || {}, S = r.serverRssKiB || {};
      const off = ratio(r.deliveredEntityUpdatesPerS, r.offeredEntityUpdatesPerS);
      const sat = (x) => (isNum(x) && x >= SATURATED_PCT ? `**${fmt(x, 0)}**` : fmt(x, 0));
      let perClient = fmt(r.rssPerIdleClientKiB, 1);
      if (isNum(r.heapPerIdleClientKiB)) perClient += ` (heap ${fmt(r.heapPerIdleClientKiB, 1)})`;
      const err = r.errors > 0 || r.aborted || r.joined < r.clients
        ? `${r.errors}${r.joined < r.clients ? ` (joined ${r.joined})` : ''}${r.aborted ? ' aborted' : ''}${errText(r) ? `: ${errText(r)}` : ''}` : '0';
      P(`${head} | ${int(r.deliveredEntityUpdatesPerS)} | ${off == null ? '–' : off.toFixed(2)} | ${ms(Lm.p50)} | ${ms(Lm.p99)} | ${ms(Lm.max)} | ${int(r.bytesPerClientPerS)} | ${fmt(r.framesPerClientPerS, 1)} | ${sat(cpu(r, 'server'))} / ${sat(cpu(r, 'load'))} | ${mib(S.beforeClients)} / ${mib(S.idleClients)} / ${mib(S.underLoadMax != null ? S.underLoadMax : S.underLoadEnd)} | ${perClient} | ${err} |`);
    });
  }
  if (notRun.length) { P(); P(`Not run at N = ${N}: ${notRun.map((c) => `E=${c.E} R=${c.R}`).join(', ')}.`); }
  P();
}
P(`Bold CPU figures are ≥ ${SATURATED_PCT}% (saturated). Server steps/s achieved, worst step lateness, connect time and the load process's RSS are in the raw JSON`
  + ' (`serverStepsPerS`, `serverStepLateMaxMs`, `connectMs`, `loadRssKiB`); Tandem also reports live heap after GC (`serverHeapKiB`).');
P();

// Bytes per delivered update
P('## Bytes per delivered update');
P();
P('Payload bytes per entity update delivered to one client: bytes/client/s ÷ (delivered/s ÷ clients). Tandem sends JSON; '
  + 'Jetty negotiates permessage-deflate with clients that offer it (browsers do); the load tools\' clients do not offer it '
  + '(as Colyseus\'s harness runs without it), so the load tool also computes what its first client\'s frames weigh compressed exactly as '
  + 'permessage-deflate does (one raw DEFLATE stream with context takeover, sync flush per message, trailing 4 bytes '
  + 'dropped). Colyseus sends its binary schema patches uncompressed (perMessageDeflate is off in its transport).');
P();
P('| N | E | R | Tandem JSON B/update | Tandem with permessage-deflate B/update | Colyseus immediate B/update | Colyseus 50 ms B/update | Tandem deflate ÷ Colyseus immediate |');
P('|---:|---:|---:|---:|---:|---:|---:|---:|');
const perUpdate = (r) => (r && !failed(r) && isNum(r.bytesPerClientPerS) && isNum(r.deliveredEntityUpdatesPerS) && r.joined
  ? r.bytesPerClientPerS / (r.deliveredEntityUpdatesPerS / r.joined) : null);
for (const c of ranCells) {
  const t = get('tandem_immediate', c.N, c.E, c.R);
  const ci = get('colyseus_immediate', c.N, c.E, c.R);
  const c50 = get('colyseus_50ms', c.N, c.E, c.R);
  const deflated = t && isNum(t.deflatedBytesPerUpdate) ? t.deflatedBytesPerUpdate : null;
  P(`| ${c.N} | ${c.E} | ${c.R} | ${fmt(perUpdate(t))} | ${fmt(deflated)} | ${fmt(perUpdate(ci))} | ${fmt(perUpdate(c50))} | ${fmtRatio(ratio(deflated, perUpdate(ci)))} |`);
}
P();

// Idle memory
P('## Idle memory');
P();
if (!idle) {
  P('Not run (`bench/run-benchmarks.sh idle` writes `bench/results/raw/idle_tandem.json`).');
} else {
  const flat = [];
  const walk = (o, pre) => {
    for (const [k, v] of Object.entries(o)) {
      if (v && typeof v === 'object' && !Array.isArray(v)) walk(v, `${pre}${k}.`);
      else flat.push([`${pre}${k}`, Array.isArray(v) ? JSON.stringify(v) : v]);
    }
  };
  // The class histogram (several lines) and the long descriptions go below the table, not in it.
  const prose = new Set(['histogramTop', 'idleClient', 'heapMethod']);
  walk(Object.fromEntries(Object.entries(idle).filter(([k]) => !prose.has(k))), '');
  const pick = (k) => (flat.find(([n]) => n === k) || [])[1];
  const clients = pick('initialStateReceived') ?? pick('joined') ?? pick('clients');
  const rssPer = pick('rssPerIdleClientKiB'), heapPer = pick('heapPerIdleClientKiB');
  const heapIdle = pick('serverHeapKiB.idleClients');
  P(`Tandem server (-Xmx512m) with ${isNum(clients) ? int(clients) : '?'} idle clients: ${isNum(heapPer) ? `**${fmt(heapPer, 2)} KiB live heap per client**` : 'heap per client not reported'}`
    + `${isNum(heapIdle) ? ` (${fmt(heapIdle / 1024, 1)} MiB live heap in all)` : ''}`
    + `${isNum(rssPer) ? `, ${fmt(rssPer, 1)} KiB RSS per client` : ''}.`
    + ' Target: at most 8 KiB of heap per idle client, and 10,000 idle clients within a 512 MiB heap.');
  const colIdle = cellList.map((c) => get('colyseus_immediate', c.N, c.E, c.R)).concat(cellList.map((c) => get('colyseus_50ms', c.N, c.E, c.R)))
    .filter((r) => r && !failed(r) && r.clients >= 500 && isNum(r.rssPerIdleClientKiB)).map((r) => r.rssPerIdleClientKiB);
  if (colIdle.length) {
    const lo = fmt(Math.min(...colIdle), 1), hi = fmt(Math.max(...colIdle), 1);
    P(`For comparison, Colyseus at N = 500 in the matrix above: ${lo === hi ? lo : `${lo}–${hi}`} KiB RSS per idle client (Node process; no separate heap figure).`);
  }
  P();
  if (idle.idleClient) P(`Idle clients: ${idle.idleClient}.`);
  if (idle.heapMethod) P(`Heap measurement: ${idle.heapMethod}.`);
  P();
  P('| field | value |');
  P('|---|---|');
  for (const [k, v] of flat) P(`| \`${k}\` | ${isNum(v) ? (Number.isInteger(v) ? int(v) : String(v)) : String(v).replace(/\|/g, '\\|')} |`);
  if (typeof idle.histogramTop === 'string') {
    P();
    P('Largest live classes in the server with the clients connected (`jcmd <pid> GC.class_histogram`, top of the list):');
    P();
    P('```');
    for (const line of idle.histogramTop.split('\n').slice(1, 19)) P(line);
    P('```');
  }
}
P();

// Environment
P('## Server JVM settings');
P();
P('The Tandem server runs with `-XX:TieredStopAtLevel=1` (C1 only). Pinned to one core, the JVM compiles on the same core as the authority'
  + ' thread; C2\'s compilations in the first seconds preempt it, and a 2 s warm-up ends long before they do. The server needs about a tenth of the'
  + ' core here, which C1\'s code gives. Measured before the change, with a plain Node `ws` client that only parses frames (so the load side is'
  + ' cheap; `bench/node/parse-probe.js`), N=100, E=10, R=100, 2 s warm-up, 8 s window: p99 4.53, 3.62, 3.40 and 3.34 ms in four runs with C2'
  + ' (the default), 2.35, 2.01 and 2.25 ms in three runs with C1; p50 0.80-0.92 ms either way. With a 15 s warm-up and C2 the same client saw'
  + ' p50 0.83 ms, p99 2.06 ms: C1 gives about the warm figures from the start.');
P();
P('## Environment');
P();
P(`- Machine: ${mach.nproc} CPUs (${mach.model}), ${mach.mem} RAM, ${mach.kernel}`);
P(`- Java: ${(javaVersion || 'not found').split('\n').join(' / ')}`);
P(`- Node: ${nodeVersion}`);
if (col) P(`- Colyseus (from ${col.source} in \`${col.dir}\`): ${Object.entries(col.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
else P('- Colyseus: versions not found (no harness copy with package-lock.json); see shared/peers/colyseus/README.md');
P(`- CPU split: server pinned to CPU 0, load generator pinned to CPU 1 (\`taskset\`); all threads of a process share its core. Only 127.0.0.1.`);
if (meta) P(`- Run: \`${meta.mode}\`, cells ${meta.cells}; open-files limit ${meta.ulimitN}`);
P();

// Command lines
P('## Command lines');
P();
const cmds = (meta && meta.commands) || {
  tandemServer: 'taskset -c 0 timeout 50 java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp bench/target/tandem-bench.jar dev.tandem.bench.BenchServer --port $PORT --maxLifetime 45',
  tandemLoad: 'taskset -c 1 timeout 40 java -Xmx2g -cp bench/target/tandem-bench.jar dev.tandem.bench.LoadTool --port $PORT --clients N --E E --R R --warmup 2 --duration 8 --serverPid $SERVER_PID --hardLimit 35 --out bench/results/raw/tandem_immediate_n<N>_e<E>_r<R>.json',
  colyseusServer: 'taskset -c 0 timeout 50 node $COLYSEUS_DIR/server.js --port $PORT --patchRate {immediate|50} --maxLifetime 45',
  colyseusLoad: 'taskset -c 1 timeout 40 node $COLYSEUS_DIR/load.js --port $PORT --clients N --E E --R R --warmup 2 --duration 8 --serverPid $SERVER_PID --hardLimit 35 --out bench/results/raw/colyseus_{immediate|50ms}_n<N>_e<E>_r<R>.json',
};
const rel = (s) => String(s).split(ROOT + '/').join('');
P('```');
P('# all cells:   bench/run-benchmarks.sh full      (N in 10 100 500, E in 1 10 100, R in 20 100; per cell Tandem, Colyseus immediate, Colyseus 50 ms)');
P('# a few cells: bench/run-benchmarks.sh short     (N,E,R = 10,10,20  100,10,100  500,10,20)');
P('# Tandem');
P(rel(cmds.tandemServer));
P(rel(cmds.tandemLoad));
P('# Colyseus (harness copied from shared/peers/colyseus, npm ci)');
P(rel(cmds.colyseusServer));
P(rel(cmds.colyseusLoad));
P('```');
P();
P('$SERVER_PID is read from the server\'s `READY port=<port> pid=<pid>` line; each run uses a fresh free port; the load process tells the server to exit at the end.');
P();

// Caveats
P('## Caveats');
P();
P('- One 2-core machine: the server gets CPU 0, and all N clients run in one load process on CPU 1. Where the load process is saturated'
  + ' (see "saturated"), delivered rate and latency measure the client side. One run per matrix cell, 8 s windows: no confidence intervals; the repeated runs show how far the p99 of one cell moves from run to run.');
P('- The two systems use different load generators. Tandem\'s is `dev.tandem.bench.LoadTool` (JVM): its N measured clients are model-core\'s'
  + ' `SyncClient` (the client core `TandemClient` wraps), each with its own replica, fed by a minimal NIO WebSocket reader on one selector thread'
  + ' (`RawWebSocket`; the JDK\'s `java.net.http` client cost a quarter of the load CPU in its reader pipeline). Colyseus\'s is the harness\'s `load.js`'
  + ' (Node, `colyseus.js` SDK). Both count the same things the same way (entity callbacks, latency against `ts`, payload bytes), but the client'
  + ' decode cost is part of the latency and of the load CPU, so load CPU % is not comparable across systems. Rows "Tandem, Node load tool", where'
  + ' present, load the same Tandem server from `bench/node/load.js`: the TeaVM-compiled browser client in Node, over the `ws` package.');
P('- Tandem\'s load tool counts from its first update and resets its counters when the window opens, so its counting code is compiled before the'
  + ' window (counting only inside the window made the JIT deoptimise at its start: a 20-30 ms stall). Before it connects, it also warms its'
  + ' clients\' whole path (sockets, frames, decode, apply, latency record) against a stand-in loopback server that sends pre-made scenario frames (framed as the server frames them, control changes included),'
  + ' until the JIT has settled (2.5-8 s; `ClientWarmup`, `WarmupFrameServer`). The server under test is not involved and gets no such warm-up.'
  + ' Why: at low rates the JVM would still be interpreting the client code in the window, and at N=100, E=100, R=100 an earlier, partial'
  + ' warm-up left about 100 optimising compiles to run on the load tool\'s one core in the first seconds of the driver (a backlog of up to'
  + ' 0.9 s that drained into the window). Each Tandem run\'s raw JSON has every second\'s latency and both processes\' CPU from the driver\'s'
  + ' start (`latencyBySecondMs`).');
P('- Colyseus 50 ms coalesces: an entity changed several times between patches is delivered once ("of offered" < 1 at E=100, R=100), and its latency'
  + ' is dominated by the wait for the next patch. With R = 20 the step and patch timers share a period, so that run\'s latency is mostly a random phase offset.');
P('- RSS is the whole server process; for the JVM it mostly reflects heap sizing (-Xmx512m, Serial GC), not live data. Tandem\'s live heap after GC is reported separately.');
if (unreadable.length) P(`- Unreadable raw files (ignored): ${unreadable.join(', ')}`);
P();

fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, L.join('\n'));
const nRuns = [...runs.values()].length;
console.log(`${path.relative(process.cwd(), OUT) || OUT} written: ${nRuns} runs in ${ranCells.length} cells from ${RAW}${idle ? ', idle result' : ''}`);
