// Draws the packaged icons with the same code as the live tray icon (app/tray-icon.ts) and
// writes them under resources/. Run: npx tsx scripts/make-icons.ts (the outputs are committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawAppIcon, encodeIco, encodePng, meterPng, type MeterLook } from '../app/tray-icon';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');

function write(rel: string, bytes: Buffer): void {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`wrote resources/${rel} (${bytes.length} bytes)`);
}

/** Sizes in the Windows .ico: the notification area at 100–400 % scaling, and 256 for Explorer and the installer. */
const ICO_SIZES = [16, 24, 32, 48, 64, 256] as const;

function main(): void {
  // 1024 px: macOS wants at least 512 for an .icns built from a PNG, Windows at least 256.
  write('icon.png', encodePng(1024, 1024, drawAppIcon(1024)));
  for (const s of [16, 32, 48, 64, 128, 256, 512]) write(`icons/${s}x${s}.png`, encodePng(s, s, drawAppIcon(s)));
  // Windows: the exe and installer icon, which is also how Settings lists the app among tray icons.
  write('icon.ico', encodeIco(ICO_SIZES, drawAppIcon));
  // The idle tray icon (an empty meter), for desktop integrations that want a file.
  const idle = (style: MeterLook['style']): MeterLook => ({ percent: null, level: 'normal', status: 'empty', style });
  for (const [name, style] of [['trayTemplate', 'template'], ['tray-light', 'light'], ['tray-dark', 'dark']] as const) {
    write(`tray/${name}.png`, meterPng(idle(style), 16));
    write(`tray/${name}@2x.png`, meterPng(idle(style), 32));
  }
}

main();
