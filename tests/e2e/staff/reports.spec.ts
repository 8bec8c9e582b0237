/**
 * Reports as a coordinator reads them, in both languages: from the staff home to what the
 * requests of their areas came to over the last 28 days (the figures checked against the seeded
 * world), another period chosen and kept in the address, a table downloaded as CSV with small
 * counts suppressed, and the printed page without its controls. Axe on the page.
 */
import { londonDate } from '#domain/calendar-days.ts';
import { presetPeriod } from '#domain/reports/report-period.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { generate } from '../../../scripts/seed/generate.ts';
import { StaffWork } from '../pages/staff-work.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expect, test } from '../fixtures.ts';
import { hydrated } from '../support/hydration.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';
const shape = (now: Date) => ({
  requests: 60,
  volunteers: 3,
  areas: 2,
  coordinators: 1,
  seed: 17,
  now,
});

/** What the report should count, from the seeded documents themselves. */
function expected(now: Date, preset: '7d' | '28d') {
  const { docs, accounts } = generate(shape(now));
  const coordinator = accounts.find((a) => a.role === 'coordinator')!;
  const period = presetPeriod(preset, londonDate(now.toISOString()));
  const mine = docs.filter(
    (d): d is RequestDoc =>
      d.type === 'request' &&
      d.area !== null &&
      coordinator.areas.includes(d.area) &&
      londonDate(d.created_at) >= period.from &&
      londonDate(d.created_at) <= period.to,
  );
  return {
    username: coordinator.username,
    received: mine.length,
    met: mine.filter((r) => r.status === 'done').length,
  };
}

const figure = (work: StaffWork, name: string) => work.page.locator(`[data-figure="${name}"] dd`);

for (const lang of ['cy', 'en'] as const) {
  test(`a coordinator reads what their areas' requests came to (${lang})`, async ({
    browser,
    baseURL,
    server,
  }) => {
    const now = new Date();
    await server.seedStaffWorld(shape(now), password);
    const month = expected(now, '28d');
    expect(month.received).toBeGreaterThan(0);
    const context = await browser.newContext({ baseURL, acceptDownloads: true });
    const work = await StaffWork.open(context, lang);
    await work.signIn(month.username, password);
    await work.page.getByRole('link', { name: work.text('staff.home.reports_link') }).click();
    await hydrated(work.page);
    await expect(work.page.getByRole('heading', { level: 1 })).toHaveText(
      work.text('reports.title'),
    );
    const number = new Intl.NumberFormat(lang === 'cy' ? 'cy-GB' : 'en-GB');
    await expect(figure(work, 'received')).toHaveText(number.format(month.received));
    await expect(figure(work, 'met')).toHaveText(number.format(month.met));
    const weeks = work.page.getByTestId('report-weeks');
    await expect(weeks.getByRole('table')).toBeVisible();
    await expectNoAxeViolations(work.page, `reports (${lang})`);

    // Another period, applied as chosen and kept in the address.
    const week = expected(now, '7d');
    await work.page.getByLabel(work.text('reports.periods.7d')).check();
    await expect(work.page).toHaveURL(/period=7d/);
    await expect(figure(work, 'received')).toHaveText(number.format(week.received));
    await work.page.reload();
    await hydrated(work.page);
    await expect(work.page.getByLabel(work.text('reports.periods.7d'))).toBeChecked();
    await expect(figure(work, 'received')).toHaveText(number.format(week.received));

    // The kinds table as CSV: its header in the reader's language, small counts as <5.
    const kinds = work.page.getByTestId('report-kinds');
    const [download] = await Promise.all([
      work.page.waitForEvent('download'),
      kinds.getByRole('button').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^cymorth-kinds-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = await (await download.createReadStream()).toArray();
    const text = Buffer.concat(csv).toString('utf8');
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toBe(
      [
        work.text('reports.columns.kind'),
        work.text('reports.columns.received'),
        work.text('reports.columns.met'),
      ].join(','),
    );
    for (const row of rows) {
      for (const cell of row.split(',').slice(1)) expect(cell).toMatch(/^(0|<5|[5-9]|\d\d+)$/);
    }

    // Printed: the figures and tables, no controls.
    await work.page.emulateMedia({ media: 'print' });
    await expect(weeks.getByRole('table')).toBeVisible();
    await expect(work.page.getByRole('button', { name: work.text('reports.print') })).toBeHidden();
    await expect(work.page.getByRole('radio').first()).toBeHidden();
    await context.close();
  });
}
