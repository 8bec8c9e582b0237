/**
 * Which addresses the app answers on the device alone, and the page for every other unknown one
 * (issue 9: an unknown address answered 200 and SvelteKit's bare English "404 Not Found").
 *
 * Pages whose ids only the device knows (a request, a volunteer) are not prerendered: SvelteKit's
 * SPA fallback (200.html) answers them and the page finds the document in the device's replica.
 * Those are the routes with `prerender = false` under src/routes/[lang=lang]/staff/, listed here;
 * a unit test holds the list to the routes (tests/unit/sync-server/web/not-found.test.ts). Any
 * other address with no file is not a page of the app: it gets the styled not-found page with a
 * 404, in the address's language (`/cy/…`, `/en/…`) or, on a neutral address, in both.
 */
import { languageOfPath } from '#domain/languages.ts';

const segment = '[^/]+';
const deviceRoutes: readonly RegExp[] = [
  `staff/requests/${segment}`,
  `staff/requests/${segment}/consent`,
  `staff/volunteers/${segment}/(?:areas|reject|skills)`,
].map((route) => new RegExp(`^/(?:cy|en)/${route}$`));

/** A page the device answers from its replica (served as the SPA fallback, 200). */
export function isDeviceRoute(pathname: string): boolean {
  return deviceRoutes.some((route) => route.test(pathname));
}

/** The prerendered not-found page for an unknown address, relative to the build. */
export function notFoundPage(pathname: string): string {
  const lang = languageOfPath(pathname);
  return lang === null ? '/not-found.html' : `/${lang}/not-found.html`;
}
