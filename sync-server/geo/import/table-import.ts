/**
 * Building the postcode table (../postcode-table.ts) from files on disk, in either layout
 * (code-point.ts), and storing it: every district's document written over the old one, districts
 * no longer in the product withdrawn (emptied, not deleted: a deleted id cannot be written again
 * through the store), then `geo-table`, so a half-finished import is never taken
 * for a whole one. District centres are the plain mean of their units' points (or, in the
 * converted layout, the centres its districts file gives, worked out the same way).
 */
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { meanPoint, type Point } from '#domain/places/point.ts';
import type { MutableDocStore } from '../../storage/storage.ts';
import { districtDocId, tableInfoId, type DistrictDoc, type TableInfo } from '../postcode-table.ts';
import {
  codePointLine,
  convertedDistrictLine,
  convertedUnitLine,
  LineError,
  type District,
  type Unit,
} from './code-point.ts';

export type Table = {
  source: 'code-point-open' | 'converted';
  units: Map<string, Map<string, Point>>;
  centres: Map<string, Point>;
  postcodes: number;
};

async function eachLine(file: string, read: (line: string) => void, skipHeader: boolean) {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if ((skipHeader && n === 1) || line.trim() === '') continue;
    try {
      read(line);
    } catch (error) {
      if (error instanceof LineError) {
        throw new Error(`${file}, line ${n}: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }
}

function addUnit(units: Table['units'], unit: Unit) {
  const [outward = '', inward = ''] = unit.postcode.split(' ');
  let district = units.get(outward);
  if (district === undefined) units.set(outward, (district = new Map()));
  district.set(inward, unit.point);
}

/** Where the files are: `<dir>/Data/CSV`, `<dir>/codepo_gb/Data/CSV`, or the converted pair. */
export async function findLayout(dir: string) {
  const names = await readdir(dir).catch(() => null);
  if (names === null) throw new Error(`${dir}: no such directory`);
  if (names.includes('postcodes-wales.csv') && names.includes('districts-wales.csv')) {
    return { kind: 'converted' as const, dir };
  }
  for (const csv of [path.join(dir, 'Data', 'CSV'), path.join(dir, 'codepo_gb', 'Data', 'CSV')]) {
    const files = (await readdir(csv).catch(() => [])).filter((f) => f.endsWith('.csv'));
    if (files.length > 0) {
      return { kind: 'code-point-open' as const, dir: csv, files: files.sort() };
    }
  }
  throw new Error(
    `${dir}: neither Code-Point Open (Data/CSV/*.csv) nor postcodes-wales.csv with districts-wales.csv`,
  );
}

export async function readTable(dir: string): Promise<Table> {
  const layout = await findLayout(dir);
  const units: Table['units'] = new Map();
  const centres = new Map<string, Point>();
  let postcodes = 0;
  if (layout.kind === 'converted') {
    await eachLine(
      path.join(dir, 'postcodes-wales.csv'),
      (line) => {
        addUnit(units, convertedUnitLine(line));
        postcodes++;
      },
      true,
    );
    await eachLine(
      path.join(dir, 'districts-wales.csv'),
      (line) => {
        const d: District = convertedDistrictLine(line);
        centres.set(d.district, d.point);
      },
      true,
    );
  } else {
    for (const file of layout.files) {
      await eachLine(
        path.join(layout.dir, file),
        (line) => {
          const unit = codePointLine(line);
          if (unit === null) return;
          addUnit(units, unit);
          postcodes++;
        },
        false,
      );
    }
  }
  for (const [district, members] of units) {
    if (!centres.has(district)) {
      const centre = meanPoint([...members.values()]);
      if (centre !== null) centres.set(district, centre);
    }
  }
  return { source: layout.kind, units, centres, postcodes };
}

/** Writes `doc` whether or not it exists, keeping nothing of the old one. */
async function upsert(store: MutableDocStore, doc: DistrictDoc | TableInfo) {
  for (let tries = 0; tries < 5; tries++) {
    const old = await store.get<{ _id: string; _rev: string }>(doc._id);
    if (old === null) {
      if ((await store.putIfAbsent(doc)) === 'created') return;
    } else if ((await store.replace({ ...doc, _rev: old._rev })) === 'replaced') return;
  }
  throw new Error(`${doc._id}: could not be written; is another import running?`);
}

export async function storeTable(store: MutableDocStore, table: Table, now: Date) {
  const districts = [...table.centres.keys()].sort();
  for (const district of districts) {
    const centre = table.centres.get(district);
    if (centre === undefined) continue;
    const members = table.units.get(district) ?? new Map<string, Point>();
    const doc: DistrictDoc = {
      _id: districtDocId(district),
      type: 'geo_district',
      district,
      lat: centre.lat,
      lon: centre.lon,
      units: Object.fromEntries([...members].map(([inward, p]) => [inward, [p.lat, p.lon]])),
    };
    await upsert(store, doc);
  }
  const kept = new Set(districts.map(districtDocId));
  for (const id of await store.idsWithPrefix(districtDocId(''))) {
    const old = kept.has(id) ? null : await store.get<DistrictDoc>(id);
    if (old !== null && !old.withdrawn) await upsert(store, { ...old, units: {}, withdrawn: true });
  }
  const info: TableInfo = {
    _id: tableInfoId,
    type: 'geo_table',
    source: table.source,
    imported_at: now.toISOString(),
    postcodes: table.postcodes,
    districts: districts.length,
  };
  await upsert(store, info);
  return info;
}
