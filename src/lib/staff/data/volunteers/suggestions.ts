/**
 * The volunteers a coordinator's request page suggests: the area's volunteers read through the
 * model (volunteer-queries.ts), ranked by the domain (matching/rank.ts), each eligible one with
 * the reasons for their place and each ruled out with the first hard rule they break. Screens get
 * names and codes, never rows; the words are the locale's (`matching.reasons.*`, `.ineligible.*`).
 */
import { hardRules, type HardRule } from '#domain/matching/eligibility.ts';
import { matchReasons, type MatchReason } from '#domain/matching/match-reasons.ts';
import { rankVolunteers } from '#domain/matching/rank.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { ReadModelDb } from '../model/read-model.ts';
import { matchInputs } from './volunteer-queries.ts';

export type Suggestion = { id: string; name: string; reasons: MatchReason[] };
export type RuledOut = { id: string; name: string; rule: HardRule };
export type Suggestions = { ranked: Suggestion[]; ruledOut: RuledOut[] };

export const noSuggestions: Suggestions = { ranked: [], ruledOut: [] };

/** Every volunteer of `request`'s area but its assignee, best first, judged at `now` (ISO). */
export async function suggestVolunteers(
  model: ReadModelDb,
  request: RequestDoc,
  now: string,
): Promise<Suggestions> {
  const inputs = await matchInputs(model, request);
  const nameOf = (id: string) => inputs.names.get(id) ?? '';
  const { ranked, ineligible } = rankVolunteers(inputs.request, inputs.candidates, now);
  return {
    ranked: ranked.map((entry) => ({
      id: entry.candidate.id,
      name: nameOf(entry.candidate.id),
      reasons: matchReasons(entry, inputs.request, now),
    })),
    // Grouped by the rule they break, in the rules' order, then by name.
    ruledOut: ineligible
      .map(({ candidate, reason }) => ({ id: candidate.id, name: nameOf(candidate.id), rule: reason }))
      .sort(
        (a, b) =>
          hardRules.indexOf(a.rule) - hardRules.indexOf(b.rule) || a.name.localeCompare(b.name),
      ),
  };
}
