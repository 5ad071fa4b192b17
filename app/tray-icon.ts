// The tray icon, drawn at runtime: a small vertical meter of the tightest window, encoded as PNG
// by hand (zlib only), so no image files or native image libraries are needed. Plain Node.
import { deflateSync } from 'node:zlib';

export type MeterStatus = 'ok' | 'stale' | 'error' | 'empty';
export type MeterLevel = 'normal' | 'warning' | 'critical';
/** 'template': black + alpha for macOS to tint; 'light'/'dark': the colour of the panel behind it. */
export type MeterStyle = 'template' | 'light' | 'dark';

export interface MeterLook {
  /** 0–100 (clamped when drawn); null when no window has a percentage. */
  percent: number | null;
  level: MeterLevel;
  status: MeterStatus;
  style: MeterStyle;
}

type Rgba = [number, number, number, number];

const LEVEL_COLOURS: Record<MeterLevel, Rgba> = {
  normal: [46, 160, 67, 255],
  warning: [210, 153, 34, 255],
  critical: [218, 54, 51, 255],
};
const STALE_COLOUR: Rgba = [139, 148, 158, 255];
const ERROR_COLOUR: Rgba = [218, 54, 51, 255];

/** A square RGBA canvas drawn in a 16-unit grid with 4×4 supersampling, at any pixel size. */
class Canvas {
  readonly data: Uint8Array;
  constructor(readonly px: number) {
    this.data = new Uint8Array(px * px * 4);
  }

  /** Fills the rectangle [x0,x1)×[y0,y1) given in grid units; `r` rounds its corners. */
  rect(x0: number, y0: number, x1: number, y1: number, c: Rgba, r = 0): void {
    const k = this.px / 16;
    const n = 4;
    const inShape = (u: number, v: number) => {
      if (u < x0 || u >= x1 || v < y0 || v >= y1) return false;
      if (r <= 0) return true;
      const cx = Math.min(Math.max(u, x0 + r), x1 - r);
      const cy = Math.min(Math.max(v, y0 + r), y1 - r);
      return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
    };
    const pxFrom = Math.max(0, Math.floor(x0 * k));
    const pxTo = Math.min(this.px, Math.ceil(x1 * k));
    const pyFrom = Math.max(0, Math.floor(y0 * k));
    const pyTo = Math.min(this.px, Math.ceil(y1 * k));
    for (let py = pyFrom; py < pyTo; py++) {
      for (let px = pxFrom; px < pxTo; px++) {
        let hits = 0;
        for (let sy = 0; sy < n; sy++)
          for (let sx = 0; sx < n; sx++) if (inShape((px + (sx + 0.5) / n) / k, (py + (sy + 0.5) / n) / k)) hits++;
        if (hits > 0) this.blend(px, py, c, hits / (n * n));
      }
    }
  }

  private blend(x: number, y: number, c: Rgba, coverage: number): void {
    const i = (y * this.px + x) * 4;
    const a = (c[3] / 255) * coverage;
    const under = this.data[i + 3]! / 255;
    const out = a + under * (1 - a);
    for (let ch = 0; ch < 3; ch++) {
      const v = out === 0 ? 0 : (c[ch]! * a + this.data[i + ch]! * under * (1 - a)) / out;
      this.data[i + ch] = Math.round(v);
    }
    this.data[i + 3] = Math.round(out * 255);
  }
}

/** The meter's geometry in grid units: the bar's outline and its inside. */
export const METER = { x0: 4, y0: 1, x1: 12, y1: 15, border: 1.25 } as const;

