// Export: the chart as PNG (2x), as SVG (the same renderer through plotters' SVG backend), and the
// relief curve as CSV. Files are made in the browser and saved through a blob: link.

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Draws `chart` on a fresh canvas at twice the pixel density and saves it as PNG. */
function exportPng(chart, size, theme, labels) {
  const canvas = document.createElement("canvas");
  chart.draw(canvas, size.width, size.height, 2, theme, labels);
  canvas.toBlob((blob) => blob && download("relief-timeline.png", blob), "image/png");
}

function exportSvg(chart, size, theme, labels) {
  download("relief-timeline.svg", new Blob([chart.svg(size.width, size.height, theme, labels)], { type: "image/svg+xml" }));
}

/** The relief curve: one row per sampled time, relief percentiles in percent. */
function curveCsv(timeline) {
  const r = timeline.relief;
  const rows = r.days.map((d, i) => [d, r.p10[i], r.p50[i], r.p90[i]].map((v) => +v.toFixed(4)).join(","));
  return ["days,p10_relief_percent,p50_relief_percent,p90_relief_percent", ...rows].join("\n") + "\n";
}

function exportCsv(timeline) {
  download("relief-timeline.csv", new Blob([curveCsv(timeline)], { type: "text/csv" }));
}
