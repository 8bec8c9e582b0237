/**
 * `npx tsx scripts/icons/make-icons.ts`: the PNG icons an installed app needs, drawn from the one
 * icon source, static/icon.svg, by Debian's Chromium (scripts/chromium.ts), so no image library is
 * added. Run it again after changing the SVG and commit the PNGs it writes to static/icons/.
 *
 * - `icon-192.png`, `icon-512.png`: the icon as it is (purpose `any`), transparent round its
 *   rounded corners.
 * - `icon-maskable-512.png`: the launcher crops a maskable icon to its own shape, showing for sure
 *   only the circle of 40% of the width round the centre
 *   (https://www.w3.org/TR/appmanifest/#icon-masks), so the icon must fill its square edge to edge
 *   with nothing that matters outside that circle. The icon's background square loses its rounded
 *   corners; the heart already lies within 18 of the 64 units from the centre (28%), inside the
 *   safe zone with room to spare (tests/e2e/staff/install/staff-app.spec.ts checks the pixels).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../chromium.ts';

const staticDir = fileURLToPath(new URL('../../static/', import.meta.url));
const svg = readFileSync(`${staticDir}icon.svg`, 'utf8');
const roundedCorners = /(<rect\b[^>]*?)\s+rx="[^"]*"/;
if (!roundedCorners.test(svg)) throw new Error('static/icon.svg has no rounded background <rect>');
const fullBleedSvg = svg.replace(roundedCorners, '$1');

type Icon = { file: string; size: number; maskable: boolean };
const icons: Icon[] = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

function pageFor({ size, maskable }: Icon): string {
  const source = Buffer.from(maskable ? fullBleedSvg : svg).toString('base64');
  return `<!doctype html><body style="margin:0">
    <img id="icon" src="data:image/svg+xml;base64,${source}" width="${size}" height="${size}">`;
}

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const icon of icons) {
    await page.setContent(pageFor(icon));
    await page
      .locator('#icon')
      .screenshot({ path: `${staticDir}icons/${icon.file}`, omitBackground: true });
    console.log(`static/icons/${icon.file}`);
  }
} finally {
  await browser.close();
}
