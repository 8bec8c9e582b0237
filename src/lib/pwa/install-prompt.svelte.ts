/**
 * The browser's offer to install the app on this device. Chromium fires `beforeinstallprompt` once
 * a page's manifest makes the app installable and it is not installed yet; holding on to the event
 * lets a page offer installing with a button of its own and show its prompt on a click
 * (https://web.dev/articles/customize-install). Browsers that fire nothing (Safari, Firefox) never
 * show the button. An event prompts only once, and `appinstalled` means there is nothing left to
 * offer, so both take the offer away.
 */

/** Not in TypeScript's DOM types: Chromium only (https://wicg.github.io/manifest-incubations/). */
type BeforeInstallPromptEvent = Event & { prompt(): Promise<unknown> };

class InstallPrompt {
  #offer = $state<BeforeInstallPromptEvent | null>(null);
  #listening = false;

  get available(): boolean {
    return this.#offer !== null;
  }

  /** From the first staff page on: the browser may make its offer before the staff home opens. */
  listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    window.addEventListener('beforeinstallprompt', (event) => {
      // Chromium shows its own mini-infobar unless the page says it will ask.
      event.preventDefault();
      this.#offer = event as BeforeInstallPromptEvent;
    });
    window.addEventListener('appinstalled', () => (this.#offer = null));
  }

  async install(): Promise<void> {
    const offer = this.#offer;
    if (!offer) return;
    this.#offer = null;
    await offer.prompt();
  }
}

export const installPrompt = new InstallPrompt();
