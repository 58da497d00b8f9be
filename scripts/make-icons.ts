/** Renders the app icons in public/ from src/app/icon.svg (run after changing the icon: `npx tsx scripts/make-icons.ts`). */
import { readFileSync } from "node:fs";
import sharp from "sharp";

const ICONS: Array<[file: string, size: number]> = [
  ["favicon-32.png", 32],
  ["apple-touch-icon.png", 180],
  ["icon-192.png", 192],
  ["icon-512.png", 512],
];

const svg = readFileSync(new URL("../src/app/icon.svg", import.meta.url));
for (const [file, size] of ICONS) {
  // The SVG's viewBox is 32 units: render at a density that gives `size` pixels without upscaling a bitmap.
  await sharp(svg, { density: Math.ceil((72 * size) / 32) })
    .resize(size, size)
    .png()
    .toFile(new URL(`../public/${file}`, import.meta.url).pathname);
}
