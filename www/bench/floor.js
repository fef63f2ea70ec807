// Benchmark page (c), the floor: the widget's chart (same data, band, phase shading, labels,
// doses, side effects, threshold, legend) drawn by hand with nothing but the 2D canvas API.
// Reads window.BENCH_TIMELINE (data/first.js); exposes window.benchDraw(timeline) for re-renders.
(function () {
  "use strict";
  const W = 760, H = 426, DPR = 2, START = 5 / 1440;
  const { L, C, TICKS, chance, font, halo, marker, shadePhases } = window.BENCH_COMMON;

  const canvas = document.getElementById("chart");
  canvas.width = W * DPR;
  canvas.height = H * DPR;
  const ctx = canvas.getContext("2d");
  const text = (s, x, y, size, color, align, bold) => {
    ctx.font = font(size, bold);
    ctx.fillStyle = color;
    ctx.textAlign = align;
    ctx.fillText(s, x, y);
    return ctx.measureText(s).width;
  };
  const line = (pts, color, width) => {
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.stroke();
  };

  function draw(tl) {
    const pad = 12, size = 13, small = 12;
    ctx.setTransform(DPR, 0, 0, DPR, 0, 0);
    ctx.textBaseline = "top";
    ctx.fillStyle = C.bg;
    ctx.fillRect(0, 0, W, H);

    // Legend.
    const boosters = tl.doses.some((d) => d.booster);
    const items = [[L.median, "line"], [L.band, "band"], [L.dose, "dose"]];
    if (boosters) items.push([L.booster, "booster"]);
    items.push([L.sideEffects, "side"]);
    const rowH = small * 1.25 + 4;
    let x = pad, y = pad;
    ctx.font = font(small);
    for (const [label, kind] of items) {
      const w = 22 + ctx.measureText(label).width;
      if (x + w > W - pad && x > pad) (x = pad), (y += rowH);
      const mid = y + small * 0.65;
      if (kind === "line") line([[x, mid], [x + 18, mid]], C.median, 2.5);
      else if (kind === "band") (ctx.fillStyle = C.band), ctx.fillRect(x, mid - 5, 18, 10);
      else if (kind === "side") (ctx.fillStyle = C.side), ctx.fillRect(x, mid - 2, 18, 4);
      else marker(ctx, x + 9, mid + 5, kind === "booster");
      text(label, x + 22, y, small, C.text, "left");
      x += w + 14;
    }
    const titleY = y + rowH + 4;
    ctx.font = font(small);
    const p = { x0: pad + ctx.measureText("100%").width + 6, y0: titleY + small * 2 + 4, x1: W - pad - ctx.measureText("3 yr").width / 2, y1: H - pad - small * 2.5 - 10 };
    const lo = Math.log(START), hi = Math.log(Math.max(tl.horizonDays, START * 10));
    const X = (d) => p.x0 + Math.min(1, Math.max(0, (Math.log(Math.max(d, START)) - lo) / (hi - lo))) * (p.x1 - p.x0);
    const Y = (v) => p.y1 - (Math.min(100, Math.max(0, v)) / 100) * (p.y1 - p.y0);
    text(L.reliefAxis, pad, titleY, small, C.text, "left", true);

    // Ticks that fit, most important first; then grid.
    const horizon = Math.exp(hi);
    const kept = [];
    for (const t of TICKS.filter((t) => t[0] <= horizon * 1.01).sort((a, b) => a[2] - b[2])) {
      const w = ctx.measureText(L.ticks[t[1]]).width, c = X(t[0]);
      if (kept.every((k) => c + w / 2 + 8 <= k.a || k.b + 8 <= c - w / 2)) kept.push({ t, a: c - w / 2, b: c + w / 2 });
    }
    for (const k of kept) line([[X(k.t[0]), p.y0], [X(k.t[0]), p.y1]], C.grid, 1);
    for (const pct of [0, 25, 50, 75, 100]) {
      line([[p.x0, Y(pct)], [p.x1, Y(pct)]], pct ? C.grid : C.axis, 1);
      text(pct + "%", p.x0 - 5, Y(pct) - small * 0.62, small, C.muted, "right");
    }

    const phases = [tl.phases.acute, tl.phases.subAcute, tl.phases.chronic];
    shadePhases(ctx, tl, X, p.y0, p.y1);

    // Side-effect windows under the axis.
    ctx.fillStyle = C.side;
    for (const w of tl.sideEffectWindows) {
      const a = X(w.startDays);
      ctx.fillRect(a, p.y1 + 1.5, Math.max(X(w.endDays) - a, 2), 3.5);
    }

    // Band p10..p90 and the median.
    const r = tl.relief;
    ctx.beginPath();
    for (let i = 0; i < r.days.length; i++) ctx.lineTo(X(r.days[i]), Y(r.p90[i]));
    for (let i = r.days.length - 1; i >= 0; i--) ctx.lineTo(X(r.days[i]), Y(r.p10[i]));
    ctx.fillStyle = C.band;
    ctx.fill();
    line(r.days.map((d, i) => [X(d), Y(r.p50[i])]), C.median, 2.5);

    // The 30% threshold.
    ctx.setLineDash([6, 4]);
    line([[p.x0, Y(30)], [p.x1, Y(30)]], C.axis, 1.5);
    ctx.setLineDash([]);
    halo(ctx, L.threshold, p.x1 - 2, Y(30) - small * 1.25 - 2, small, C.text, "right");

    // Phase names (and chance) above the middle of each phase, in the first free row.
    const taken = [];
    phases.forEach((ph, i) => {
      if (ph.probability <= 0) return;
      const a = X(ph.startDays.typical), b = Math.max(X(ph.endDays.typical), a);
      const c = chance(ph.probability);
      ctx.font = font(size, true);
      let w = ctx.measureText(L.phases[i]).width;
      ctx.font = font(small);
      if (c) w = Math.max(w, ctx.measureText(c).width);
      const cx = Math.min(p.x1 - w / 2 - 2, Math.max(p.x0 + w / 2 + 2, (a + b) / 2));
      const h = size * 1.25 + (c ? small * 1.25 : 0);
      let y = p.y0 + 4;
      while (y + h < p.y1 && taken.some((t) => t.x0 < cx + w / 2 + 6 && cx - w / 2 - 6 < t.x1 && t.y0 < y + h && y < t.y1)) y += 4;
      if (y + h >= p.y1) return;
      taken.push({ x0: cx - w / 2 - 6, x1: cx + w / 2 + 6, y0: y, y1: y + h });
      halo(ctx, L.phases[i], cx, y, size, C.phaseText[i], "center", true);
      if (c) halo(ctx, c, cx, y + size * 1.25, small, C.phaseText[i], "center");
    });

    // Doses, then the time axis and the footnote.
    let last = -Infinity;
    for (const d of tl.doses) {
      const x = X(d.startDays);
      if (x - last < 3 || d.startDays > horizon) continue;
      last = x;
      marker(ctx, x, p.y1 - 1, d.booster);
    }
    for (const k of kept) {
      const x = X(k.t[0]);
      line([[x, p.y1], [x, p.y1 + 4]], C.axis, 1);
      const nudge = Math.max(0, k.b - W) - Math.max(0, -k.a);
      text(L.ticks[k.t[1]], x - nudge, p.y1 + 8, small, C.muted, "center");
    }
    text(L.footnote, pad, H - pad - small * 1.25, small, C.muted, "left");
  }

  draw(window.BENCH_TIMELINE);
  window.__first = performance.now();
  window.benchDraw = draw;
})();
