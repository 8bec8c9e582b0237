import { loadStep, stepEntries } from '$lib/resident/questions/step-pages.ts';
import type { EntryGenerator } from './$types';

// Every question in both languages is prerendered, so the call goes on with no signal.
export const entries: EntryGenerator = stepEntries;
export const load = loadStep('request', 'errors', 'staff', 'intake');
