// Screenshots for the README, made from the built page in headless Chromium:
//   node scripts/screenshots.mjs   (after ./x build) -> docs/*.png
import { mkdirSync } from "node:fs";
import { launch, open, serve, waitForChart } from "../tests/e2e/harness.mjs";

const shots = [
  { file: "demo.png", path: "/", width: 900, height: 1000, scheme: "light", scale: 1 },
  { file: "chart-desktop-light.png", path: "/chart.html", width: 1000, height: 640, scheme: "light", scale: 1 },
  { file: "chart-desktop-dark.png", path: "/chart.html", width: 1000, height: 640, scheme: "dark", scale: 1 },
  { file: "chart-phone-light.png", path: "/chart.html", width: 360, height: 560, scheme: "light", scale: 2 },
  { file: "chart-phone-dark.png", path: "/chart.html", width: 360, height: 560, scheme: "dark", scale: 2 },
  // The same plan compared with itself without boosters (the compare- attributes in the hash).
  ...["light", "dark"].flatMap((scheme) => [
    { file: `compare-desktop-${scheme}.png`, path: "/chart.html#compare-boosters=0", width: 1000, height: 640, scheme, scale: 1 },
    { file: `compare-phone-${scheme}.png`, path: "/chart.html#compare-boosters=0", width: 360, height: 560, scheme, scale: 2 },
  ]),
];
mkdirSync("docs", { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const s of shots) {
    const page = await open(browser, { viewport: { width: s.width, height: s.height }, deviceScaleFactor: s.scale, colorScheme: s.scheme });
    const response = await page.goto(server.url + s.path);
    if (!response.ok()) continue;
    await waitForChart(page);
    await page.waitForTimeout(100);
    await page.screenshot({ path: `docs/${s.file}`, fullPage: true });
    console.log(`docs/${s.file}`);
    await page.context().close();
  }
} finally {
  await browser.close();
  server.close();
}
