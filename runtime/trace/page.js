// The gol trace page: reads the trace (docs/trace.md) from the #trace-data element, builds
// the states of every goroutine and thread, and draws them on one canvas: lanes (virtualised:
// only visible ones are drawn, segments under a pixel merged), arrows for `go` statements and
// channel hand-offs, stdout marks, GC bands. Each lane also has a label element carrying
// data-goroutine / data-thread. <body data-trace-status> becomes "ok" once drawn, "error" on
// any script error.
"use strict";
window.onerror = function (msg) {
  document.body.dataset.traceStatus = "error";
  document.body.dataset.traceError = String(msg);
};

(function () {
  const P0 = performance.now(), marks = [];
  const mark = (name) => marks.push(name + "=" + Math.round(performance.now() - P0));
  const dataEl = document.getElementById("trace-data");
  const T = JSON.parse(dataEl.textContent);
  dataEl.textContent = ""; // the parsed form is all the page needs (a trace may be 100 MB)
  mark("parse");
  const K = {};
  T.kinds.forEach((k, i) => { K[k] = i; });
  const S = T.strings;
  const str = (i) => (i === undefined || i < 0 ? "" : S[i]);
  const ev = T.events;
  const fld = (e, i) => (e.length > i ? e[i] : -1);

  // ---- states ----
  const ST_RUN = 0, ST_RUNNABLE = 1, ST_SYSCALL = 2, ST_BLOCK = 3; // + reason for blocked
  const reasonColor = {
    "chan receive": "#4e8ee8", "chan send": "#8a6de9", "select": "#2fb3bf",
    "sleep": "#a9b1b8", "sync.WaitGroup.Wait": "#f0923c", "sync.Mutex.Lock": "#e05555",
    "sync.RWMutex.RLock": "#e58a8a", "sync.RWMutex.Lock": "#d04848",
    "sync.Cond.Wait": "#c66bb3", "sync.Once.Do": "#d9b44a", "IO wait": "#8d6e63",
  };
  const COL_RUN = "#3cba54", COL_RUNNABLE = "#e8e2b0", COL_SYSCALL = "#795548",
    COL_OTHER = "#607d8b";
  function stateColor(st) {
    if (st === ST_RUN) return COL_RUN;
    if (st === ST_RUNNABLE) return COL_RUNNABLE;
    if (st === ST_SYSCALL) return COL_SYSCALL;
    return reasonColor[T.reasons[st - ST_BLOCK]] || COL_OTHER;
  }
  function stateName(st) {
    if (st === ST_RUN) return "running";
    if (st === ST_RUNNABLE) return "runnable (waiting for a thread)";
    if (st === ST_SYSCALL) return "in a system call";
    return "blocked: " + T.reasons[st - ST_BLOCK];
  }
  // Priority when segments under one pixel merge: what a reader most wants to see.
  const prio = (st) => (st === ST_RUN ? 3 : st === ST_SYSCALL ? 2 : st >= ST_BLOCK ? 1 : 0);

  // Segments, flat: lane index, start, end, state, event that started it.
  let nseg = 0, cap = 1024;
  let sLane = new Int32Array(cap), sT0 = new Float64Array(cap), sT1 = new Float64Array(cap);
  let sSt = new Uint8Array(cap), sEv = new Int32Array(cap), sAux = new Int32Array(cap);
  function addSeg(lane, t0, t1, st, e, aux) {
    if (nseg === cap) {
      cap *= 2;
      const grow = (a, C) => { const b = new C(cap); b.set(a); return b; };
      sLane = grow(sLane, Int32Array); sT0 = grow(sT0, Float64Array);
      sT1 = grow(sT1, Float64Array); sSt = grow(sSt, Uint8Array);
      sEv = grow(sEv, Int32Array); sAux = grow(sAux, Int32Array);
    }
    sLane[nseg] = lane; sT0[nseg] = t0; sT1[nseg] = t1; sSt[nseg] = st; sEv[nseg] = e;
    sAux[nseg] = aux; nseg++;
  }

  const gs = new Map(); // goroutine id -> {id, parent, fn, loc, t, st, since, ev, aux, ...}
  const threads = new Map(); // thread number -> {tid, g, gsince, p, psince, used}
  const arrows = []; // [t0, g0, t1, g1, kind (ARROW_*), event]
  const ARROW_GO = 0, ARROW_CHAN = 1, ARROW_WAKE = 2;
  const arrowColor = ["#e53935", "#1565c0", "#757575"];
  const showArrow = [true, true, false];
  const outs = []; // [t, g, text, event, stderr]
  const gcs = []; // [t0, t1]
  const procs = []; // [t, n]
  const tEnd = T.duration || (ev.length ? ev[ev.length - 1][0] : 1);

  function G(id, t) {
    let g = gs.get(id);
    if (!g) {
      g = { id: id, parent: -1, fn: "", loc: "", t: t, st: ST_RUNNABLE, since: t, ev: -1,
            aux: -1, end: -1, segs: null, lane: -1, thread: -1 };
      gs.set(id, g);
    }
    return g;
  }
  function thread(tid) {
    let th = threads.get(tid);
    if (!th) {
      th = { tid: tid, g: 0, gsince: 0, gev: -1, p: -1, psince: 0, used: false, segs: null,
             psegs: [] };
      threads.set(tid, th);
    }
    return th;
  }
  const gsegs = []; // [goroutine, t0, t1, st, ev, aux] collected before lanes are numbered
  const tsegs = []; // [thread, t0, t1, g, ev]
  function gstate(g, t, st, e, aux) {
    if (g.since < t || g.st !== st) gsegs.push([g.id, g.since, t, g.st, g.ev, g.aux]);
    g.st = st; g.since = t; g.ev = e; g.aux = aux;
  }
  function threadStop(tid, t) {
    const th = thread(tid);
    if (th.g) tsegs.push([tid, th.gsince, t, th.g, th.gev]);
    th.g = 0;
  }
  let gcStart = -1;
  for (let i = 0; i < ev.length; i++) {
    const e = ev[i], t = e[0], k = e[1], gid = e[2], tid = e[3], a = fld(e, 4);
    switch (k) {
      case K.GoCreate: {
        const g = G(a, t);
        g.parent = gid; g.t = t; g.since = t; g.ev = i;
        g.fn = str(fld(e, 7)); g.loc = str(fld(e, 6));
        if (gid > 0) arrows.push([t, gid, t, a, ARROW_GO, i]);
        break;
      }
      case K.GoStart: {
        const g = G(gid, t);
        gstate(g, t, ST_RUN, i, tid);
        const th = thread(tid);
        if (th.g && th.g !== gid) threadStop(tid, t);
        th.g = gid; th.gsince = t; th.gev = i; th.used = true;
        g.thread = tid;
        break;
      }
      case K.GoPreempt: case K.GoBlock: case K.GoSysCall: case K.GoEnd: {
        const g = G(gid, t);
        if (k === K.GoPreempt) gstate(g, t, ST_RUNNABLE, i, -1);
        else if (k === K.GoBlock) gstate(g, t, ST_BLOCK + a, i, -1);
        else if (k === K.GoSysCall) gstate(g, t, ST_SYSCALL, i, -1);
        else { gstate(g, t, ST_RUNNABLE, i, -1); g.st = -1; g.end = t; }
        const th = thread(tid);
        if (th.g === gid) threadStop(tid, t);
        break;
      }
      case K.GoUnblock: {
        const g = G(gid, t);
        if (g.st >= ST_BLOCK || g.st === ST_SYSCALL) gstate(g, t, ST_RUNNABLE, i, a);
        if (a > 0 && a !== gid) arrows.push([t, a, t, gid, ARROW_WAKE, i]);
        break;
      }
      case K.ProcStart: {
        const th = thread(tid);
        th.p = a; th.psince = t; th.used = true;
        break;
      }
      case K.ProcStop: {
        const th = thread(tid);
        if (th.p >= 0) th.psegs.push([th.psince, t, th.p]);
        th.p = -1;
        break;
      }
      case K.ChanRecv: {
        const b = fld(e, 5);
        if (b >= 0) arrows.push([ev[b][0], ev[b][2], t, gid, ARROW_CHAN, i]);
        break;
      }
      case K.Stdout: case K.Stderr:
        outs.push([t, gid, str(fld(e, 6)), i, k === K.Stderr]);
        break;
      case K.GCStart: gcStart = t; break;
      case K.GCDone: if (gcStart >= 0) gcs.push([gcStart, t]); gcStart = -1; break;
      case K.Gomaxprocs: procs.push([t, a]); break;
    }
  }
  for (const g of gs.values()) if (g.st >= 0) gstate(g, tEnd, g.st, -1, -1);
  for (const th of threads.values()) {
    threadStop(th.tid, tEnd);
    if (th.p >= 0) th.psegs.push([th.psince, tEnd, th.p]);
  }

  mark("states");
  // ---- lanes: threads that ran Go code, then goroutines by id ----
  const lanes = []; // {kind: "t"|"g", id, y, h, obj, segs: [segment indexes]}
  let y = 0;
  const tids = [...threads.values()].filter((th) => th.used).map((th) => th.tid)
    .sort((a, b) => a - b);
  const laneOfThread = new Map(), laneOfG = new Map();
  for (const tid of tids) {
    laneOfThread.set(tid, lanes.length);
    lanes.push({ kind: "t", id: tid, y: y, h: 24, obj: threads.get(tid), segs: [] });
    y += 24;
  }
  const gids = [...gs.keys()].sort((a, b) => a - b);
  for (const id of gids) {
    laneOfG.set(id, lanes.length);
    lanes.push({ kind: "g", id: id, y: y, h: 20, obj: gs.get(id), segs: [] });
    y += 20;
  }
  const totalH = y;
  for (const s of gsegs) {
    const l = laneOfG.get(s[0]);
    lanes[l].segs.push(nseg);
    addSeg(l, s[1], s[2], s[3], s[4], s[5]);
  }
  for (const s of tsegs) {
    const l = laneOfThread.get(s[0]);
    if (l === undefined) continue;
    lanes[l].segs.push(nseg);
    addSeg(l, s[1], s[2], ST_RUN, s[4], s[3]);
  }
  // (Each lane's segments were produced in time order: no sort needed.)
  const outsByLane = new Map();
  for (const o of outs) {
    const l = laneOfG.get(o[1]);
    if (l === undefined) continue;
    if (!outsByLane.has(l)) outsByLane.set(l, []);
    outsByLane.get(l).push(o);
  }

  mark("lanes");
  // ---- DOM: header, legend, lane labels, output list ----
  const $ = (id) => document.getElementById(id);
  const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
  function fmtT(t) {
    const a = Math.abs(t);
    if (a >= 1e9) return (t / 1e9).toFixed(a >= 1e10 ? 2 : 3) + " s";
    if (a >= 1e6) return (t / 1e6).toFixed(a >= 1e7 ? 2 : 3) + " ms";
    if (a >= 1e3) return (t / 1e3).toFixed(a >= 1e4 ? 2 : 3) + " µs";
    return Math.round(t) + " ns";
  }
  const prog = T.program.split("/").pop();
  $("meta").textContent = prog + (T.args.length ? " " + T.args.join(" ") : "") + " — " +
    fmtT(tEnd) + (T.clock === "virtual" ? " virtual time (--seed " + T.seed + ")" : "") +
    " — " + gids.length + " goroutines, " + tids.length + " threads, " + ev.length +
    " events" + (procs.length ? " — GOMAXPROCS " + procs.map((p) => p[1]).join("→") : "") +
    (T.truncated ? " — TRUNCATED: recording stopped at the event limit" : "");
  document.title = "gol trace: " + prog;

  const legend = [["running", COL_RUN], ["runnable", COL_RUNNABLE],
    ["system call", COL_SYSCALL]];
  const seenReasons = new Set();
  for (const s of gsegs) if (s[3] >= ST_BLOCK) seenReasons.add(T.reasons[s[3] - ST_BLOCK]);
  for (const r of Object.keys(reasonColor)) legend.push(["blocked: " + r, reasonColor[r],
    !seenReasons.has(r)]);
  let lh = legend.map((l) => '<span' + (l[2] ? ' style="opacity:.45"' : "") + '><i style="background:' +
    l[1] + '"></i>' + esc(l[0]) + "</span>").join("");
  const toggle = (k, label) => '<label><input type="checkbox" data-arrow="' + k + '"' +
    (showArrow[k] ? " checked" : "") + '><i style="background:' + arrowColor[k] +
    ';height:2px"></i>' + label + "</label>";
  lh += toggle(ARROW_GO, "go statement") + toggle(ARROW_CHAN, "channel hand-off") +
    toggle(ARROW_WAKE, "wake-up") +
    '<span><i style="background:#fff;border:2px solid #111;width:10px;height:10px;transform:rotate(45deg)"></i>stdout write</span>' +
    '<span><i style="background:#e53935;border:2px solid #111;width:10px;height:10px;transform:rotate(45deg)"></i>stderr write</span>' +
    '<span><i style="background:rgba(255,152,0,.25)"></i>garbage collection</span>';
  $("legend").innerHTML = lh;
  $("legend").addEventListener("change", (e) => {
    const k = e.target.dataset.arrow;
    if (k !== undefined) { showArrow[+k] = e.target.checked; draw(); }
  });

  const labelHTML = [];
  for (let i = 0; i < lanes.length; i++) {
    const ln = lanes[i];
    if (ln.kind === "t")
      labelHTML.push('<div class="lane thread" data-lane="' + i + '" data-thread="' + ln.id +
        '">thread ' + ln.id + "</div>");
    else {
      const g = ln.obj;
      const name = g.id === 1 ? "main" : g.fn.replace(/^main\./, "");
      labelHTML.push('<div class="lane" data-lane="' + i + '" data-goroutine="' + g.id +
        '">G' + g.id + " <small>" + esc(name) + "</small></div>");
    }
  }
  // Labels in blocks of 256 lanes whose size is known, so that the browser lays out only the
  // blocks on screen (content-visibility) however many goroutines there are.
  const blocks = [];
  for (let i = 0; i < labelHTML.length; i += 256) {
    const end = Math.min(i + 256, lanes.length);
    const h = lanes[end - 1].y + lanes[end - 1].h - lanes[i].y;
    blocks.push('<div class="block" style="contain-intrinsic-size: auto ' + h + 'px">' +
      labelHTML.slice(i, end).join("") + "</div>");
  }
  $("lanes").innerHTML = blocks.join("");
  const laneEl = (li) => $("lanes").children[li >> 8].children[li & 255];

  const MAX_OUT = 5000;
  const outHTML = ['<h2>Output (' + outs.length + ' writes; standard error in red)</h2>'];
  for (let i = 0; i < outs.length && i < MAX_OUT; i++) {
    const o = outs[i];
    outHTML.push('<div data-out="' + i + '"' + (o[4] ? ' class="err"' : "") + '><b>' + esc(fmtT(o[0])) + " G" + o[1] + "</b>" +
      esc(o[2].replace(/\n$/, "")) + "</div>");
  }
  if (outs.length > MAX_OUT) outHTML.push("<div>… " + (outs.length - MAX_OUT) + " more</div>");
  $("output").innerHTML = outHTML.join("");

  mark("dom");
  // ---- view ----
  const cv = $("cv"), ctx = cv.getContext("2d"), view = $("view"), labels = $("labels");
  const AXIS = 24;
  let W = 0, H = 0, dpr = 1;
  let t0 = 0, t1 = Math.max(tEnd, 1) * 1.02; // visible time range
  let selLane = -1, pinned = null;
  const xOf = (t) => ((t - t0) / (t1 - t0)) * W;
  const tOf = (x) => t0 + (x / W) * (t1 - t0);
  const scrollY = () => labels.scrollTop;

  function resize() {
    dpr = window.devicePixelRatio || 1;
    W = view.clientWidth; H = view.clientHeight;
    cv.width = Math.max(1, W * dpr); cv.height = Math.max(1, H * dpr);
    cv.style.width = W + "px"; cv.style.height = H + "px";
    draw();
  }

  // First segment index (in lane.segs) that ends after time t.
  function firstSeg(ln, t) {
    const a = ln.segs;
    let lo = 0, hi = a.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (sT1[a[m]] <= t) lo = m + 1; else hi = m;
    }
    return lo;
  }
  function firstLane(yy) {
    let lo = 0, hi = lanes.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (lanes[m].y + lanes[m].h <= yy) lo = m + 1; else hi = m;
    }
    return lo;
  }
  function gHue(id) { return (id * 137.508) % 360; }

  function drawLane(ln, li, top) {
    const segs = ln.segs;
    const h = ln.h - 6, yy = top + 3;
    let lastX = -1, lastSt = -1, lastW = 0, lastColor = "";
    const flush = () => {
      if (lastX >= 0) { ctx.fillStyle = lastColor; ctx.fillRect(lastX, yy, lastW, h); }
    };
    for (let k = firstSeg(ln, t0); k < segs.length; k++) {
      const s = segs[k];
      if (sT0[s] > t1) break;
      let x0 = xOf(sT0[s]), x1 = xOf(sT1[s]);
      if (x0 < -1) x0 = -1;
      if (x1 > W + 1) x1 = W + 1;
      const st = sSt[s];
      if (ln.kind === "g" && st === ST_RUNNABLE && x1 - x0 < 1) continue;
      const color = ln.kind === "t" ? "hsl(" + gHue(sAux[s]) + ",55%,58%)" : stateColor(st);
      const px = Math.floor(x0);
      if (x1 - x0 < 1 && px <= lastX + lastW - 1 && lastX >= 0) {
        if (prio(st) > prio(lastSt)) { lastSt = st; lastColor = color; }
        continue;
      }
      flush();
      lastX = x0; lastW = Math.max(1, x1 - x0); lastSt = st; lastColor = color;
      if (ln.kind === "t" && lastW > 26) {
        flush(); lastX = -1;
        ctx.fillStyle = "#fff";
        ctx.fillText("G" + sAux[s], Math.max(x0, 0) + 3, yy + h - 5);
      }
    }
    flush();
    if (ln.kind === "t") {
      ctx.fillStyle = "#90a4ae";
      for (const p of ln.obj.psegs) {
        if (p[1] < t0 || p[0] > t1) continue;
        const x0 = Math.max(xOf(p[0]), 0), x1 = Math.min(xOf(p[1]), W);
        ctx.fillRect(x0, top + ln.h - 3, Math.max(1, x1 - x0), 2);
      }
    }
    const os = outsByLane.get(li);
    if (os) drawOuts(os, top + ln.h / 2);
  }

  function drawOuts(os, cy) {
    let lo = 0, hi = os.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (os[m][0] < t0) lo = m + 1; else hi = m; }
    let lastX = -100, lastTextEnd = -1;
    for (let k = lo; k < os.length && os[k][0] <= t1; k++) {
      const x = xOf(os[k][0]);
      if (x - lastX < 3) continue;
      lastX = x;
      ctx.fillStyle = os[k][4] ? "#e53935" : "#fff"; ctx.strokeStyle = "#111"; ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x, cy - 5); ctx.lineTo(x + 5, cy); ctx.lineTo(x, cy + 5); ctx.lineTo(x - 5, cy);
      ctx.closePath(); ctx.fill(); ctx.stroke();
      if (x + 8 > lastTextEnd) {
        const text = os[k][2].replace(/\n$/, "").replace(/\n/g, "⏎");
        const shown = text.length > 40 ? text.slice(0, 39) + "…" : text;
        const w = ctx.measureText(shown).width;
        ctx.fillStyle = "rgba(255,255,255,.85)";
        ctx.fillRect(x + 7, cy - 7, w + 4, 13);
        ctx.fillStyle = os[k][4] ? "#c62828" : "#111";
        ctx.fillText(shown, x + 9, cy + 4);
        lastTextEnd = x + 14 + w;
      }
    }
  }

  function laneY(lane) { return lanes[lane].y + lanes[lane].h / 2 + AXIS - scrollY(); }

  function drawArrows() {
    let n = 0;
    const topT = scrollY(), botT = scrollY() + H;
    for (const a of arrows) {
      if (a[2] < t0 || a[0] > t1 || !showArrow[a[4]]) continue;
      const l0 = laneOfG.get(a[1]), l1 = laneOfG.get(a[3]);
      if (l0 === undefined || l1 === undefined) continue;
      const y0 = lanes[l0].y, y1 = lanes[l1].y;
      if (Math.max(y0, y1) < topT - 20 || Math.min(y0, y1) > botT) continue;
      if (++n > 4000) break;
      const xa = xOf(a[0]), ya = laneY(l0), xb = xOf(a[2]), yb = laneY(l1);
      ctx.strokeStyle = ctx.fillStyle = arrowColor[a[4]];
      ctx.lineWidth = 1.3;
      ctx.setLineDash(a[4] === ARROW_WAKE ? [3, 3] : []);
      ctx.beginPath(); ctx.moveTo(xa, ya); ctx.lineTo(xb, yb); ctx.stroke();
      ctx.setLineDash([]);
      const ang = Math.atan2(yb - ya, xb - xa);
      ctx.beginPath(); ctx.moveTo(xb, yb);
      ctx.lineTo(xb - 7 * Math.cos(ang - 0.4), yb - 7 * Math.sin(ang - 0.4));
      ctx.lineTo(xb - 7 * Math.cos(ang + 0.4), yb - 7 * Math.sin(ang + 0.4));
      ctx.closePath(); ctx.fill();
    }
  }

  function niceStep(span, px) {
    const raw = span / Math.max(1, px / 90);
    const p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (const m of [1, 2, 5, 10]) if (p * m >= raw) return p * m;
    return p * 10;
  }

  function drawAxis() {
    ctx.fillStyle = "#f3f3f3"; ctx.fillRect(0, 0, W, AXIS);
    ctx.strokeStyle = "#ccc"; ctx.beginPath(); ctx.moveTo(0, AXIS - 0.5);
    ctx.lineTo(W, AXIS - 0.5); ctx.stroke();
    const step = niceStep(t1 - t0, W);
    ctx.fillStyle = "#555"; ctx.strokeStyle = "#e6e6e6";
    for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
      const x = Math.round(xOf(t)) + 0.5;
      ctx.beginPath(); ctx.moveTo(x, AXIS - 6); ctx.lineTo(x, H); ctx.stroke();
      ctx.fillText(fmtT(t), x + 3, 15);
    }
    for (const p of procs) {
      const x = xOf(p[0]);
      if (x < 0 || x > W) continue;
      const label = "GOMAXPROCS=" + p[1], w = ctx.measureText(label).width;
      ctx.fillStyle = "#6a1b9a";
      ctx.fillRect(x, 0, 2, H);
      ctx.fillStyle = "rgba(243,229,245,.95)";
      ctx.fillRect(x + 2, AXIS + 1, w + 6, 13);
      ctx.fillStyle = "#6a1b9a";
      ctx.fillText(label, x + 5, AXIS + 11);
    }
  }

  function draw() {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.font = "11px system-ui, sans-serif";
    const sy = scrollY();
    ctx.save();
    ctx.beginPath(); ctx.rect(0, AXIS, W, H - AXIS); ctx.clip();
    ctx.fillStyle = "rgba(255,152,0,.18)";
    for (const g of gcs) {
      if (g[1] < t0 || g[0] > t1) continue;
      const x0 = xOf(g[0]);
      ctx.fillRect(x0, AXIS, Math.max(2, xOf(g[1]) - x0), H);
    }
    for (let li = firstLane(sy); li < lanes.length; li++) {
      const ln = lanes[li], top = ln.y - sy + AXIS;
      if (top > H) break;
      if (li === selLane) { ctx.fillStyle = "#fff3c4"; ctx.fillRect(0, top, W, ln.h); }
      else if (ln.kind === "t") { ctx.fillStyle = "#eef3f7"; ctx.fillRect(0, top, W, ln.h); }
      ctx.fillStyle = "#f0f0f0"; ctx.fillRect(0, top + ln.h - 1, W, 1);
      drawLane(ln, li, top);
    }
    drawArrows();
    ctx.restore();
    drawAxis();
  }

  // ---- hit testing and details ----
  function laneAt(py) {
    const yy = py - AXIS + scrollY();
    if (py < AXIS) return -1;
    const li = firstLane(yy);
    return li < lanes.length && lanes[li].y <= yy ? li : -1;
  }
  function segAt(li, t, px) {
    const ln = lanes[li];
    const slack = (t1 - t0) / W * 2;
    let k = firstSeg(ln, t - slack);
    let best = -1;
    for (; k < ln.segs.length; k++) {
      const s = ln.segs[k];
      if (sT0[s] > t + slack) break;
      if (sT0[s] <= t && t < sT1[s]) return s;
      if (best < 0) best = s;
    }
    return best;
  }
  function evLoc(i) {
    if (i < 0) return "";
    const e = ev[i], loc = str(fld(e, 6)), fn = str(fld(e, 7));
    return loc ? fn + " at " + loc : "";
  }
  function describeG(g) {
    let s = "goroutine " + g.id + (g.id === 1 ? " (main)" : "") + "\n  function " + g.fn;
    if (g.parent > 0) s += "\n  created by goroutine " + g.parent + (g.loc ? " at " + g.loc : "") +
      " at " + fmtT(g.t);
    if (g.end >= 0) s += "\n  ended at " + fmtT(g.end);
    return s;
  }
  function describeSeg(s) {
    const ln = lanes[sLane[s]];
    const span = fmtT(sT0[s]) + " → " + fmtT(sT1[s]) + " (" + fmtT(sT1[s] - sT0[s]) + ")";
    if (ln.kind === "t") {
      const g = gs.get(sAux[s]);
      return "thread " + ln.id + " runs goroutine " + sAux[s] + "\n  " + span +
        (g ? "\n\n" + describeG(g) : "");
    }
    const g = ln.obj, st = sSt[s];
    let d = stateName(st) + "\n  " + span;
    const e = sEv[s] >= 0 ? ev[sEv[s]] : null;
    if (st >= ST_BLOCK || st === ST_SYSCALL) {
      const where = evLoc(sEv[s]);
      if (where) d += "\n  at " + where;
    } else if (st === ST_RUN && e) {
      d += "\n  on thread " + e[3] + ", P" + fld(e, 4);
    } else if (st === ST_RUNNABLE && e && e[1] === K.GoUnblock) {
      d += "\n  woken by " + (sAux[s] > 0 ? "goroutine " + sAux[s] : "the runtime (timer)");
    } else if (st === ST_RUNNABLE && e && e[1] === K.GoPreempt) {
      d += "\n  preempted: its time slice was used up";
    }
    return d + "\n\n" + describeG(g);
  }
  function nearOut(li, px, py) {
    const os = outsByLane.get(li);
    if (!os) return null;
    for (const o of os) if (Math.abs(xOf(o[0]) - px) < 6) return o;
    return null;
  }
  function nearArrow(px, py) {
    let best = null, bd = 5;
    for (const a of arrows) {
      if (a[2] < t0 || a[0] > t1 || !showArrow[a[4]]) continue;
      const l0 = laneOfG.get(a[1]), l1 = laneOfG.get(a[3]);
      if (l0 === undefined || l1 === undefined) continue;
      const xa = xOf(a[0]), ya = laneY(l0), xb = xOf(a[2]), yb = laneY(l1);
      const dx = xb - xa, dy = yb - ya, L = dx * dx + dy * dy;
      let u = L ? ((px - xa) * dx + (py - ya) * dy) / L : 0;
      u = Math.max(0, Math.min(1, u));
      const d = Math.hypot(xa + u * dx - px, ya + u * dy - py);
      if (d < bd) { bd = d; best = a; }
    }
    return best;
  }
  function describeAt(px, py) {
    const li = laneAt(py);
    const a = nearArrow(px, py);
    if (a) {
      if (a[4] === ARROW_GO) return "go statement at " + fmtT(a[0]) + "\n  goroutine " + a[1] +
        " created goroutine " + a[3] + (evLoc(a[5]) ? "\n  " + evLoc(a[5]) : "");
      if (a[4] === ARROW_WAKE) return "wake-up at " + fmtT(a[0]) + "\n  goroutine " + a[1] +
        " made goroutine " + a[3] + " runnable (a channel, lock, WaitGroup or Cond it waited on)";
      return "channel hand-off (channel #" + fld(ev[a[5]], 4) + ")\n  sent by goroutine " +
        a[1] + " at " + fmtT(a[0]) + "\n  received by goroutine " + a[3] + " at " + fmtT(a[2]);
    }
    if (li < 0) return null;
    const o = lanes[li].kind === "g" ? nearOut(li, px, py) : null;
    if (o) return "goroutine " + o[1] + " wrote to " + (o[4] ? "stderr" : "stdout") + " at " +
      fmtT(o[0]) + ":\n" + o[2];
    const s = segAt(li, tOf(px), px);
    if (s >= 0) return describeSeg(s);
    return lanes[li].kind === "g" ? describeG(lanes[li].obj) : "thread " + lanes[li].id;
  }

  const tip = $("tip");
  let drag = null;
  cv.addEventListener("mousedown", (e) => {
    drag = { x: e.clientX, y: e.clientY, t0: t0, t1: t1, sy: scrollY(), moved: false };
    cv.style.cursor = "grabbing";
  });
  window.addEventListener("mouseup", (e) => {
    if (drag && !drag.moved) {
      const r = cv.getBoundingClientRect();
      const px = e.clientX - r.left, py = e.clientY - r.top;
      const d = describeAt(px, py);
      const li = laneAt(py);
      if (li >= 0) select(li, false);
      if (d) $("details").textContent = d;
    }
    drag = null;
    cv.style.cursor = "grab";
  });
  window.addEventListener("mousemove", (e) => {
    if (drag) {
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      const dt = (dx / W) * (drag.t1 - drag.t0);
      t0 = drag.t0 - dt; t1 = drag.t1 - dt;
      labels.scrollTop = drag.sy - dy;
      tip.style.display = "none";
      draw();
      return;
    }
    const r = cv.getBoundingClientRect();
    const px = e.clientX - r.left, py = e.clientY - r.top;
    if (px < 0 || py < 0 || px > W || py > H) { tip.style.display = "none"; return; }
    const d = describeAt(px, py);
    if (!d) { tip.style.display = "none"; return; }
    tip.textContent = d;
    tip.style.display = "block";
    const tw = tip.offsetWidth, th = tip.offsetHeight;
    tip.style.left = (px + 14 + tw > W ? px - tw - 10 : px + 14) + "px";
    tip.style.top = (py + 14 + th > H ? Math.max(0, py - th - 10) : py + 14) + "px";
  });
  cv.addEventListener("mouseleave", () => { tip.style.display = "none"; });

  function zoom(f, cx) {
    const tc = tOf(cx === undefined ? W / 2 : cx);
    const span = Math.max((t1 - t0) * f, 10);
    const r = cx === undefined ? 0.5 : cx / W;
    t0 = tc - span * r; t1 = t0 + span;
    draw();
  }
  function pan(f) { const d = (t1 - t0) * f; t0 += d; t1 += d; draw(); }
  function fit() { t0 = 0; t1 = Math.max(tEnd, 1) * 1.02; draw(); }
  view.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = cv.getBoundingClientRect();
    if (e.ctrlKey || e.metaKey || e.altKey) zoom(Math.pow(1.0015, e.deltaY), e.clientX - r.left);
    else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) pan((e.deltaX || e.deltaY) / W);
    else labels.scrollTop += e.deltaY;
  }, { passive: false });
  cv.addEventListener("dblclick", (e) => {
    const r = cv.getBoundingClientRect();
    zoom(e.shiftKey ? 2 : 0.5, e.clientX - r.left);
  });
  window.addEventListener("keydown", (e) => {
    if (e.target.tagName === "INPUT") return;
    const k = e.key.toLowerCase();
    if (k === "w" || k === "+" || k === "=") zoom(0.7);
    else if (k === "s" || k === "-") zoom(1 / 0.7);
    else if (k === "a" || k === "arrowleft") pan(-0.15);
    else if (k === "d" || k === "arrowright") pan(0.15);
    else if (k === "0") fit();
  });
  $("zin").onclick = () => zoom(0.5);
  $("zout").onclick = () => zoom(2);
  $("fit").onclick = fit;
  labels.addEventListener("scroll", draw);

  function select(li, scroll) {
    const old = $("lanes").querySelector(".lane.sel");
    if (old) old.classList.remove("sel");
    selLane = li;
    const el = laneEl(li);
    if (el) el.classList.add("sel");
    if (scroll) labels.scrollTop = Math.max(0, lanes[li].y - H / 3);
    draw();
  }
  // A label's tooltip is made when the mouse first reaches it (100,000 labels load faster).
  $("lanes").addEventListener("mouseover", (e) => {
    const el = e.target.closest(".lane");
    if (!el || el.title) return;
    const ln = lanes[+el.dataset.lane];
    el.title = ln.kind === "g" ? describeG(ln.obj) : "thread " + ln.id;
  });
  $("lanes").addEventListener("click", (e) => {
    const el = e.target.closest(".lane");
    if (!el) return;
    const li = +el.dataset.lane, ln = lanes[li];
    select(li, false);
    $("details").textContent = ln.kind === "g" ? describeG(ln.obj) :
      "thread " + ln.id + " (an M: a native thread running goroutines while it holds a P)";
  });
  $("output").addEventListener("click", (e) => {
    const el = e.target.closest("[data-out]");
    if (!el) return;
    const o = outs[+el.dataset.out];
    const span = t1 - t0;
    t0 = o[0] - span / 2; t1 = t0 + span;
    const li = laneOfG.get(o[1]);
    if (li !== undefined) select(li, true);
    $("details").textContent = "goroutine " + o[1] + " printed at " + fmtT(o[0]) + ":\n" + o[2];
  });
  window.addEventListener("resize", resize);

  // file://...#selftest (tests/trace): drive the interactive paths as a user would: hover
  // and click across every visible lane, zoom, pan, click a label and an output line.
  function selftest() {
    const r = cv.getBoundingClientRect();
    const at = (type, x, yy) => (type === "mouseup" ? window : cv).dispatchEvent(
      new MouseEvent(type, { clientX: r.left + x, clientY: r.top + yy, bubbles: true }));
    let hovers = 0;
    const wake = $("legend").querySelector('input[data-arrow="' + ARROW_WAKE + '"]');
    if (wake) wake.click(); // every kind of arrow on
    for (const f of [1, 0.25, 0.05]) {
      zoom(f);
      for (let li = firstLane(scrollY()); li < lanes.length && laneY(li) < H; li++)
        for (let x = 1; x < W; x += Math.max(4, W / 60)) {
          at("mousemove", x, laneY(li));
          hovers++;
        }
      at("mousedown", W / 2, laneY(0)); at("mouseup", W / 2, laneY(0));
      at("mousedown", W / 2, laneY(0)); at("mousemove", W / 3, laneY(0) + 10);
      at("mouseup", W / 3, laneY(0) + 10);
    }
    for (const box of $("legend").querySelectorAll("input")) box.click();
    pan(0.3); pan(-0.6); fit();
    const lab = $("lanes").querySelector(".lane");
    if (lab) {
      lab.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      lab.click();
    }
    const out = $("output").querySelector("[data-out]");
    if (out) out.click();
    fit();
    tip.style.display = "none";
    // An exception in an event handler does not reach us: window.onerror saw it.
    document.body.dataset.selftest = document.body.dataset.traceError ? "failed" : "ok " + hovers;
  }

  resize();
  mark("draw");
  document.body.dataset.loadPhases = marks.join(" ");
  document.body.dataset.loadMs = String(Math.round(performance.now()));
  if (location.hash === "#selftest") selftest();
  document.body.dataset.goroutines = String(gids.length);
  document.body.dataset.threads = String(tids.length);
  if (document.body.dataset.traceStatus === "loading") document.body.dataset.traceStatus = "ok";
})();
