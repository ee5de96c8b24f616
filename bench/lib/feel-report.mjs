// The "what users feel" part of the report (markdown), and the five lines the bench ends with.
import { INITIAL_WINDOW } from './first-render.mjs';

const ms = (n) => `${Math.round(n).toLocaleString('en-US')} ms`;
const ms1 = (n) => `${n.toFixed(1)} ms`;
const ratio = (a, b) => (a / b).toFixed(2);

/** The five closing lines: the worse language for the cold loads, the widget's figures. */
export function closingLines({ cold, interactions, heap, langs }) {
  const worst = (cpu) =>
    langs
      .map((lang) => ({ lang, widget: cold[`${cpu}/${lang}/widget`], floor: cold[`${cpu}/${lang}/floor-fetch`] }))
      .sort((a, b) => b.widget.ready / b.floor.ready - a.widget.ready / a.floor.ready)[0];
  const one = worst(1);
  const four = worst(4);
  const atFour = Object.entries(interactions[4].widget).sort((a, b) => b[1].work - a[1].work)[0];
  const perInstance = Math.max(...Object.values(heap.widget).map((v) => v.heapPerInstance)) / 1024;
  return [
    `cold-rtt100: widget ${Math.round(one.widget.ready)} ms, floor ${Math.round(one.floor.ready)} ms, ${ratio(one.widget.ready, one.floor.ready)} x, round trips ${Math.round(one.widget.roundTrips)} vs ${Math.round(one.floor.roundTrips)}`,
    `cold-cpu: widget ${Math.round(four.widget.ready)} ms, floor ${Math.round(four.floor.ready)} ms, ${ratio(four.widget.ready, four.floor.ready)} x`,
    `long-tasks-4x: ${Math.round(cold['trace/4/widget'].longTasksMs)} ms in total`,
    `interaction-4x: worst ${atFour[0]} ${Math.round(atFour[1].work)} ms`,
    `heap-per-instance: ${perInstance.toFixed(1)} KiB`,
  ];
}

export function renderFeel({ cold, interactions, steps, heap, firstRender, langs, rtt, runs }) {
  const out = [];
  out.push('## What users feel', '');
  out.push(
    `Cold loads through the bench's latency proxies (bench/lib/latency-proxy.mjs) at RTT ${rtt} ms: RTT/2 each way, two more RTTs per new connection (TCP and TLS), preflights delayed like any request, slow start from a 10-segment window, brotli or gzip. A fresh browser context per load; ${runs.cold} loads per cell after one warm-up round. The floor: the same form from a bare Lit element once the same profile request has answered. Round trips: the sequential ones on the critical path, from the proxies' logs.`,
    '',
  );
  out.push(
    '| CPU | language | widget | floor + profile | ratio | round trips (widget / floor) | requests (widget / floor) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const cpu of [1, 4]) {
    for (const lang of langs) {
      const w = cold[`${cpu}/${lang}/widget`];
      const f = cold[`${cpu}/${lang}/floor-fetch`];
      out.push(
        `| ${cpu}× | ${lang} | ${ms(w.ready)} | ${ms(f.ready)} | ${ratio(w.ready, f.ready)}× | ${w.roundTrips} / ${f.roundTrips} | ${w.requests} / ${f.requests} |`,
      );
    }
  }
  out.push(
    '',
    `Main thread of the page's renderer from navigation start to interactive, from a Chromium trace (${langs[0]}, median of ${cold['trace/1/widget'].n}): thread time of its top-level tasks, and the wall time of those over 50 ms.`,
    '',
  );
  out.push(
    '| CPU | widget CPU | floor CPU | ratio | widget long tasks | floor long tasks | widget longest task |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const cpu of [1, 4]) {
    const w = cold[`trace/${cpu}/widget`];
    const f = cold[`trace/${cpu}/floor-fetch`];
    out.push(
      `| ${cpu}× | ${ms1(w.mainThreadMs)} | ${ms1(f.mainThreadMs)} | ${ratio(w.mainThreadMs, f.mainThreadMs)}× | ${ms(w.longTasksMs)} | ${ms(f.longTasksMs)} | ${ms(w.longestTaskMs)} |`,
    );
  }
  out.push(
    '',
    `Interactions on the bind form, each in a fresh page (the country list opens for the first time), median of ${runs.interactions}: work = the handler and the render it causes; frame = input to the end of the next frame. The floor: a bare Lit element doing the same (bench/floor-element.js, <bench-floor-interact>).`,
    '',
  );
  out.push('| interaction | CPU | widget work | floor work | widget frame | floor frame |', '| --- | --- | ---: | ---: | ---: | ---: |');
  for (const name of Object.keys(interactions[1].widget)) {
    for (const cpu of [1, 4]) {
      const w = interactions[cpu].widget[name];
      const f = interactions[cpu]['floor-interact'][name];
      out.push(`| ${name} | ${cpu}× | ${ms1(w.work)} | ${ms1(f.work)} | ${ms1(w.frame)} | ${ms1(f.frame)} |`);
    }
  }
  out.push(
    '',
    `Flows: the widget through its UI against the same requests made from the page, median of ${runs.steps}; overhead = widget minus requests, absolute.`,
    '',
  );
  out.push('| flow | RTT | widget | requests only | overhead | steps | per step |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [rttKey, flows] of Object.entries(steps)) {
    for (const [name, s] of Object.entries(flows)) {
      out.push(`| ${name} | ${rttKey} ms | ${ms1(s.widget)} | ${ms1(s.floor)} | ${ms1(s.overhead)} | ${s.steps} | ${ms1(s.perStep)} |`);
    }
  }
  out.push(
    '',
    'Heap and DOM with 1, 10 and 100 interactive instances on one page (after forced garbage collection); per extra instance = growth from 10 to 100, over 90 (the engine’s one-time compiling happens among the first ones).',
    '',
  );
  out.push(
    '| element | view | heap at 1 / 10 / 100 | heap per instance | DOM nodes per instance | listeners per instance |',
    '| --- | --- | --- | ---: | ---: | ---: |',
  );
  for (const [kind, views] of Object.entries(heap)) {
    for (const [view, h] of Object.entries(views)) {
      const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
      out.push(
        `| ${kind} | ${view} | ${kib(h.at[1].heap)} / ${kib(h.at[10].heap)} / ${kib(h.at[100].heap)} | ${(h.heapPerInstance / 1024).toFixed(1)} KiB | ${h.nodesPerInstance.toFixed(1)} | ${h.listenersPerInstance.toFixed(1)} |`,
      );
    }
  }
  out.push(
    '',
    `What a first render runs of the CDN file (Chromium's block coverage from navigation to interactive, ${langs[0]}), against the first congestion window of ${INITIAL_WINDOW.toLocaleString('en-US')} bytes (headers not counted): the used code's brotli size is a lower bound for a first file that loads the rest later.`,
    '',
  );
  out.push(
    '| view | file | file, brotli | used by the first render | used, brotli | fits the first window |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  );
  for (const [view, f] of Object.entries(firstRender)) {
    out.push(
      `| ${view} | ${f.fileBytes.toLocaleString('en-US')} B | ${f.fileBrotli.toLocaleString('en-US')} B | ${f.usedBytes.toLocaleString('en-US')} B | ${f.usedBrotli.toLocaleString('en-US')} B | ${f.usedBrotli <= INITIAL_WINDOW ? 'yes' : 'no'} |`,
    );
  }
  out.push('');
  return out.join('\n');
}
