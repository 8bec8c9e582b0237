/**
 * The one Chromium every measurement uses: Debian's, with the flags this machine needs (no
 * sandbox as root, no GPU, no background traffic that would show up in the byte counts).
 */
import { chromium, type Browser } from '@playwright/test';

export const chromiumPath = process.env.CHROME_PATH?.trim() || '/usr/bin/chromium';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
] as const;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumFlags] });
}
