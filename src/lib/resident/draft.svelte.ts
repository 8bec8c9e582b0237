/**
 * The request being written, kept in this browser's localStorage on every change so that a
 * reload, a lost signal or an app update never loses what the resident has typed.
 */
import { newId } from '#domain/ids.ts';
import type { DraftValues } from './draft-values.ts';

export class Draft {
  #values = $state<DraftValues>({});
  #loaded = $state(false);
  readonly #key: string;

  /** `key` is where in localStorage it is kept; a coordinator's phone intake keeps its own. */
  constructor(key = 'cymorth.draft.v1') {
    this.#key = key;
  }

  get values(): DraftValues {
    return this.#values;
  }

  /** False until the saved answers have been read (after hydration, in the browser). */
  get loaded(): boolean {
    return this.#loaded;
  }

  load(): void {
    try {
      const saved = localStorage.getItem(this.#key);
      this.#values = saved ? (JSON.parse(saved) as DraftValues) : {};
    } catch {
      this.#values = {};
    }
    this.#loaded = true;
  }

  update(changes: Partial<DraftValues>): void {
    this.#values = { client_id: this.#values.client_id ?? newId(), ...this.#values, ...changes };
    localStorage.setItem(this.#key, JSON.stringify(this.#values));
  }

  clear(): void {
    this.#values = {};
    localStorage.removeItem(this.#key);
  }
}

export const draft = new Draft();
