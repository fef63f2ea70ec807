// Benchmark page (b): the widget's chart with Chart.js 4 (chart.umd.js, no other plugin): the
// same data points, p10..p90 band (fill between datasets), log time axis, phase shading (a small
// inline plugin), threshold, doses, side effects, phase labels, legend and footnote.
// Reads window.BENCH_TIMELINE (data/first.js); exposes window.benchDraw(timeline) for re-renders.
(function () {
  "use strict";
  const START = 5 / 1440;
  const { L, C, TICKS, chance, font, halo, marker, shadePhases } = window.BENCH_COMMON;

  let tl = window.BENCH_TIMELINE;
  const points = (key) => tl.relief.days.map((d, i) => ({ x: d, y: tl.relief[key][i] }));

  const overlay = {
    id: "reliefOverlay",
    // Phase shading under the data.
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: p, scales: { x: X } } = chart;
      shadePhases(ctx, tl, (d) => X.getPixelForValue(Math.min(X.max, Math.max(X.min, d))), p.top, p.bottom);
    },
    // Over the data: threshold, side effects, doses and phase names.
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: p, scales: { x: X, y: Y } } = chart;
      const px = (d) => X.getPixelForValue(Math.min(X.max, Math.max(X.min, d)));
      ctx.save();
      ctx.textBaseline = "top";
      const y30 = Y.getPixelForValue(30);
      ctx.setLineDash([6, 4]);
      ctx.strokeStyle = C.axis;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(p.left, y30);
      ctx.lineTo(p.right, y30);
      ctx.stroke();
      ctx.setLineDash([]);
      halo(ctx, L.threshold, p.right - 2, y30 - 12 * 1.25 - 2, 12, C.text, "right");
      ctx.fillStyle = C.side;
      for (const w of tl.sideEffectWindows) {
        const a = px(w.startDays);
        ctx.fillRect(a, p.bottom + 1.5, Math.max(px(w.endDays) - a, 2), 3.5);
      }
      let last = -Infinity;
      for (const d of tl.doses) {
        const x = px(d.startDays);
        if (x - last < 3 || d.startDays > X.max) continue;
        last = x;
        marker(ctx, x, p.bottom - 1, d.booster);
      }
      const taken = [];
      [tl.phases.acute, tl.phases.subAcute, tl.phases.chronic].forEach((ph, i) => {
        if (ph.probability <= 0) return;
        const a = px(ph.startDays.typical), b = Math.max(px(ph.endDays.typical), a);
        const c = chance(ph.probability);
        ctx.font = font(13, true);
        let w = ctx.measureText(L.phases[i]).width;
        ctx.font = font(12);
        if (c) w = Math.max(w, ctx.measureText(c).width);
        const cx = Math.min(p.right - w / 2 - 2, Math.max(p.left + w / 2 + 2, (a + b) / 2));
        const h = 13 * 1.25 + (c ? 12 * 1.25 : 0);
        let y = p.top + 4;
        while (y + h < p.bottom && taken.some((t) => t.x0 < cx + w / 2 + 6 && cx - w / 2 - 6 < t.x1 && t.y0 < y + h && y < t.y1)) y += 4;
        if (y + h >= p.bottom) return;
        taken.push({ x0: cx - w / 2 - 6, x1: cx + w / 2 + 6, y0: y, y1: y + h });
        halo(ctx, L.phases[i], cx, y, 13, C.phaseText[i], "center", true);
        if (c) halo(ctx, c, cx, y + 13 * 1.25, 12, C.phaseText[i], "center");
      });
      ctx.restore();
    },
  };

  const legendItems = () => {
    const item = (text, color, pointStyle) => ({ text, fillStyle: color, strokeStyle: color, lineWidth: 0, pointStyle, hidden: false });
    const items = [item(L.median, C.median, "line"), item(L.band, C.band, "rect"), item(L.dose, C.dose, "triangle")];
    if (tl.doses.some((d) => d.booster)) items.push(item(L.booster, C.dose, "rectRot"));
    items.push(item(L.sideEffects, C.side, "rect"));
    items[0].lineWidth = 2.5;
    return items;
  };

  const chart = new Chart(document.getElementById("chart"), {
    type: "line",
    data: {
      datasets: [
        { label: L.band, data: points("p90"), fill: "+1", backgroundColor: C.band, borderWidth: 0, pointRadius: 0 },
        { label: "p10", data: points("p10"), fill: false, borderWidth: 0, pointRadius: 0 },
        { label: L.median, data: points("p50"), fill: false, borderColor: C.median, borderWidth: 2.5, pointRadius: 0 },
      ],
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 2,
      parsing: false,
      normalized: true,
      layout: { padding: { left: 12, right: 12, top: 4, bottom: 12 } },
      font: { family: "system-ui, sans-serif", size: 12 },
      color: C.muted,
      scales: {
        x: {
          type: "logarithmic",
          min: START,
          max: tl.horizonDays,
          grid: { color: C.grid },
          border: { color: C.axis },
          // The human time ticks (10 min ... 3 yr) that fit, most important first.
          afterBuildTicks(scale) {
            const ctx = scale.ctx;
            ctx.font = font(12);
            // Pixels by hand: the scale is not laid out yet when its ticks are built.
            const lo = Math.log(scale.min), hi = Math.log(scale.max);
            const X = (d) => scale.left + ((Math.log(d) - lo) / (hi - lo)) * (scale.right - scale.left);
            const kept = [];
            for (const t of TICKS.filter((t) => t[0] <= scale.max * 1.01).sort((a, b) => a[2] - b[2])) {
              const w = ctx.measureText(L.ticks[t[1]]).width, c = X(t[0]);
              if (kept.every((k) => c + w / 2 + 8 <= k.a || k.b + 8 <= c - w / 2)) kept.push({ t, a: c - w / 2, b: c + w / 2 });
            }
            scale.ticks = kept.map((k) => ({ value: k.t[0], label: L.ticks[k.t[1]] })).sort((a, b) => a.value - b.value);
          },
          ticks: { autoSkip: false, maxRotation: 0, color: C.muted, callback(value, i, ticks) { return ticks[i].label; } },
        },
        y: {
          min: 0,
          max: 100,
          grid: { color: (c) => (c.tick && c.tick.value === 0 ? C.axis : C.grid) },
          ticks: { stepSize: 25, color: C.muted, callback: (v) => v + "%" },
          title: { display: true, text: L.reliefAxis, color: C.text, font: { weight: "bold" } },
        },
      },
      plugins: {
        legend: { position: "top", align: "start", labels: { usePointStyle: true, boxHeight: 10, color: C.text, generateLabels: legendItems } },
        subtitle: { display: true, position: "bottom", align: "start", text: L.footnote, color: C.muted, font: { size: 12, weight: "normal" } },
        tooltip: { enabled: true },
      },
    },
    plugins: [overlay],
  });
  window.__first = performance.now();

  window.benchDraw = (timeline) => {
    tl = timeline;
    const [p90, p10, p50] = chart.data.datasets;
    p90.data = points("p90");
    p10.data = points("p10");
    p50.data = points("p50");
    chart.options.scales.x.max = tl.horizonDays;
    chart.update("none");
  };
})();
