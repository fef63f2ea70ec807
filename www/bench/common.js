// Shared by benchmark pages (b) Chart.js and (c) the floor, so both draw exactly what the widget
// draws: its words, colours, tick candidates, chance phrases, dose markers and phase shading.
window.BENCH_COMMON = (function () {
  "use strict";
  const L = {
    ticks: ["10 min", "1 h", "6 h", "1 d", "1 wk", "1 mo", "3 mo", "6 mo", "1 yr", "2 yr", "3 yr"],
    reliefAxis: "Pain relief", phases: ["Acute", "Sub-acute", "Chronic"], chance: "about {k} in {n}",
    threshold: "30%: meaningful relief", median: "Typical", band: "8 in 10 people", dose: "Dose",
    booster: "Booster", sideEffects: "Side effects", footnote: "Educational estimate, not medical advice.",
  };
  const C = {
    bg: "#fff", text: "#1a1a1a", muted: "#555", grid: "#e6e6e6", axis: "#6e6e6e", median: "rgb(0,90,160)",
    band: "rgba(0,114,178,0.28)", phases: ["230,159,0", "86,180,233", "0,158,115"],
    phaseText: ["rgb(140,80,0)", "rgb(0,95,140)", "rgb(0,110,80)"], dose: "rgb(90,50,130)", side: "rgb(204,121,167)",
  };
  // [days, label index, rank]: lower rank is kept first when labels would collide.
  const TICKS = [[10 / 1440, 0, 2], [1 / 24, 1, 0], [0.25, 2, 3], [1, 3, 0], [7, 4, 1], [30.4375, 5, 0],
    [91.3125, 6, 2], [182.625, 7, 1], [365.25, 8, 0], [730.5, 9, 1], [1095.75, 10, 2]];
  // As src/render/labels.rs nearest_fraction.
  const FRACTIONS = [[1, 100], [1, 50], [1, 20], [1, 10], [1, 5], [1, 4], [1, 3], [2, 5], [1, 2], [3, 5], [2, 3], [3, 4], [4, 5], [9, 10]];
  const chance = (p) => {
    if (p >= 0.95) return null;
    let best = FRACTIONS[0];
    for (const f of FRACTIONS) if (Math.abs(f[0] / f[1] - p) < Math.abs(best[0] / best[1] - p)) best = f;
    return L.chance.replace("{k}", best[0]).replace("{n}", best[1]);
  };

  const font = (size, bold) => (bold ? "bold " : "") + size + "px system-ui, sans-serif";

  /** A text (top-aligned, as the pages set textBaseline) on a translucent white patch, like the
   * widget's phase and threshold labels. */
  function halo(ctx, s, x, y, size, color, align, bold) {
    ctx.font = font(size, bold);
    const w = ctx.measureText(s).width, x0 = align === "right" ? x - w : align === "center" ? x - w / 2 : x;
    ctx.fillStyle = "rgba(255,255,255,0.8)";
    ctx.fillRect(x0 - 2, y, w + 4, size * 1.25);
    ctx.fillStyle = color;
    ctx.textAlign = align;
    ctx.fillText(s, x, y);
  }

  /** A dose ▲ or booster ◆ with its base at `base`. */
  function marker(ctx, x, base, booster) {
    ctx.beginPath();
    if (booster) ctx.moveTo(x, base - 10), ctx.lineTo(x + 4.5, base - 5), ctx.lineTo(x, base), ctx.lineTo(x - 4.5, base - 5);
    else ctx.moveTo(x, base - 9), ctx.lineTo(x + 5, base), ctx.lineTo(x - 5, base);
    ctx.fillStyle = C.dose;
    ctx.fill();
  }

  /** Phase shading between `top` and `bottom`, `px` mapping days to x: full strength while surely
   * under way, fading over the uncertain start and end, in 4-px steps with each run of equal
   * alpha as one rect, as the widget does (src/render/chart.rs shade_phase). */
  function shadePhases(ctx, tl, px, top, bottom) {
    [tl.phases.acute, tl.phases.subAcute, tl.phases.chronic].forEach((ph, i) => {
      if (ph.probability <= 0) return;
      const s0 = px(ph.startDays.low), s1 = px(ph.startDays.high), e0 = px(ph.endDays.low), e1 = Math.max(px(ph.endDays.high), s0);
      const strength = 0.1 + 0.16 * Math.min(1, ph.probability);
      const ramp = (v, a, b) => (b - a < 0.5 ? +(v >= a) : Math.min(1, Math.max(0, (v - a) / (b - a))));
      const fill = (a, b, alpha) => {
        if (!(alpha > 0.005)) return; // also the empty run before the first step (NaN)
        ctx.fillStyle = `rgba(${C.phases[i]},${alpha})`;
        ctx.fillRect(a, top, b - a, bottom - top);
      };
      const x1 = Math.ceil(e1);
      let runStart = Math.floor(s0), runAlpha = NaN;
      for (let a = Math.floor(s0); a < x1; a += 4) {
        const b = Math.min(a + 4, x1), mid = (a + b) / 2;
        const alpha = Math.round(strength * ramp(mid, s0, s1) * (1 - ramp(mid, e0, e1)) * 128) / 128;
        if (alpha !== runAlpha) {
          if (a > runStart) fill(runStart, a, runAlpha);
          runStart = a;
          runAlpha = alpha;
        }
      }
      if (x1 > runStart) fill(runStart, x1, runAlpha);
    });
  }

  return { L, C, TICKS, chance, font, halo, marker, shadePhases };
})();
