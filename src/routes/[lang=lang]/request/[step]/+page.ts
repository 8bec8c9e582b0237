import { loadStep, stepEntries } from '$lib/resident/questions/step-pages.ts';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = stepEntries;
export const load = loadStep('request', 'errors');
