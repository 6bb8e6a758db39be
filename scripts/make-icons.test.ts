import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodeIco, ICO_SIZES, SIZES } from './make-icons.mjs';

const iconsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../assets/icons');

interface IcoEntry {
  width: number;
  height: number;
  bitCount: number;
  png: Buffer;
}

function parseIco(ico: Buffer): IcoEntry[] {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return {
      width: ico.readUInt8(entry) || 256,
      height: ico.readUInt8(entry + 1) || 256,
      bitCount: ico.readUInt16LE(entry + 6),
      png: ico.subarray(offset, offset + size),
    };
  });
}

describe('encodeIco', () => {
  it('writes a directory whose entries point at the PNG streams', () => {
    const a = Buffer.from('first-png');
    const b = Buffer.from('second-png-longer');
    const entries = parseIco(
      encodeIco([
        { size: 16, png: a },
        { size: 256, png: b },
      ]),
    );
    expect(entries.map((e) => [e.width, e.height, e.bitCount])).toEqual([
      [16, 16, 32],
      [256, 256, 32],
    ]);
    expect(entries[0]?.png.equals(a)).toBe(true);
    expect(entries[1]?.png.equals(b)).toBe(true);
  });

  it('refuses sizes an ICO cannot hold', () => {
    expect(() => encodeIco([{ size: 512, png: Buffer.alloc(1) }])).toThrow(/1\.\.256/);
  });
});

describe('generated icons (node scripts/make-icons.mjs)', () => {
  it('has a PNG of the right size for every size, with transparent corners and an opaque centre', () => {
    for (const size of SIZES) {
      const png = PNG.sync.read(readFileSync(path.join(iconsDir, 'png', `${size}x${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(png.data[3]).toBe(0); // top-left corner alpha: the rounded square leaves it transparent
      const centre = ((size >> 1) * size + (size >> 1)) * 4;
      expect(png.data[centre + 3]).toBe(255);
    }
    expect(
      readFileSync(path.join(iconsDir, 'icon.png')).equals(readFileSync(path.join(iconsDir, 'png/512x512.png'))),
    ).toBe(true);
  });

  it('icon.ico holds decodable PNGs at 16..256', () => {
    const entries = parseIco(readFileSync(path.join(iconsDir, 'icon.ico')));
    expect(entries.map((e) => e.width)).toEqual(ICO_SIZES);
    for (const entry of entries) {
      const png = PNG.sync.read(entry.png);
      expect([png.width, png.height]).toEqual([entry.width, entry.height]);
    }
  });
});
