// Rasterises assets/icons/icon.svg with headless Chromium (Debian's /usr/bin/chromium via playwright-core) into
//   assets/icons/png/<n>x<n>.png for n in SIZES, assets/icons/icon.png (512) and assets/icons/icon.ico (PNG-in-ICO).
// electron-builder derives the macOS .icns from png/1024x1024.png.
// Usage: node scripts/make-icons.mjs   (CHROMIUM_PATH overrides the browser path)
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const iconsDir = path.join(projectDir, 'assets', 'icons');

export const SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
/** Sizes packed into icon.ico (Windows shows 16–256; 256 is required by electron-builder). */
export const ICO_SIZES = [16, 32, 48, 64, 128, 256];

/**
 * Builds an ICO file whose images are PNG streams (valid since Windows Vista).
 * @param {{ size: number, png: Buffer }[]} images square PNGs, at most 256 px
 * @returns {Buffer}
 */
export function encodeIco(images) {
  const headerSize = 6;
  const entrySize = 16;
  const header = Buffer.alloc(headerSize + entrySize * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    if (!Number.isInteger(size) || size < 1 || size > 256) throw new Error(`ICO images must be 1..256 px, got ${size}`);
    const entry = headerSize + entrySize * i;
    header.writeUInt8(size === 256 ? 0 : size, entry); // width (0 means 256)
    header.writeUInt8(size === 256 ? 0 : size, entry + 1); // height
    header.writeUInt8(0, entry + 2); // palette colours
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

async function render(svg, sizes, executablePath) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const pngs = new Map();
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.waitForFunction('document.images[0] && document.images[0].complete');
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

async function main() {
  const svg = await readFile(path.join(iconsDir, 'icon.svg'), 'utf8');
  const pngs = await render(svg, SIZES, process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  await mkdir(path.join(iconsDir, 'png'), { recursive: true });
  for (const [size, png] of pngs) await writeFile(path.join(iconsDir, 'png', `${size}x${size}.png`), png);
  await writeFile(path.join(iconsDir, 'icon.png'), pngs.get(512));
  await writeFile(path.join(iconsDir, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  console.log(`icons: wrote ${SIZES.length} PNGs, icon.png and icon.ico to ${path.relative(projectDir, iconsDir)}/`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`icons: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
