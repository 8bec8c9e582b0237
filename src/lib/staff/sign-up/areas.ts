/** The areas volunteers can choose from, as `GET /api/areas` lists them. */
import type { Language } from '#domain/languages.ts';

export type AreaListing = { id: string; name_cy: string; name_en: string };

export type AreasResult = { ok: true; areas: AreaListing[] } | { ok: false };

function isListing(value: unknown): value is AreaListing {
  const a = value as Partial<AreaListing> | null;
  return (
    typeof a?.id === 'string' && typeof a.name_cy === 'string' && typeof a.name_en === 'string'
  );
}

export async function fetchAreas(): Promise<AreasResult> {
  try {
    const response = await fetch('/api/areas');
    const body = (await response.json()) as { areas?: unknown };
    if (!response.ok || !Array.isArray(body.areas)) return { ok: false };
    return { ok: true, areas: body.areas.filter(isListing) };
  } catch {
    return { ok: false };
  }
}

export const areaName = (area: AreaListing, lang: Language) =>
  lang === 'cy' ? area.name_cy : area.name_en;

/** In alphabetical order for the reader's language (Welsh "ll" and "ch" sort as English letters). */
export function sortedAreas(areas: readonly AreaListing[], lang: Language): AreaListing[] {
  return [...areas].sort((a, b) => areaName(a, lang).localeCompare(areaName(b, lang), lang));
}
