import { browser } from '$app/environment';
import { loadTexts } from '$lib/i18n/page-texts.ts';
import { requestDocId } from '#domain/documents/doc-ids.ts';
import type { PageLoad } from './$types';

// Request ids are only known on the device: the page is the SPA fallback (200.html), which the
// service worker serves for any URL, offline included. `request` holds the journey's questions,
// which the resident's answers are shown under (answer-groups.ts); `matching`, the suggested
// volunteers' reasons.
export const prerender = false;

const texts = loadTexts(
  'staff',
  'work',
  'requests',
  'request',
  'answers',
  'matching',
  'duplicates',
  'handover',
  'tasks',
);

/** The texts, and what the page is called, so its first title is the one announced. */
export const load: PageLoad = async (event) => {
  await texts(event);
  if (!browser) return { heading: undefined };
  const { requestHeading } = await import('$lib/staff/requests/request-heading.ts');
  return { heading: await requestHeading(requestDocId(event.params.id)) };
};
