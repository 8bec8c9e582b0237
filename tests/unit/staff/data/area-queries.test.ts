import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { areasById } from '$lib/staff/data/area-queries.ts';
import { area } from '../../../support/factories.ts';
import { readModels } from './read-models.ts';

const modelWith = readModels('area-queries');

describe('areas as documents', () => {
  it('gives each area by its id without the prefix, as requests name it', async () => {
    const areas = [area('ceredigion'), area('powys')];
    const byId = await areasById(await modelWith(areas));
    expect([...byId.keys()].sort()).toEqual(['ceredigion', 'powys']);
    expect(byId.get('powys')).toEqual(areas[1]);
  });
});
