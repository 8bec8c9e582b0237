/**
 * A refused write's reason in the user's words, said one way on every screen. Reasons are
 * snake_case, like every code the API returns (docs/architecture.md, "Bad input"); a refusal logged on
 * a device before they were (kebab-case) reads the same. `own` is a screen's own wording to try
 * first (a volunteer profile's approval is not a task's status); an unknown code reads as the
 * general "forbidden".
 */
import type { Translate } from '$lib/i18n/i18n.ts';

export function reasonText(t: Translate, code: string, own?: string): string {
  const key = code.replaceAll('-', '_');
  const general = t(`staff.sync.refused_reasons.${key}`, {
    defaultValue: t('staff.sync.refused_reasons.forbidden'),
  });
  return own ? t(`${own}.${key}`, { defaultValue: general }) : general;
}
