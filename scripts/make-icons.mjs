// Draws the extension icons (a rounded tile with a picture frame) as PNGs, no dependencies.
// Run once: node scripts/make-icons.mjs — the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size) {
  const px = (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    const r = 0.2;
    const dx = Math.max(r - u, u - (1 - r), 0);
    const dy = Math.max(r - v, v - (1 - r), 0);
    if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
    // frame
    const inFrame = u > 0.22 && u < 0.78 && v > 0.26 && v < 0.74;
    const inside = u > 0.27 && u < 0.73 && v > 0.31 && v < 0.69;
    if (inFrame && !inside) return [255, 255, 255, 255];
    if (inside) {
      const sun = (u - 0.6) ** 2 + (v - 0.42) ** 2 < 0.004;
      const hill = v > 0.69 - 0.25 * Math.max(0, 1 - Math.abs(u - 0.42) / 0.18);
      if (sun) return [255, 214, 102, 255];
      if (hill) return [255, 255, 255, 255];
    }
    return [30 + 40 * v, 90 + 40 * u, 200, 255].map(Math.round);
  };
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(px(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const s of [16, 32, 48, 128])
  writeFileSync(new URL(`../public/icons/icon-${s}.png`, import.meta.url), icon(s));
