/**
 * Documents leave a staff device when they leave its user's view (docs/architecture.md, "Access"), within one
 * pull cycle, from the replica and the read model alike, and come back when the view takes them
 * back although the device's checkpoint is past them. A disabled account's device is wiped at its
 * next sync. This needs Chromium: PouchDB's `purge` exists only in its indexeddb adapter.
 */
import { hasConsent } from '#domain/requests/consent.ts';
import { canRead } from '#domain/access/access.ts';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { Page } from '@playwright/test';
import type { AppServer } from '../support/app/app-server.ts';
import { disableAccount, handOver, setVolunteerAreas } from '../support/app/coordinator-desk.ts';
import { expect, test } from '../fixtures.ts';
import { hydrated } from '../support/hydration.ts';
import { t } from '../support/resident/locales.ts';
import type { ServerSide } from '../support/app/server-side.ts';
import { heldOnDevice, userDatabases } from '../support/app/staff-device-stores.ts';

test.use({ ownServer: true });
// A document that leaves the view without a change the device can see is found by the next quiet
// eviction cycle, a minute at most after the last one (device.ts, `quietCycleMs`).
test.setTimeout(200_000);
const cycle = { timeout: 90_000 };

const password = 'hir-a-chryf-2026';
const shape = { requests: 60, volunteers: 6, areas: 3, coordinators: 2, seed: 7 };

async function signIn(page: Page, username: string) {
  await page.goto('/en/staff/sign-in');
  await hydrated(page);
  await page.getByLabel(t('en', 'staff.sign_in.username')).fill(username);
  await page.getByLabel(t('en', 'staff.sign_in.password')).fill(password);
  await page.getByRole('button', { name: t('en', 'staff.sign_in.button') }).click();
  await expect(page).toHaveURL(/\/en\/staff$/);
}

const onDevice = (count: number) =>
  t('en', `staff.sync.requests_on_device_${new Intl.PluralRules('en').select(count)}`, { count });

/**
 * A volunteer's device synced, with one of their tasks on it; then the coordinator hands the task to
 * another volunteer, which nothing the device can see shows, and it leaves the device.
 */
async function handedOverTask({ page, server, appServer }: Fixtures) {
  const world = await server.seedStaffWorld({ ...shape, now: new Date() }, password);
  const now = new Date().toISOString();
  const volunteers = world.accounts.filter((a) => a.role === 'volunteer');
  // One whose resident agreed to share their details, so its contact is on the device too.
  const isActiveTask = (d: StaffDoc, userId: string) =>
    d.type === 'request' &&
    d.assignee === userId &&
    ['assigned', 'in_progress'].includes(d.status) &&
    hasConsent(d);
  const volunteer = volunteers.find((v) => world.docs.some((d) => isActiveTask(d, v.userId)))!;
  const other = volunteers.find((v) => v !== volunteer)!;
  const coordinator = world.accounts.find((a) => a.role === 'coordinator')!;
  const task = world.docs.find((d) => isActiveTask(d, volunteer.userId))!;
  const user = { id: volunteer.userId, role: 'volunteer' as const, areas: volunteer.areas };
  const visible = world.docs.filter(
    (d) => d.type === 'request' && canRead({ ...user, disabled: false }, d, undefined, now),
  ).length;
  const rows = [
    { id: task._id, table: 'requests' },
    { id: requestContactId(task._id), table: 'contacts' },
  ];
  const ids = rows.map((r) => r.id);

  // After the device's first eviction cycle, so the hand-over is found by a later one.
  const firstCycle = page.waitForResponse((r) => r.url().includes('/db/_evictions'));
  await signIn(page, volunteer.username);
  const panel = page.locator('.sync-panel');
  await expect(panel).toContainText(onDevice(visible), { timeout: 30_000 });
  await firstCycle;
  await expect(panel).toContainText(t('en', 'staff.sync.everything_on_server'));
  expect(await heldOnDevice(page, volunteer.username, rows)).toEqual({
    replica: ids,
    readModel: ids,
  });

  await handOver(appServer, task._id, other.userId, coordinator.userId);
  await expect
    .poll(() => heldOnDevice(page, volunteer.username, rows), cycle)
    .toEqual({ replica: [], readModel: [] });
  await expect(panel).toContainText(onDevice(visible - 1));
  // Purged, not deleted: no tombstone waits to be pushed.
  await expect(panel).toContainText(t('en', 'staff.sync.everything_on_server'));
  const handBack = () => handOver(appServer, task._id, volunteer.userId, coordinator.userId);
  return { username: volunteer.username, rows, ids, panel, visible, handBack };
}

