import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { drawAppIcon, drawMeter, encodePng, meterPng, type MeterLook } from '../../app/tray-icon';
import { decodePng, pixel, type DecodedPng } from '../support/png';

const look = (over: Partial<MeterLook> = {}): MeterLook => ({ percent: 50, level: 'normal', status: 'ok', style: 'light', ...over });

/** Rows of the bar's middle column painted in a colour close to `rgb`. */
function rowsOf(img: DecodedPng, rgb: [number, number, number]): number {
  let n = 0;
  for (let y = 0; y < img.height; y++) {
    const [r, g, b, a] = pixel(img, img.width / 2 - 1, y);
    if (a > 200 && Math.abs(r - rgb[0]) + Math.abs(g - rgb[1]) + Math.abs(b - rgb[2]) < 40) n++;
  }
  return n;
}
const GREEN: [number, number, number] = [46, 160, 67];
const RED: [number, number, number] = [218, 54, 51];

describe('tray icon drawing', () => {
  it('writes a PNG that an independent reader accepts, at every tray size', () => {
    for (const px of [16, 24, 32]) {
      const img = decodePng(meterPng(look(), px));
      expect([img.width, img.height]).toEqual([px, px]);
    }
  });

  it('round-trips arbitrary pixels through the encoder', () => {
    const rgba = new Uint8Array(7 * 3 * 4).map((_, i) => (i * 37) % 256);
    expect(decodePng(encodePng(7, 3, rgba)).rgba).toEqual(rgba);
  });

  it('fills the bar in proportion to the share used', () => {
    const rows = [0, 25, 50, 100].map((percent) => rowsOf(decodePng(meterPng(look({ percent }), 32)), GREEN));
    expect(rows[0]).toBe(0);
    expect(rows[2]! / rows[3]!).toBeCloseTo(0.5, 1);
    expect(rows[1]! / rows[3]!).toBeCloseTo(0.25, 1);
  });

  it('colours the fill by level: red when critical', () => {
    const img = decodePng(meterPng(look({ percent: 97, level: 'critical' }), 32));
    expect(rowsOf(img, RED)).toBeGreaterThan(10);
    expect(rowsOf(img, GREEN)).toBe(0);
  });

  it('draws a template image in black and alpha only, for macOS to tint', () => {
    for (const status of ['ok', 'stale', 'error', 'empty'] as const) {
      const px = drawMeter(look({ style: 'template', status }), 32);
      for (let i = 0; i < px.length; i += 4) expect([px[i], px[i + 1], px[i + 2]]).toEqual([0, 0, 0]);
    }
  });

  it('gives stale and error data a look of their own', () => {
    const png = (status: MeterLook['status'], style: MeterLook['style']) => meterPng(look({ status, style }), 32).toString('base64');
    for (const style of ['template', 'light', 'dark'] as const) {
      const all = new Set([png('ok', style), png('stale', style), png('error', style), png('empty', style)]);
      expect(all.size).toBe(4);
    }
  });

  it('draws a light outline for dark panels and a dark one for light panels', () => {
    const edge = (style: MeterLook['style']) => pixel(decodePng(meterPng(look({ style, percent: 0 }), 32)), 8, 16);
    expect(edge('dark')[0]).toBeGreaterThan(200);
    expect(edge('light')[0]).toBeLessThan(60);
  });
});

/** Reads an .ico as Windows does: the directory, then each entry as a PNG or a bottom-up BGRA DIB. */
function readIco(buf: Buffer): Array<{ size: number; rgba: Uint8Array }> {
  expect([buf.readUInt16LE(0), buf.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: buf.readUInt16LE(4) }, (_, i) => {
    const e = 6 + 16 * i;
    const size = buf[e] || 256;
    const data = buf.subarray(buf.readUInt32LE(e + 12), buf.readUInt32LE(e + 12) + buf.readUInt32LE(e + 8));
    if (data.subarray(1, 4).toString('ascii') === 'PNG') return { size, rgba: decodePng(data).rgba };
    expect([data.readUInt32LE(0), data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14)]).toEqual([40, size, size * 2, 32]);
    const rgba = new Uint8Array(size * size * 4);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const o = 40 + ((size - 1 - y) * size + x) * 4;
        rgba.set([data[o + 2]!, data[o + 1]!, data[o]!, data[o + 3]!], (y * size + x) * 4);
      }
    return { size, rgba };
  });
}

describe('Windows icon', () => {
  it('holds the app icon at every notification-area size (16–64 px) and 256 px for the installer', () => {
    const entries = readIco(readFileSync(new URL('../../resources/icon.ico', import.meta.url)));
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 256]);
    for (const e of entries) expect(Buffer.from(e.rgba).equals(Buffer.from(drawAppIcon(e.size))), `${e.size} px`).toBe(true);
  });
});
