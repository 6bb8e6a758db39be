export const SIZES: number[];
export const ICO_SIZES: number[];
/** An ICO container holding the given square PNGs (each at most 256 px). */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer;