/** Draws the meter as RGBA pixels, `px` × `px`. */
export function drawMeter(look: MeterLook, px: number): Uint8Array {
  const cv = new Canvas(px);
  const template = look.style === 'template';
  const ink: Rgba = template ? [0, 0, 0, 255] : look.style === 'dark' ? [232, 232, 232, 255] : [32, 32, 32, 255];
  const { x0, y0, x1, y1, border: b } = METER;

  // Outline: solid, or dashed when the data is stale (old numbers, not wrong ones).
  if (look.status === 'stale') {
    for (let y = y0; y < y1; y += 2.8) {
      cv.rect(x0, y, x0 + b, Math.min(y + 1.6, y1), ink);
      cv.rect(x1 - b, y, x1, Math.min(y + 1.6, y1), ink);
    }
    cv.rect(x0, y0, x1, y0 + b, ink);
    cv.rect(x0, y1 - b, x1, y1, ink);
  } else {
    cv.rect(x0, y0, x1, y0 + b, ink, 0);
    cv.rect(x0, y1 - b, x1, y1, ink, 0);
    cv.rect(x0, y0, x0 + b, y1, ink, 0);
    cv.rect(x1 - b, y0, x1, y1, ink, 0);
  }

  const inner = { x0: x0 + b + 0.75, y0: y0 + b + 0.75, x1: x1 - b - 0.75, y1: y1 - b - 0.75 };
  if (look.percent !== null && look.status !== 'empty') {
    const p = Math.min(100, Math.max(0, look.percent));
    const top = inner.y1 - ((inner.y1 - inner.y0) * p) / 100;
    const colour: Rgba = template
      ? [0, 0, 0, look.status === 'ok' ? 255 : 110]
      : look.status === 'ok'
        ? LEVEL_COLOURS[look.level]
        : [...STALE_COLOUR.slice(0, 3), look.status === 'error' ? 110 : 255] as Rgba;
    if (p > 0) cv.rect(inner.x0, Math.max(inner.y0, top), inner.x1, inner.y1, colour);
  }
  if (look.status === 'error') {
    // An exclamation mark over the bar: the numbers behind it may be old.
    const mark: Rgba = template ? [0, 0, 0, 255] : ERROR_COLOUR;
    cv.rect(7, 3.5, 9, 10, mark, 0.6);
    cv.rect(7, 11.25, 9, 13.25, mark, 1);
  }
  return cv.data;
}

/** The application icon: a rounded tile with a meter, for installers and desktop entries. */
export function drawAppIcon(px: number): Uint8Array {
  const cv = new Canvas(px);
  cv.rect(0.5, 0.5, 15.5, 15.5, [31, 111, 235, 255], 3.4);
  cv.rect(5, 2.6, 11, 13.4, [255, 255, 255, 255], 1.1);
  cv.rect(6, 3.6, 10, 12.4, [31, 111, 235, 255], 0.5);
  cv.rect(6.8, 6.4, 9.2, 11.6, [46, 160, 67, 255], 0.3);
  return cv.data;
}

let crcTable: Uint32Array | null = null;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(body).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

/** Encodes 8-bit RGBA pixels (row-major, no padding) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('pixel buffer does not match the size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) Buffer.from(rgba.subarray(y * width * 4, (y + 1) * width * 4)).copy(raw, y * (width * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The meter as PNG bytes, `px` × `px`. */
export function meterPng(look: MeterLook, px: number): Buffer {
  return encodePng(px, px, drawMeter(look, px));
}

/**
 * A Windows .ico holding every given size: 32-bit BMP entries (what every Windows tool reads) and a
 * PNG entry for 256 px and up (as Windows itself stores them). `rgbaOf(px)` draws one size.
 */
export function encodeIco(sizes: readonly number[], rgbaOf: (px: number) => Uint8Array): Buffer {
  const images = sizes.map((px) => (px >= 256 ? encodePng(px, px, rgbaOf(px)) : icoBitmap(px, rgbaOf(px))));
  const dir = Buffer.alloc(6 + 16 * sizes.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // 1 = icon
  dir.writeUInt16LE(sizes.length, 4);
  let offset = dir.length;
  sizes.forEach((px, i) => {
    const e = 6 + 16 * i;
    dir[e] = px >= 256 ? 0 : px; // 0 means 256
    dir[e + 1] = px >= 256 ? 0 : px;
    dir.writeUInt16LE(1, e + 4); // colour planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(images[i]!.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += images[i]!.length;
  });
  return Buffer.concat([dir, ...images]);
}

/** One icon entry as a bottom-up BGRA DIB followed by its 1-bit transparency mask. */
function icoBitmap(px: number, rgba: Uint8Array): Buffer {
  const maskRow = Math.ceil(px / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(px, 4);
  header.writeInt32LE(px * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(px * px * 4 + maskRow * px, 20);
  const pixels = Buffer.alloc(px * px * 4);
  const mask = Buffer.alloc(maskRow * px);
  for (let y = 0; y < px; y++) {
    const row = px - 1 - y;
    for (let x = 0; x < px; x++) {
      const i = (y * px + x) * 4;
      const o = (row * px + x) * 4;
      pixels[o] = rgba[i + 2]!;
      pixels[o + 1] = rgba[i + 1]!;
      pixels[o + 2] = rgba[i]!;
      pixels[o + 3] = rgba[i + 3]!;
      if (rgba[i + 3] === 0) mask[row * maskRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}
