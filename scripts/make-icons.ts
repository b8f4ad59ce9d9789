/**
 * Draws the installable app's icons (the favicon's yellow star on green, full-bleed so the
 * "maskable" crop keeps the star) as PNGs with no image library: one pixel test per pixel,
 * 4×4 supersampled, written with zlib. Run once: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import fs from "node:fs";
import zlib from "node:zlib";

// the favicon's star (viewBox 32), centred on (16, 15.5)
const STAR = [
  [16, 5],
  [19.2, 12],
  [26.8, 12.7],
  [21, 17.7],
  [22.8, 25.1],
  [16, 21.2],
  [9.2, 25.1],
  [11, 17.7],
  [5.2, 12.7],
  [12.8, 12],
];
const GREEN = [0x1f, 0x6f, 0x43];
const YELLOW = [0xff, 0xd5, 0x4a];

function inside(x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = STAR.length - 1; i < STAR.length; j = i++) {
    const [xi, yi] = STAR[i];
    const [xj, yj] = STAR[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function png(size: number): Buffer {
  // the star at 60% of the icon (inside the maskable safe zone), centred
  const scale = (size * 0.6) / 21.6;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // no filter
    for (let x = 0; x < size; x++) {
      let cover = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const px = (x + (sx + 0.5) / 4 - size / 2) / scale + 16;
          const py = (y + (sy + 0.5) / 4 - size / 2) / scale + 15.1;
          if (inside(px, py)) cover++;
        }
      const k = cover / 16;
      for (let c = 0; c < 3; c++) raw[y * (size * 3 + 1) + 1 + x * 3 + c] = Math.round(GREEN[c] * (1 - k) + YELLOW[c] * k);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) fs.writeFileSync(`public/icons/icon-${size}.png`, png(size));
