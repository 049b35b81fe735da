import { deflateSync } from 'node:zlib';

/**
 * The apple-touch-icon (180×180 PNG), drawn when the site is built from the same shapes as
 * public/favicon.svg: three white lines with round ends on the site's red. Full-bleed (iOS
 * rounds the corners itself), no transparency, nothing fetched. Each pixel is the average of
 * 4×4 samples, so the edges are smooth; the bytes are the same on every build.
 */

const SIZE = 180;
/** The favicon's viewBox is 32 units wide. */
const UNIT = SIZE / 32;
const RED = [0xa3, 0x1d, 0x1d] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
/** The favicon's strokes: M9 9h14 M9 16h14 M9 23h9, 3 units wide with round caps. */
const LINES: [number, number, number][] = [
  [9, 23, 9],
  [9, 23, 16],
  [9, 18, 23],
];
const HALF_WIDTH = 1.5;

/** Whether a point (in favicon units) is on a stroke: within half the width of a segment. */
function onStroke(x: number, y: number): boolean {
  return LINES.some(([x0, x1, ly]) => {
    const dx = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
    return dx * dx + (y - ly) ** 2 <= HALF_WIDTH ** 2;
  });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The icon's PNG bytes. */
export function touchIconPng(): Buffer {
  const SAMPLES = 4;
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 3));
  for (let py = 0; py < SIZE; py++) {
    const row = py * (1 + SIZE * 3);
    rows[row] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++)
          if (onStroke((px + (sx + 0.5) / SAMPLES) / UNIT, (py + (sy + 0.5) / SAMPLES) / UNIT))
            white++;
      const t = white / SAMPLES ** 2;
      for (let c = 0; c < 3; c++)
        rows[row + 1 + px * 3 + c] = Math.round(RED[c]! + (WHITE[c]! - RED[c]!) * t);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}
