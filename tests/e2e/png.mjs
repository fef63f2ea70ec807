// A small PNG decoder for screenshots (8-bit RGB/RGBA, non-interlaced, as browsers write them):
// the contrast tests read real pixels, the same way in every engine.
import { inflateSync } from "node:zlib";

/** Decodes `buffer` to `{ width, height, pixel(x, y) -> [r, g, b] }`. */
export function decodePng(buffer) {
  let at = 8;
  let width, height, depth, type;
  const idat = [];
  while (at < buffer.length) {
    const length = buffer.readUInt32BE(at);
    const kind = buffer.toString("latin1", at + 4, at + 8);
    const data = buffer.subarray(at + 8, at + 8 + length);
    if (kind === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8];
      type = data[9];
      if (data[12] !== 0) throw new Error("interlaced PNG");
    } else if (kind === "IDAT") idat.push(data);
    at += 12 + length;
  }
  const channels = { 2: 3, 6: 4 }[type];
  if (depth !== 8 || !channels) throw new Error(`unsupported PNG: depth ${depth}, colour type ${type}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 255;
    }
  }
  return { width, height, pixel: (x, y) => [...out.subarray((y * width + x) * channels, (y * width + x) * channels + 3)] };
}

/** WCAG relative luminance and contrast ratio of two [r, g, b] colours. */
const luminance = ([r, g, b]) => {
  const c = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
};
export const contrast = (x, y) => {
  const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (a + 0.05) / (b + 0.05);
};

/** In a region of an image: its background (the most frequent colour) and its ink (the pixel of
 * most contrast with it: text's core pixels, past the anti-aliased edge), and their contrast. */
export function inkOnBackground(img, x0 = 0, y0 = 0, x1 = img.width, y1 = img.height) {
  const counts = new Map();
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const key = img.pixel(x, y).join();
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const background = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(",").map(Number);
  let ink = background, best = 1;
  for (const key of counts.keys()) {
    const color = key.split(",").map(Number);
    const ratio = contrast(color, background);
    if (ratio > best) [ink, best] = [color, ratio];
  }
  return { background, ink, ratio: best };
}
