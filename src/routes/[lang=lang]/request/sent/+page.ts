import { browser } from '$app/environment';
import { languageEntries } from '$lib/i18n/entries.ts';
import { loadTexts } from '$lib/i18n/page-texts.ts';
import type { StoredRequest } from '$lib/resident/outbox.ts';
import type { PageLoad } from './$types';

export const entries = languageEntries;

const texts = loadTexts('request', 'requests');

/**
 * The texts, and the request as the outbox holds it when the page opens: the first title is the
 * one the route announcer reads, so it must say "sent" when it is (issue 9). Prerendered pages
 * have no query string, so this runs only in the browser.
 */
export const load: PageLoad = async (event) => {
  await texts(event);
  if (!browser) return { item: undefined };
  const id = event.url.searchParams.get('id') ?? '';
  const { residentDb } = await import('$lib/resident/outbox.ts');
  const item: StoredRequest | undefined = await residentDb.requests.get(id).catch(() => undefined);
  return { item };
};
