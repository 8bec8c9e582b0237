import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadModelDb, catchUp } from '$lib/staff/data/model/read-model.ts';
import { queuePage } from '$lib/staff/data/desk/desk-queries.ts';
import type { QueuePage } from '$lib/staff/data/desk/queue-page.ts';
import { checkCap, searchCap } from '$lib/staff/data/desk/desk-search.ts';
import { noFilters, type DeskFilters } from '$lib/staff/data/desk/desk-filters.ts';
import { retriage } from '$lib/staff/data/model/retriage.ts';
import { filterCounts } from '$lib/staff/data/desk/desk-counts.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import { contactFor, coordinatorId, request, testUuid, user } from '../../../../support/factories.ts';
import { memoryDb } from '../../sync/pouch.ts';

// The factories' requests come in on 2030-01-10 and are needed by 2030-01-15.
const noon = (day: string) => `${day}T12:00:00.000Z`;
const coordinator = { ...user('coordinator', ['ceredigion', 'powys']), id: coordinatorId };

let n = 0;
const open: ReadModelDb[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(noon('2030-01-10')));
});
afterEach(async () => {
  vi.useRealTimers();
  for (const m of open.splice(0)) await m.delete();
});

async function modelWith(docs: object[]) {
  const db = memoryDb();
  const model = new ReadModelDb(`desk-${++n}`);
  open.push(model);
  await db.bulkDocs(docs);
  await catchUp(db, model);
  return { db, model };
}

const page = (model: ReadModelDb, filters: Partial<DeskFilters> = {}, limit = 50) =>
  queuePage(model, coordinator, { ...noFilters, ...filters }, limit, new Date().toISOString());

const ids = (p: QueuePage) => p.items.map((i) => i.request._id);

function withContact(r: RequestDoc, contact: Partial<ContactDoc['contact']> = {}, more = {}) {
  const c = contactFor(r);
  return { ...c, contact: { ...c.contact, ...contact }, ...more } as ContactDoc;
}

