import { PNG } from 'pngjs';
import { readFileSync, writeFileSync } from 'node:fs';
const [src, out, y0, h] = process.argv.slice(2);
const png = PNG.sync.read(readFileSync(src));
const H = Math.min(Number(h), png.height - Number(y0));
const o = new PNG({ width: png.width, height: H });
PNG.bitblt(png, o, 0, Number(y0), png.width, H, 0, 0);
writeFileSync(out, PNG.sync.write(o));
