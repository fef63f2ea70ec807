// The text alternative to the chart: a table of the phases and one of the curve at readable times.

/** Builds both tables for a timeline, in the words of messages `t` and formatter `f`. */
function buildTables(timeline, t, f) {
  const u = t.ui;
  const range = (b) => `${f.time(b.typical)} (${f.time(b.low)}–${f.time(b.high)})`;
  const head = (cells) => el("tr", {}, cells.map((c) => el("th", { text: c, scope: "col" })));
  const row = (cells) => el("tr", {}, cells.map((c, i) => el(i ? "td" : "th", i ? { text: c } : { text: c, scope: "row" })));
  const phases = ["acute", "subAcute", "chronic"].map((k, i) => [timeline.phases[k], t.chart.phases[i]]);
  const phaseTable = el("table", {}, [
    el("caption", { text: u.phasesCaption }),
    head([u.phase, u.chance, u.starts, u.ends, u.relief]),
    ...phases.map(([p, name]) => {
      const reached = p.probability > 0;
      const relief = `${f.pct(p.reliefPercent.typical)} (${f.pct(p.reliefPercent.low)}–${f.pct(p.reliefPercent.high)})`;
      return row([name, f.pct(p.probability * 100), reached ? range(p.startDays) : "–", reached ? range(p.endDays) : "–", reached ? relief : "–"]);
    }),
  ]);
  const at = [1 / 24, 0.25, 1, 3, 7, 14, 30.4375, 91.3125, 182.625, 365.25, 730.5].filter((d) => d <= timeline.horizonDays * 1.01);
  const curve = el("table", {}, [
    el("caption", { text: u.curveCaption }),
    head([u.time, u.typical, u.range]),
    ...at.map((d) => {
      const v = interpolate(timeline.relief, d);
      return row([f.time(d), f.pct(v.p50), `${f.pct(v.p10)}–${f.pct(v.p90)}`]);
    }),
  ]);
  return [phaseTable, curve];
}
