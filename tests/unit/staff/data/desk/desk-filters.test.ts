import { describe, expect, it } from 'vitest';
import {
  filtersFromUrl,
  filtersToUrl,
  matchesStatus,
  maxQueryLength,
  narrowing,
  noFilters,
  type DeskFilters,
} from '$lib/staff/data/desk/desk-filters.ts';

const parse = (query: string) => filtersFromUrl(new URLSearchParams(query));

describe('desk filters in the URL', () => {
  it('reads what it wrote', () => {
    const filters: DeskFilters = {
      status: 'triaged',
      kind: 'prescription',
      area: 'ceredigion',
      urgency: 'high',
      language: 'cy',
      volunteer: '0b5c7a52-93f4-4f5d-9a43-9e4fd3c0a111',
      unassigned: true,
      overdue: true,
      q: 'Siân',
    };
    expect(parse(filtersToUrl(filters))).toEqual(filters);
    expect(filtersToUrl(noFilters)).toBe('');
    expect(narrowing(filters)).toBe(9);
    expect(narrowing(noFilters)).toBe(0);
  });

  it('drops what it does not know instead of failing', () => {
    expect(parse('status=lost&kind=cake&urgency=%00&language=fr&area=<b>&unassigned=yes')).toEqual(
      noFilters,
    );
    expect(parse(`q=${'x'.repeat(500)}`).q).toHaveLength(maxQueryLength);
  });

  it('matches statuses to choices; "active" leaves out what is done or cancelled', () => {
    expect(matchesStatus('in_progress', 'active')).toBe(true);
    expect(matchesStatus('cancelled', 'active')).toBe(false);
    expect(matchesStatus('cancelled', 'all')).toBe(true);
    expect(matchesStatus('new', 'triaged')).toBe(false);
  });
});
