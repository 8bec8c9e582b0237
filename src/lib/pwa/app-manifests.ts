/**
 * Which web app manifest a page links. Staff pages install the staff app of their language (its
 * own name, start page and scope, staff-manifest.ts); every other page, the resident's app
 * (`/manifest.webmanifest`, made by @vite-pwa/sveltekit in vite.config.ts). A page links the staff
 * manifest exactly when it lies in that manifest's scope, so the app a person installs from a
 * page always covers that page.
 */
import { languageOfPath, type Language } from '#domain/languages.ts';

export const residentManifestHref = '/manifest.webmanifest';

/** The staff pages of one language: `/cy/staff` and everything under it. */
export const staffScope = (lang: Language) => `/${lang}/staff`;

export const staffManifestHref = (lang: Language) => `${staffScope(lang)}/manifest.webmanifest`;

export function manifestHrefFor(pathname: string): string {
  const lang = languageOfPath(pathname);
  if (lang === null) return residentManifestHref;
  const scope = staffScope(lang);
  const isStaffPage = pathname === scope || pathname.startsWith(`${scope}/`);
  return isStaffPage ? staffManifestHref(lang) : residentManifestHref;
}
