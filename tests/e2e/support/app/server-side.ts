/**
 * The server's side of the story: what it stored (read through the running server's own storage,
 * in this process) and what its API answers, asked over HTTP as a resident's phone would.
 */
import type { APIRequestContext } from '@playwright/test';
import { createAccount, type NewAccount } from '../../../../sync-server/accounts/account-store.ts';
import { generate, type Generated, type SeedShape } from '../../../../scripts/seed/generate.ts';
import type { AppServer } from './app-server.ts';

export type StoredRequestDoc = { _id: string; reference: string; kind: string; status: string };

export class ServerSide {
  constructor(
    readonly appServer: AppServer,
    readonly api: APIRequestContext,
  ) {}

  get url(): string {
    return this.appServer.url;
  }

  /** How many requests the server holds. Tests in a worker run one at a time, so a count is exact. */
  async requestCount(): Promise<number> {
    return (await this.appServer.storage.replicated.idsWithPrefix('request:')).length;
  }

  async storedRequest(id: string): Promise<StoredRequestDoc | null> {
    return this.appServer.storage.replicated.get<StoredRequestDoc>(`request:${id}`);
  }

  async status(reference: string, statusToken: string) {
    const response = await this.api.get(`${this.url}/api/requests/${reference}`, {
      headers: { authorization: `Bearer ${statusToken}` },
    });
    return { code: response.status(), body: (await response.json()) as Record<string, unknown> };
  }

  /** Sends a submission as the phone's outbox does. */
  async submit(submission: unknown) {
    const response = await this.api.post(`${this.url}/api/requests`, { data: submission });
    return {
      code: response.status(),
      replayed: response.headers()['idempotent-replayed'] === 'true',
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  /** A staff account, made as `npm run admin` makes one (a cheaper hash: it is only a test). */
  async createStaffAccount(account: NewAccount): Promise<void> {
    const ctx = {
      store: this.appServer.storage.serverOnly,
      now: () => new Date(),
      scrypt: { N: 2 ** 10, r: 8, p: 1 },
    };
    const result = await createAccount(ctx, account);
    if (!result.ok) throw new Error(`could not create ${account.username}: ${result.problem}`);
  }

  /**
   * A seeded world (areas, requests, volunteers and their profiles, notes) as `npm run seed` makes
   * it, written into this server's database, with an account for every seeded staff member.
   */
  async seedStaffWorld(shape: SeedShape, password: string): Promise<Generated> {
    const world = generate(shape);
    await this.appServer.storage.replicatedDb.bulkDocs(world.docs);
    for (const account of world.accounts) {
      await this.createStaffAccount({
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        areas: account.areas,
        password,
      });
    }
    return world;
  }
}
