// Benchmark page (b): the widget's chart with Chart.js 4 (chart.umd.js, no other plugin): the
// same data points, p10..p90 band (fill between datasets), log time axis, phase shading (a small
// inline plugin), threshold, doses, side effects, phase labels, legend and footnote.
// Reads window.BENCH_TIMELINE (data/first.js); exposes window.benchDraw(timeline) for re-renders.
(function () {
  "use strict";
  const START = 5 / 1440;
  const L = {
    ticks: ["10 min", "1 h", "6 h", "1 d", "1 wk", "1 mo", "3 mo", "6 mo", "1 yr", "2 yr", "3 yr"],
    reliefAxis: "Pain relief", phases: ["Acute", "Sub-acute", "Chronic"], chance: "about {k} in {n}",
    threshold: "30%: meaningful relief", median: "Typical", band: "8 in 10 people", dose: "Dose",
    booster: "Booster", sideEffects: "Side effects", footnote: "Educational estimate, not medical advice.",
  };
  const C = {
    text: "#1a1a1a", muted: "#555", grid: "#e6e6e6", axis: "#6e6e6e", median: "rgb(0,90,160)",
    band: "rgba(0,114,178,0.28)", phases: ["230,159,0", "86,180,233", "0,158,115"],
    phaseText: ["rgb(140,80,0)", "rgb(0,95,140)", "rgb(0,110,80)"], dose: "rgb(90,50,130)", side: "rgb(204,121,167)",
  };
  const TICKS = [[10 / 1440, 0, 2], [1 / 24, 1, 0], [0.25, 2, 3], [1, 3, 0], [7, 4, 1], [30.4375, 5, 0],
    [91.3125, 6, 2], [182.625, 7, 1], [365.25, 8, 0], [730.5, 9, 1], [1095.75, 10, 2]];
  const FRACTIONS = [[1, 20], [1, 10], [1, 5], [1, 4], [1, 3], [2, 5], [1, 2], [3, 5], [2, 3], [3, 4], [4, 5], [9, 10], [19, 20]];
  const chance = (p) => {
    if (p >= 0.95) return null;
    let best = FRACTIONS[0];
    for (const f of FRACTIONS) if (Math.abs(f[0] / f[1] - p) < Math.abs(best[0] / best[1] - p)) best = f;
    return L.chance.replace("{k}", best[0]).replace("{n}", best[1]);
  };
  const font = (size, bold) => (bold ? "bold " : "") + size + "px sans-serif";
  const marker = (ctx, x, base, booster) => {
    ctx.beginPath();
    if (booster) ctx.moveTo(x, base - 10), ctx.lineTo(x + 4.5, base - 5), ctx.lineTo(x, base), ctx.lineTo(x - 4.5, base - 5);
    else ctx.moveTo(x, base - 9), ctx.lineTo(x + 5, base), ctx.lineTo(x - 5, base);
    ctx.fillStyle = C.dose;
    ctx.fill();
  };

  let tl = window.BENCH_TIMELINE;
  const points = (key) => tl.relief.days.map((d, i) => ({ x: d, y: tl.relief[key][i] }));

  const overlay = {
    id: "reliefOverlay",
    // Phase shading under the data: full strength while surely under way, fading over the
    // uncertain start and end.
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: p, scales: { x: X } } = chart;
      const px = (d) => X.getPixelForValue(Math.min(X.max, Math.max(X.min, d)));
      [tl.phases.acute, tl.phases.subAcute, tl.phases.chronic].forEach((ph, i) => {
        if (ph.probability <= 0) return;
        const s0 = px(ph.startDays.low), s1 = px(ph.startDays.high), e0 = px(ph.endDays.low), e1 = Math.max(px(ph.endDays.high), s0);
        if (e1 - s0 < 1) return;
        const strength = 0.1 + 0.16 * Math.min(1, ph.probability);
        const ramp = (v, a, b) => (b - a < 0.5 ? +(v >= a) : Math.min(1, Math.max(0, (v - a) / (b - a))));
        // One rect per 4 CSS px, like the widget: a canvas gradient looks the same but costs
        // milliseconds more to rasterise in software.
        for (let a = Math.floor(s0), x1 = Math.ceil(e1); a < x1; a += 4) {
          const b = Math.min(a + 4, x1), mid = (a + b) / 2;
          const alpha = strength * ramp(mid, s0, s1) * (1 - ramp(mid, e0, e1));
          if (alpha <= 0.005) continue;
          ctx.fillStyle = `rgba(${C.phases[i]},${alpha})`;
          ctx.fillRect(a, p.top, b - a, p.bottom - p.top);
        }
      });
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
      const halo = (s, x, y, size, color, align, bold) => {
        ctx.font = font(size, bold);
        const w = ctx.measureText(s).width, x0 = align === "right" ? x - w : align === "center" ? x - w / 2 : x;
        ctx.fillStyle = "rgba(255,255,255,0.8)";
        ctx.fillRect(x0 - 2, y, w + 4, size * 1.25);
        ctx.fillStyle = color;
        ctx.textAlign = align;
        ctx.fillText(s, x, y);
      };
      halo(L.threshold, p.right - 2, y30 - 12 * 1.25 - 2, 12, C.text, "right");
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
        halo(L.phases[i], cx, y, 13, C.phaseText[i], "center", true);
        if (c) halo(c, cx, y + 13 * 1.25, 12, C.phaseText[i], "center");
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
      font: { family: "sans-serif", size: 12 },
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
