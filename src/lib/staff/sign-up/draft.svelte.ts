/**
 * The sign-up being written. Answers are kept in localStorage on every change, so a lost signal, a
 * reload or an app update never loses them; the password is kept in memory only (never written to
 * the device's storage), so after a reload the account page asks for it again.
 */
import {
  checkSignUpField,
  type SignUpField,
  type SignUpInput,
} from '#domain/people/volunteer-sign-up.ts';
import type { AreaListing } from './areas.ts';
import { signUpSteps, type SignUpStep } from './steps.ts';

export type SignUpValues = {
  name: string;
  phone: string;
  areas: string[];
  skills: string[];
  days: string[];
  parts_of_day: string[];
  note: string;
  username: string;
};

const storageKey = 'cymorth.signup.v1';
const empty = (): SignUpValues => ({
  name: '',
  phone: '',
  areas: [],
  skills: [],
  days: [],
  parts_of_day: [],
  note: '',
  username: '',
});

export class SignUpDraft {
  #values = $state<SignUpValues>(empty());
  #password = $state('');
  #areaNames = $state<AreaListing[]>([]);
  #loaded = $state(false);
  /** Error codes the server gave for answers the form thought were fine (a username taken). */
  serverErrors = $state<Record<string, string>>({});

  get values(): SignUpValues {
    return this.#values;
  }
  get password(): string {
    return this.#password;
  }
  /** The last list of areas seen, so their names still show with no signal. */
  get areaNames(): AreaListing[] {
    return this.#areaNames;
  }
  get loaded(): boolean {
    return this.#loaded;
  }

  load(): void {
    if (this.#loaded) return;
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as {
        values?: Partial<SignUpValues>;
        areaNames?: AreaListing[];
      };
      this.#values = { ...empty(), ...saved.values };
      this.#areaNames = saved.areaNames ?? [];
    } catch {
      this.#values = empty();
    }
    this.#loaded = true;
  }

  #save(): void {
    const saved = { values: this.#values, areaNames: this.#areaNames };
    localStorage.setItem(storageKey, JSON.stringify(saved));
  }

  update(changes: Partial<SignUpValues>): void {
    this.#values = { ...this.#values, ...changes };
    for (const field of Object.keys(changes)) delete this.serverErrors[field];
    this.#save();
  }

  setPassword(password: string): void {
    this.#password = password;
    delete this.serverErrors.password;
  }

  rememberAreas(areas: AreaListing[]): void {
    this.#areaNames = areas;
    this.#save();
  }

  clear(): void {
    this.#values = empty();
    this.#password = '';
    this.serverErrors = {};
    localStorage.removeItem(storageKey);
  }

  /** What `POST /api/volunteers` takes. */
  body(): SignUpInput {
    const v = this.#values;
    return {
      username: v.username,
      password: this.#password,
      name: v.name,
      phone: v.phone,
      areas: v.areas,
      skills: v.skills as SignUpInput['skills'],
      availability: {
        days: v.days as SignUpInput['availability']['days'],
        parts_of_day: v.parts_of_day as SignUpInput['availability']['parts_of_day'],
        note: v.note,
      },
    };
  }

  valueOf(field: SignUpField): unknown {
    return field === 'password' ? this.#password : this.#values[field];
  }

  /** Error codes for a page's answers, the server's included: empty when the page is fine. */
  check(step: SignUpStep): Record<string, string> {
    const codes: Record<string, string> = {};
    for (const field of step.fields) {
      const code = checkSignUpField(field, this.valueOf(field)) ?? this.serverErrors[field];
      if (code) codes[field] = code;
    }
    return codes;
  }

  /** The first page with an answer missing or wrong, or null when all are ready to send. */
  firstIncomplete(): SignUpStep | null {
    return signUpSteps.find((step) => Object.keys(this.check(step)).length > 0) ?? null;
  }
}

export const signUpDraft = new SignUpDraft();
