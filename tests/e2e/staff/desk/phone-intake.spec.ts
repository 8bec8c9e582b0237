/**
 * Taking a call (docs/architecture.md, "Phone intake"): a coordinator signs in while online (their
 * device is handed its pool of references), loses the signal, takes a request by phone with the
 * resident's own questions worded for the caller, reads out the reference at once, and when the
 * signal returns the request reaches the server taken by phone, in their name, with the language
 * the person wants and their consent as heard by phone. In Welsh and in English, axe on every page.
 */
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import { parseReference } from '#domain/requests/reference.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { EventDoc } from '#domain/records/append-only-docs.ts';
import { referenceDocId } from '../../../../sync-server/residents/reference-claim.ts';
import { StaffWork } from '../../pages/staff-work.ts';
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../fixtures.ts';
import { hydrated } from '../../support/hydration.ts';
import { languages, otherLang, type Lang } from '../../support/resident/locales.ts';

test.use({ ownServer: true });

const password = 'hir-a-chryf-2026';

/** One page of the call: its heading, then what the coordinator fills in or picks. */
type Answer = { fill?: [string, string]; check?: string[] };

function questions(work: StaffWork, wants: Lang): [string, Answer][] {
  const x = (key: string) => work.text(key);
  return [
    ['who', { check: [x('intake.ask.who.options.self')] }],
    ['kind', { check: [x('request.kind.options.food')] }],
    ['household', { fill: [x('intake.ask.household.title'), '2'] }],
    ['diet', {}],
    ['cooking', { check: [x('request.cooking.options.microwave_only')] }],
    ['needed_by', { check: [x('request.needed_by.options.tomorrow')] }],
    ['circumstances', { check: [x('request.circumstances.lives_alone')] }],
    ['name', { fill: [x('intake.ask.name.title'), 'Megan Puw'] }],
    ['phone', { fill: [x('intake.ask.phone.title'), '01970 623111'] }],
    ['address', {}],
    ['contact_method', { check: [x('request.contact_method.options.phone_call')] }],
    ['access_needs', {}],
    ['language', { check: [x(`common.language.${wants}`)] }],
    ['consent', { check: [x('intake.ask.consent.yes')] }],
  ];
}

