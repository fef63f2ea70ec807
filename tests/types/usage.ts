// A page's TypeScript using <relief-timeline> through the shipped declarations
// (dist/relief-timeline.d.ts): compiled, never run, by `tsc --noEmit -p tests/types` in ./x test.
// The `@ts-expect-error` lines must fail to compile: they check that the types refuse mistakes.
import type { ReliefTimelineAttributes, ReliefTimelineElement, Scenario, Timeline, TimelineChangeEvent } from "../../dist/relief-timeline.js";

// The element by its tag: typed, with its properties.
const widget = document.querySelector("relief-timeline");
if (widget) {
  const scenario: Scenario = widget.scenario;
  widget.scenario = { ...scenario, route: "oral", doseMgPerKg: 0.5, condition: "mixedChronic" };
  // @ts-expect-error: enum values are the serde names (camelCase), not kebab-case
  widget.scenario = { route: "iv-infusion" };
  // @ts-expect-error: no such field
  widget.scenario = { doseMgKg: 1 };
  const timeline: Timeline | null = widget.timeline;
  if (timeline) console.log(timeline.phases.subAcute.endDays.typical, timeline.relief.p50.length, timeline.reliefEndDays.p90);
  // @ts-expect-error: read-only
  widget.timeline = null;

  // Attributes: the enum ones are string unions of their kebab-case values.
  widget.setAttribute("route", "iv-infusion");
  widget.setAttribute("dose-mg-per-kg", "0,5");
  widget.setAttribute("theme", "dark");
  // @ts-expect-error: not one of the routes
  const wrong: ReliefTimelineAttributes = { route: "by-mouth" };
  const attrs: ReliefTimelineAttributes = { route: "im-injection", "pain-sensitivity": "high", "horizon-days": "180", controls: "" };
  for (const [name, value] of Object.entries(attrs)) widget.setAttribute(name, value);

  // The event: its detail, on the element and bubbling to the document.
  widget.addEventListener("timelinechange", (e) => {
    const { timeline, scenario } = e.detail;
    console.log(timeline.horizonDays, scenario.sessions, e.target);
  });
  document.addEventListener("timelinechange", (e: TimelineChangeEvent) => console.log(e.detail.timeline.doses.length, wrong));
  // @ts-expect-error: the detail has no such field
  widget.addEventListener("timelinechange", (e) => e.detail.chart);
}

// The class and its static API.
const created: ReliefTimelineElement = document.createElement("relief-timeline");
created.scenario = { boosters: 2, boosterEveryDays: 28 };
document.body.append(created);

async function api(): Promise<void> {
  const ReliefTimeline = await customElements.whenDefined("relief-timeline");
  const languages: string[] = ReliefTimeline.languages;
  const names: string[] = ReliefTimeline.fields.map((f) => f.attribute);
  const restarts: number = ReliefTimeline.restarts;
  const { estimate, Chart, Words, schema } = await ReliefTimeline.api();
  const timeline = estimate({ route: "intranasal", formulation: "esketamine" });
  const chart = new Chart({ route: "sublingual" });
  const words = new Words();
  chart.draw(document.createElement("canvas"), 640, 360, 2, "light", words);
  const reading = chart.probe(100, words);
  if (reading) console.log(reading.days, reading.time, reading.p10, reading.plot.x0);
  const svg: string = chart.svg(640, 360, "dark", words);
  const sentences: string[] = chart.summary(words);
  const ticks: number[] = chart.atTicks().map((t) => t.days);
  const weeks: string = words.duration(58);
  const attributes: string[] = schema().map((f) => f.attribute);
  chart.free();
  // @ts-expect-error: estimate takes a scenario object
  estimate("oral");
  // @ts-expect-error: a draw needs the words
  chart.draw(document.createElement("canvas"), 640, 360, 2, "light");
  console.log(ticks, weeks, attributes);
  console.log(languages, names, restarts, timeline.warnings[0]?.code, svg, sentences, customElements.get("relief-timeline")?.restarts);
}
void api();
