// Export: the chart as PNG (2x), as SVG (the same renderer through plotters' SVG backend), and the
// relief curve as CSV. Files are made in the browser and saved through a blob: link. `curveCsv` is
// pure (unit-tested under Node).
import { el } from "./dom.js";

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Draws `chart` on a fresh canvas at twice the pixel density and saves it as PNG. */
export function exportPng(chart, size, theme, words) {
  const canvas = document.createElement("canvas");
  chart.draw(canvas, size.width, size.height, 2, theme, words);
  canvas.toBlob((blob) => blob && download("relief-timeline.png", blob), "image/png");
}

export function exportSvg(chart, size, theme, words) {
  download("relief-timeline.svg", new Blob([chart.svg(size.width, size.height, theme, words)], { type: "image/svg+xml" }));
}

/** The relief curve: one row per sampled time, relief percentiles in percent; then, with
 * `people` (js/tables.js's `peopleOf` list), a blank line and the people in 100 on
 * each path. With `other`, the compared plan (`{ timeline, people }`): its curve after a blank
 * line (its own times, `compare_` columns), and its people in a third column of the paths. */
export function curveCsv(timeline, people, other) {
  const head = (prefix) => ["days", "p10_relief_percent", "p50_relief_percent", "p90_relief_percent"].map((c) => prefix + c).join(",");
  const rows = ({ relief: r }) => r.days.map((d, i) => [d, r.p10[i], r.p50[i], r.p90[i]].map((v) => +v.toFixed(4)).join(","));
  const compared = other ? ["", head("compare_"), ...rows(other.timeline)] : [];
  const paths = people
    ? ["", "path,people_per_100" + (other ? ",compare_people_per_100" : ""), ...people.map((p, i) => `${p.path},${p.people}` + (other ? `,${other.people[i].people}` : ""))]
    : [];
  return [head(""), ...rows(timeline), ...compared, ...paths].join("\n") + "\n";
}

export function exportCsv(timeline, people, other) {
  download("relief-timeline.csv", new Blob([curveCsv(timeline, people, other)], { type: "text/csv" }));
}