for (const lang of languages) {
  test(`a coordinator takes a call offline and the request reaches the server (${lang})`, async ({
    browser,
    baseURL,
    server,
  }) => {
    test.setTimeout(180_000);
    const world = await server.seedStaffWorld(
      { requests: 4, volunteers: 2, areas: 1, coordinators: 1, seed: 21, now: new Date() },
      password,
    );
    const area = world.docs.find((d): d is AreaDoc => d.type === 'area')!;
    const coordinator = world.accounts.find((a) => a.role === 'coordinator')!;
    // In Welsh the caller's district is the area's own; in English no area lists it (CF10), so
    // the coordinator chooses the area among their own.
    const routed = lang === 'cy';
    const postcode = routed ? `${area.postcode_districts![0]} 4AB` : 'CF10 1AA';
    const areaName = lang === 'cy' ? area.name_cy : area.name_en;
    // The person wants the other language than the coordinator's screen: it is recorded as theirs.
    const wants = otherLang(lang);

    const context = await browser.newContext({ baseURL });
    const work = await StaffWork.open(context, lang);
    const page = work.page;
    await work.signIn(coordinator.username, password);

    // From the staff home; the device fills its pool of references while it is online.
    await page.getByRole('link', { name: work.text('intake.home_link') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      work.text('intake.start.title'),
    );
    await expect(page.getByTestId('reference-pool')).toHaveText(
      work.text(`intake.start.pool_other`, { count: 10 }),
    );
    await expectNoAxeViolations(page, `intake start (${lang})`, { soft: true });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    // The signal goes; the call goes on.
    await context.setOffline(true);
    await page.getByRole('button', { name: work.text('intake.start.start_button') }).click();
    for (const [key, answer] of questions(work, wants)) {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        work.text(`intake.ask.${key}.title`),
      );
      await expect(page).toHaveURL(new RegExp(`/${lang}/staff/intake/`));
      await expectNoAxeViolations(page, `intake ${key} (${lang})`, { soft: true });
      if (key === 'kind') {
        // Continue with no answer: the error summary, scanned too.
        await page.getByRole('button', { name: work.text('common.continue') }).click();
        await expect(page.getByRole('alert')).toContainText(
          work.text('errors.fields.kind.required'),
        );
        await expectNoAxeViolations(page, `intake kind, with errors (${lang})`, { soft: true });
      }
      if (answer.fill) await page.getByLabel(answer.fill[0], { exact: true }).fill(answer.fill[1]);
      for (const label of answer.check ?? []) {
        await page.getByLabel(label, { exact: true }).check();
      }
      if (key === 'address') {
        await page.getByLabel(work.text('request.address.address_line1')).fill('3 Heol y Wig');
        await page.getByLabel(work.text('request.address.town')).fill('Aberystwyth');
        await page.getByLabel(work.text('request.address.postcode')).fill(postcode);
      }
      await page.getByRole('button', { name: work.text('common.continue') }).click();
    }

    // Read back, routed to the area of the caller's district, saved with a reference at once.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      work.text('intake.check.title'),
    );
    await expect(page.getByText('Megan Puw')).toBeVisible();
    if (routed) {
      await expect(page.getByTestId('intake-area')).toHaveText(areaName);
      await expectNoAxeViolations(page, `intake check (${lang})`, { soft: true });
    } else {
      const choice = page.getByRole('group', { name: work.text('intake.check.area_legend') });
      await expect(choice).toContainText(
        work.text('intake.check.area_hint_none', { district: 'CF10' }),
      );
      await expectNoAxeViolations(page, `intake check, choosing the area (${lang})`, {
        soft: true,
      });
      await page.getByTestId('save-call').click();
      await expect(page.getByRole('alert')).toContainText(work.text('intake.check.errors.area'));
      await expectNoAxeViolations(page, `intake check, with errors (${lang})`, { soft: true });
      await choice.getByLabel(areaName, { exact: true }).check();
    }
    await page.getByTestId('save-call').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      work.text('intake.done.title'),
    );
    const shown = (await page.getByTestId('reference').textContent()) ?? '';
    expect(shown).toMatch(/^\d{3} \d{3} \d{3}$/);
    const reference = parseReference(shown);
    expect(reference).not.toBeNull();
    await expect(page.getByTestId('call-state')).toHaveText(work.text('intake.done.state_waiting'));
    await expectNoAxeViolations(page, `intake done, offline (${lang})`, { soft: true });
    const id = new URL(page.url()).searchParams.get('id')!;
    expect(await server.storedRequest(id)).toBeNull();

    // The signal returns: the request reaches the server, and the page says so.
    await context.setOffline(false);
    await expect(page.getByTestId('call-state')).toHaveText(work.text('intake.done.state_sent'), {
      timeout: 30_000,
    });
    const storage = server.appServer.storage;
    const stored = (await storage.replicated.get<RequestDoc>(`request:${id}`))!;
    expect(stored).toMatchObject({
      reference,
      area: area._id.replace('area:', ''),
      language: wants,
      consent: { given: true, how: 'phone' },
      status: 'new',
    });
    // Taken by them: every register stamped in their name, and the history starts with them.
    for (const stamp of Object.values(stored.fields_meta)) {
      expect(stamp.by).toBe(coordinator.userId);
    }
    await expect
      .poll(async () => (await storage.replicated.idsWithPrefix(`event:${id}:`)).length)
      .toBe(1);
    const [eventId] = await storage.replicated.idsWithPrefix(`event:${id}:`);
    expect(await storage.replicated.get<EventDoc>(eventId!)).toMatchObject({
      field: 'created',
      author: coordinator.userId,
    });
    expect(await storage.replicated.get(`contact:${id}`)).toMatchObject({
      contact: { name: 'Megan Puw', language: wants, consent_to_share: true },
    });
    expect(await storage.serverOnly.get(referenceDocId(reference!))).toMatchObject({
      held_by: coordinator.userId,
      request_id: `request:${id}`,
    });

    // The new request's page, from the link.
    await page.getByRole('link', { name: work.text('intake.done.request_link') }).click();
    await hydrated(page);
    await expect(work.facts).toBeVisible();
    await context.close();
  });
}
