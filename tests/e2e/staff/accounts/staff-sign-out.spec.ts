/**
 * Signing out wipes the staff device: every IndexedDB database of that user is gone. With changes
 * the server has not got, it warns first in words and wipes nothing until the user chooses to lose
 * them; a change unsent for a day is offered as a file for a coordinator. A session that ends
 * elsewhere stops sync; unsent changes then stay on the device until the same user signs in again,
 * and reach the server; so do those a device kept under the username before its databases were
 * named by the user's id (src/lib/staff/sync/replica/replica-upgrade.ts).
 */
import { readFile } from 'node:fs/promises';
import { noteDocId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures.ts';
import { hydrated } from '../../support/hydration.ts';
import { expectNoAxeViolations } from '../../support/axe.ts';
import { t, type Lang } from '../../support/resident/locales.ts';
import type { ServerSide } from '../../support/app/server-side.ts';
import {
  userDatabases,
  writeOnDevice,
  writeToReplica,
} from '../../support/app/staff-device-stores.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';

async function signIn(page: Page, lang: Lang, username: string) {
  await page.goto(`/${lang}/staff/sign-in`);
  await hydrated(page);
  await page.getByLabel(t(lang, 'staff.sign_in.username')).fill(username);
  await page.getByLabel(t(lang, 'staff.sign_in.password')).fill(password);
  await page.getByRole('button', { name: t(lang, 'staff.sign_in.button') }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/staff$`));
  await expect(page.locator('.sync-panel')).toContainText(
    t(lang, 'staff.sync.everything_on_server'),
    { timeout: 30_000 },
  );
}

/** A volunteer with a task of their own, and a note on it as their phone would write it. */
async function volunteerWithTask(server: ServerSide) {
  const world = await server.seedStaffWorld(
    { requests: 40, volunteers: 4, areas: 2, coordinators: 1, seed: 5, now: new Date() },
    password,
  );
  const isTask = (d: StaffDoc, userId: string) =>
    d.type === 'request' && d.assignee === userId && ['assigned', 'in_progress'].includes(d.status);
  const volunteer = world.accounts.find(
    (a) => a.role === 'volunteer' && world.docs.some((d) => isTask(d, a.userId)),
  )!;
  const task = world.docs.find((d) => isTask(d, volunteer.userId))!;
  const note = {
    _id: noteDocId(task._id, crypto.randomUUID()),
    type: 'note',
    request_id: task._id,
    author: volunteer.userId,
    text: 'Neb adref / nobody home',
    for_assignee: false,
    created_at: new Date().toISOString(),
  };
  return { username: volunteer.username, note };
}

test('signing out wipes everything the device held for that user (cy)', async ({
  page,
  server,
}) => {
  const { username } = await volunteerWithTask(server);
  await signIn(page, 'cy', username);
  expect(await userDatabases(page, username)).toHaveLength(2);

  await page.getByRole('button', { name: t('cy', 'staff.home.sign_out') }).click();
  await expect(page).toHaveURL(/\/cy\/staff\/sign-in$/);
  await expect.poll(() => userDatabases(page, username)).toEqual([]);
});

test('with an unsent change, sign-out warns and wipes nothing until told (en)', async ({
  page,
  server,
}) => {
  const { username, note } = await volunteerWithTask(server);
  await signIn(page, 'en', username);
  // The reload below is offline: the app's code must be cached first.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.context().setOffline(true);
  // Written a day and an hour ago and still unsent: the home offers it as a file for a coordinator
  // (once it counts again: this write is not the app's own, so it is the reload that counts it).
  const dayOld = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
  await writeOnDevice(page, username, { ...note, created_at: dayOld });
  await page.reload();
  const download = page.getByRole('button', { name: t('en', 'staff.sync.unsent_file_button') });
  await expect(download).toBeVisible();
  await expectNoAxeViolations(page, 'the staff home offering unsent changes as a file');
  const downloading = page.waitForEvent('download');
  await download.click();
  const text = await readFile(await (await downloading).path(), 'utf8');
  const file = JSON.parse(text) as {
    format: string;
    docs: { _id: string; _revisions?: unknown }[];
  };
  expect(file.format).toBe('cymorth-unsent-changes');
  expect(file.docs.map((d) => d._id)).toEqual([note._id]);
  expect(file.docs[0]?._revisions).toBeDefined();

  const signOut = page.getByRole('button', { name: t('en', 'staff.home.sign_out') });
  await signOut.click();
  const warning = page.getByRole('alert');
  await expect(warning).toContainText(t('en', 'staff.sync.unsent_warning_one', { count: 1 }));
  expect(await userDatabases(page, username)).toHaveLength(2);

  await warning.getByRole('button', { name: t('en', 'staff.sync.stay') }).click();
  await expect(warning).toBeHidden();
  await expect(page).toHaveURL(/\/en\/staff$/);
  expect(await userDatabases(page, username)).toHaveLength(2);

  await signOut.click();
  await warning.getByRole('button', { name: t('en', 'staff.sync.sign_out_anyway') }).click();
  await expect(page).toHaveURL(/\/en\/staff\/sign-in$/);
  await expect.poll(() => userDatabases(page, username)).toEqual([]);
  await page.context().setOffline(false);
});

test('a session ended elsewhere keeps an unsent change until the same user signs in again', async ({
  page,
  server,
  appServer,
}) => {
  const { username, note } = await volunteerWithTask(server);
  await signIn(page, 'en', username);
  await page.context().setOffline(true);
  await writeOnDevice(page, username, note);
  // Signed out on another device (the cookie is shared): this one finds out when it next syncs.
  expect((await page.request.delete(`${server.url}/api/session`)).status()).toBeLessThan(300);
  await page.context().setOffline(false);

  await expect(page).toHaveURL(/\/en\/staff\/sign-in$/, { timeout: 30_000 });
  expect(await userDatabases(page, username)).toHaveLength(2);
  expect(await appServer.storage.replicated.get(note._id)).toBeNull();

  await signIn(page, 'en', username);
  await expect.poll(() => appServer.storage.replicated.get(note._id)).not.toBeNull();
});

test('an unsent change kept under the username before the upgrade reaches the server', async ({
  page,
  server,
  appServer,
}) => {
  const { username, note } = await volunteerWithTask(server);
  // A device of the version before: its replica named by the username, a note not yet sent.
  await page.goto('/en/staff/sign-in');
  await writeToReplica(page, `cymorth-${username}`, note);
  const pouchNames = () =>
    page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  expect(await pouchNames()).toContain(`_pouch_cymorth-${username}`);

  await signIn(page, 'en', username);
  await expect.poll(() => appServer.storage.replicated.get(note._id)).not.toBeNull();
  expect(await pouchNames()).not.toContain(`_pouch_cymorth-${username}`);
  expect(await userDatabases(page, username)).toHaveLength(2);
});
