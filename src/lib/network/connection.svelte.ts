/** Online or not, as the browser reports it; the offline banner reads `connection.online`. */
class Connection {
  #online = $state(true);

  start(): void {
    this.#online = navigator.onLine;
    window.addEventListener('online', () => (this.#online = true));
    window.addEventListener('offline', () => (this.#online = false));
  }

  get online(): boolean {
    return this.#online;
  }
}

export const connection = new Connection();
