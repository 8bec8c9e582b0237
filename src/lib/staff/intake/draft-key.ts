/** Where a call half taken is kept in localStorage: its own place, cleared at sign-out (session.ts). */
export const intakeDraftKey = 'cymorth.intake-draft.v1';
