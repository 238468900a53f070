// Writes the add-in's icons (assets/icon-16|32|64|80.png): a green chip with gold pins.
// Drawn in code so that no image editor is needed to change them; run: node scripts/make-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function pixel(x, y, size) {
  const u = x / size,
    v = y / size;
  const chip = u > 0.2 && u < 0.8 && v > 0.2 && v < 0.8;
  const core = u > 0.35 && u < 0.65 && v > 0.35 && v < 0.65;
  const pin =
    u > 0.08 &&
    u < 0.92 &&
    v > 0.08 &&
    v < 0.92 &&
    !chip &&
    Math.floor(((u > 0.2 && u < 0.8 ? u : v) - 0.2) * 10) % 2 === 0;
  if (core) return [255, 255, 255, 255];
  if (chip) return [16, 124, 65, 255]; // Excel green
  if (pin) return [212, 160, 23, 255];
  return [0, 0, 0, 0];
}

for (const size of [16, 32, 64, 80]) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]));
    for (let x = 0; x < size; x++) rows.push(Buffer.from(pixel(x + 0.5, y + 0.5, size)));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png);
}
