/**
 * What the last change to a volunteer was, handed from the page that made it to the volunteers list,
 * which says once that it is saved (GOV.UK: back to the summary, with a confirmation). Kept in
 * memory only: a reload has nothing new to confirm.
 */
export type SavedChange = { kind: 'areas' | 'skills' | 'rejected'; name: string };

let last: SavedChange | null = null;

export function noteSaved(change: SavedChange): void {
  last = change;
}

export function takeSaved(): SavedChange | null {
  const change = last;
  last = null;
  return change;
}