type Fixtures = { page: Page; server: ServerSide; appServer: AppServer };

test('a task handed to someone else leaves the volunteer’s device within a cycle', async ({
  page,
  server,
  appServer,
}) => {
  await handedOverTask({ page, server, appServer });
});

test('a task handed back arrives again, contact included, though the checkpoint is past it', async ({
  page,
  server,
  appServer,
}) => {
  const { username, rows, ids, panel, visible, handBack } = await handedOverTask({
    page,
    server,
    appServer,
  });
  await handBack();
  // A visible change: it arrives with the next pull, not a quiet cycle.
  await expect
    .poll(() => heldOnDevice(page, username, rows), { timeout: 30_000 })
    .toEqual({ replica: ids, readModel: ids });
  await expect(panel).toContainText(onDevice(visible));
  await expect(panel).toContainText(t('en', 'staff.sync.everything_on_server'));
});

test('a volunteer moved to other areas keeps only what the new areas show', async ({
  page,
  server,
  appServer,
}) => {
  const world = await server.seedStaffWorld({ ...shape, now: new Date() }, password);
  const now = new Date().toISOString();
  const areaIds = world.docs.flatMap((d) =>
    d.type === 'area' ? [d._id.slice('area:'.length)] : [],
  );
  const requests = world.docs.filter((d) => d.type === 'request');
  const visibleTo = (id: string, areas: string[]) =>
    requests.filter((d) =>
      canRead({ id, role: 'volunteer', areas, disabled: false }, d, undefined, now),
    );
  // An approved volunteer, and areas that show them fewer requests than theirs do.
  const moves = world.docs.flatMap((d) => {
    if (d.type !== 'volunteer' || d.approval !== 'approved') return [];
    const id = d._id.slice('volunteer:'.length);
    return areaIds
      .filter((a) => !d.areas.includes(a))
      .map((a) => ({ id, before: visibleTo(id, d.areas), after: visibleTo(id, [a]), areas: [a] }))
      .filter((m) => m.before.some((r) => !m.after.includes(r)));
  });
  const move = moves[0]!;
  const volunteer = world.accounts.find((a) => a.userId === move.id)!;
  const left = move.before.find((r) => !move.after.includes(r))!;
  const rows = [{ id: left._id, table: 'requests' }];

  // The device's first eviction cycle gives it a token, which the move then makes name an old view.
  const firstCycle = page.waitForResponse((r) => r.url().includes('/db/_evictions'));
  await signIn(page, volunteer.username);
  const panel = page.locator('.sync-panel');
  await expect(panel).toContainText(onDevice(move.before.length), { timeout: 30_000 });
  await firstCycle;
  expect((await heldOnDevice(page, volunteer.username, rows)).replica).toEqual([left._id]);

  await setVolunteerAreas(appServer, move.id, move.areas);
  await expect(panel).toContainText(onDevice(move.after.length), cycle);
  expect(await heldOnDevice(page, volunteer.username, rows)).toEqual({
    replica: [],
    readModel: [],
  });
  await expect(panel).toContainText(t('en', 'staff.sync.everything_on_server'));
});

test('a disabled account’s device is wiped at its next sync', async ({
  page,
  server,
  appServer,
}) => {
  const world = await server.seedStaffWorld({ ...shape, now: new Date() }, password);
  const volunteer = world.accounts.find((a) => a.role === 'volunteer')!;
  await signIn(page, volunteer.username);
  await expect(page.locator('.sync-panel')).toContainText(
    t('en', 'staff.sync.everything_on_server'),
    { timeout: 30_000 },
  );
  expect(await userDatabases(page, volunteer.username)).toHaveLength(2);

  await disableAccount(appServer, volunteer.username);
  await expect(page).toHaveURL(/\/en\/staff\/sign-in$/, cycle);
  await expect.poll(() => userDatabases(page, volunteer.username)).toEqual([]);
  // The sign-in page says why, in words; nothing was waiting to upload, so no loss is told.
  await expect(page.locator('.inset--waiting')).toHaveText(t('en', 'staff.device_end.disabled'));
  // The account is forgotten on this device too: the staff page asks for sign-in.
  await page.goto('/en/staff');
  await expect(page).toHaveURL(/\/en\/staff\/sign-in$/);
});