describe('the queue, read through the model', () => {
  it('puts open unassigned work first, then work in hand, most pressing first; closed is out', async () => {
    const low = { ...request(), urgency: 'low' as const };
    const high = { ...request(), urgency: 'high' as const };
    const held = { ...request({ status: 'assigned', assignee: testUuid() }), urgency: 'high' };
    const done = request({ status: 'done', assignee: testUuid() });
    const { model } = await modelWith([held, low, done, high]);
    const p = await page(model);
    expect(ids(p)).toEqual([high._id, low._id, held._id]);
    expect(p.total).toBe(3);
    expect(p.items[0]!.request).toEqual(high);
    expect(ids(await page(model, { status: 'all' }))).toContain(done._id);
  });

  it('says why, from the contact, whichever of the two arrived first', async () => {
    const r = request();
    const hungry = withContact(r, {}, {
      circumstances: { ...contactFor(r).circumstances, no_food_today: true },
    });
    const { db, model } = await modelWith([r]);
    expect((await page(model)).items[0]!.triage.reasons).toEqual([]);
    await db.put(hungry);
    await catchUp(db, model);
    const codes = (await page(model)).items[0]!.triage.reasons.map((x) => x.code);
    expect(codes).toEqual(['no_food_today', 'lives_alone']);
  });

  it('filters by each field, alone and together, with exact totals', async () => {
    const food = request();
    const medicine = { ...request({ area: 'powys' }), kind: 'prescription' as const };
    const english = { ...request(), language: 'en' as const };
    const mine = request({ status: 'assigned', assignee: testUuid(777) });
    const { model } = await modelWith([food, medicine, english, mine]);
    expect(ids(await page(model, { kind: 'prescription' }))).toEqual([medicine._id]);
    expect(ids(await page(model, { area: 'powys' }))).toEqual([medicine._id]);
    expect((await page(model, { language: 'cy' })).total).toBe(3);
    expect(ids(await page(model, { language: 'en', kind: 'food' }))).toEqual([english._id]);
    expect(ids(await page(model, { area: 'powys', kind: 'prescription' }))).toEqual([medicine._id]);
    expect((await page(model, { area: 'powys', kind: 'food' })).total).toBe(0);
    expect(ids(await page(model, { volunteer: testUuid(777) }))).toEqual([mine._id]);
    expect((await page(model, { unassigned: true })).total).toBe(3);
    expect((await page(model, { status: 'assigned' })).total).toBe(1);
    expect((await page(model, { kind: 'other' })).total).toBe(0);
  });

  it('marks overdue requests and finds them by that filter', async () => {
    const late = { ...request(), needed_by: '2030-01-09' };
    const onTime = request();
    const { model } = await modelWith([onTime, late]);
    const p = await page(model, { overdue: true });
    expect(ids(p)).toEqual([late._id]);
    expect(p.items[0]!.triage.overdue).toBe(true);
  });

  it('finds anyone by reference, phone, postcode, district or name, however typed', async () => {
    const r = request();
    const other = request();
    const contact = withContact(r, {
      name: 'Siân Llŷr',
      phone: '07700900123',
      postcode: 'CF10 1EP',
    });
    const { model } = await modelWith([r, other, contactFor(other), contact]);
    const spaced = `${r.reference.slice(0, 3)} ${r.reference.slice(3, 6)} ${r.reference.slice(6)}`;
    for (const q of [
      spaced,
      r.reference.slice(0, 5),
      '+44 7700 900123',
      '(07700) 900-123',
      'cf101ep',
      'CF10 1',
      'llyr',
      'LLYR siân',
    ]) {
      expect(ids(await page(model, { q })), q).toEqual([r._id]);
    }
    expect((await page(model, { q: 'sian' })).total).toBe(2); // Siân Llŷr and Siân Jones
    expect((await page(model, { q: 'sy23' })).total).toBe(2); // both requests' district
    expect((await page(model, { q: 'nobody' })).total).toBe(0);
    expect((await page(model, { q: 'sian', kind: 'prescription' })).total).toBe(0);
    expect((await page(model, { q: '12' })).total).toBe(0); // too short to be a number
  });

  it('pages by a growing limit and says when there is more', async () => {
    const docs = Array.from({ length: 7 }, () => request());
    const { model } = await modelWith(docs);
    const first = await page(model, {}, 5);
    expect(first.items).toHaveLength(5);
    expect(first.more).toBe(true);
    expect(first.total).toBe(7);
    const all = await page(model, {}, 10);
    expect(ids(all).slice(0, 5)).toEqual(ids(first));
    expect(all.more).toBe(false);
  });

  it('walks the queue when no filter is narrow, with the same answer as the short path', async () => {
    const docs = Array.from({ length: 2100 }, (_, i) => ({
      ...(i % 7 ? request() : request({ status: 'done', assignee: testUuid() })),
      kind: i % 2 ? ('food' as const) : ('prescription' as const),
      language: i % 3 ? ('cy' as const) : ('en' as const),
    }));
    const { model } = await modelWith(docs);
    const active = docs.filter((d) => d.status !== 'done');
    const p = await page(model, { kind: 'food', language: 'cy' }, 20);
    const expected = active.filter((d) => d.kind === 'food' && d.language === 'cy');
    expect(p.total).toBe(expected.length);
    expect(p.items.every((i) => i.request.kind === 'food' && i.request.language === 'cy')).toBe(
      true,
    );
    const sorted = await page(model, { kind: 'food', language: 'cy' }, expected.length);
    expect(ids(sorted).slice(0, 20)).toEqual(ids(p));
    // A search finding more than it counts says so, and lists the first it found.
    const everyone = await page(model, { q: docs[0]!.postcode_district }, 20);
    expect(everyone).toMatchObject({ total: searchCap, capped: true, more: true });
    expect(everyone.items).toHaveLength(20);
    const open = await page(model, { q: docs[0]!.postcode_district }, 500);
    expect(open.items).toHaveLength(searchCap);
    expect(open.more).toBe(false);
    // Narrowed by another filter, it reads and checks the first it found, up to its cap, and
    // says it stopped there: the matches among them, most pressing first.
    const food = await page(model, { q: docs[0]!.postcode_district, kind: 'food' }, 20);
    // Every request here shares the district, so the search finds them in the queue's order.
    const firstChecked = (await page(model, {}, checkCap)).items
      .filter((i) => i.request.kind === 'food');
    expect(food).toMatchObject({ capped: true, checked: checkCap, total: firstChecked.length });
    expect(food.total).toBeLessThan(active.filter((d) => d.kind === 'food').length);
    expect(ids(food)).toEqual(firstChecked.slice(0, 20).map((i) => i.request._id));
    // Below the cap it counts every match.
    const q = docs[3]!.reference;
    const found = await page(model, { q }, checkCap);
    expect(found.capped).toBe(false);
    const one = await page(model, { q, kind: 'food' }, checkCap);
    const matching = found.items.filter((i) => i.request.kind === 'food');
    expect(matching.length).toBeGreaterThan(0);
    expect(one).toMatchObject({ total: matching.length, capped: false });
    expect(ids(one)).toEqual(matching.map((i) => i.request._id));
    expect(one.checked).toBeUndefined();
  });

  it('judges open requests again on a new day', async () => {
    const r = request();
    const { model } = await modelWith([r]);
    expect((await page(model)).items[0]!.triage.reasons.map((x) => x.code)).not.toContain(
      'waiting',
    );
    vi.setSystemTime(new Date(noon('2030-01-13')));
    expect(await retriage(model, new Date().toISOString())).toBe(1);
    const reasons = (await page(model)).items[0]!.triage.reasons;
    expect(reasons).toContainEqual({ code: 'waiting', days: 3 });
    expect(await retriage(model, new Date().toISOString())).toBe(0);
  });
});

describe('counts per filter', () => {
  it('agree with the queue each choice would show', async () => {
    const docs = [
      request(),
      { ...request({ area: 'powys' }), kind: 'prescription' as const, urgency: 'high' as const },
      { ...request(), language: 'en' as const, needed_by: '2030-01-08' },
      request({ status: 'assigned', assignee: testUuid() }),
      request({ status: 'done', assignee: testUuid() }),
      request({ status: 'triaged' }),
    ];
    const { model } = await modelWith(docs);
    for (const status of ['active', 'all', 'triaged', 'done'] as const) {
      const counts = await filterCounts(model, { ...noFilters, status }, ['ceredigion', 'powys']);
      const total = async (f: Partial<DeskFilters>) => (await page(model, { status, ...f })).total;
      expect(counts.status[status]).toBe(await total({}));
      for (const kind of ['food', 'prescription'] as const)
        expect(counts.kind[kind], `${status} ${kind}`).toBe(await total({ kind }));
      for (const urgency of ['high', 'medium', 'low'] as const)
        expect(counts.urgency[urgency]).toBe(await total({ urgency }));
      for (const language of ['cy', 'en'] as const)
        expect(counts.language[language]).toBe(await total({ language }));
      expect(counts.area['powys']).toBe(await total({ area: 'powys' }));
      expect(counts.overdue).toBe(await total({ overdue: true }));
      expect(counts.unassigned, status).toBe(await total({ unassigned: true }));
    }
  });
});
