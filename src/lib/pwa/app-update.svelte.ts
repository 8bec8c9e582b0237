/**
 * The service worker and the "update available" prompt. Workbox's generated worker waits (we build
 * it with registerType "prompt"), so a new version never takes over a page behind the resident's
 * back; pressing "Update now" activates it and reloads. Nothing is lost by the reload: the draft is
 * in localStorage on every keystroke and the outbox in IndexedDB.
 */
import type { Workbox } from 'workbox-window';
import { keepLoadedCode } from './code-cache.ts';

class AppUpdate {
  #available = $state(false);
  #wb: Workbox | undefined;

  get available(): boolean {
    return this.#available;
  }

  async register(): Promise<void> {
    if (!('serviceWorker' in navigator) || this.#wb) return;
    keepLoadedCode();
    const { Workbox } = await import('workbox-window');
    const wb = new Workbox('/sw.js', { scope: '/' });
    this.#wb = wb;
    wb.addEventListener('waiting', () => (this.#available = true));
    await wb.register();
    // Look for a new version when the app comes back to the foreground and every hour.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void wb.update().catch(() => undefined);
    });
    setInterval(() => void wb.update().catch(() => undefined), 60 * 60_000);
  }

  apply(): void {
    const wb = this.#wb;
    if (!wb) return;
    wb.addEventListener('controlling', () => window.location.reload());
    wb.messageSkipWaiting();
  }
}

export const appUpdate = new AppUpdate();
