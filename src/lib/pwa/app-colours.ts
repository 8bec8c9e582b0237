/**
 * The colours an installed Cymorth wears (splash screen, title bar), one pair for the resident's
 * app and the staff's, so both look like one service: the GOV.UK header's black on white.
 */
export const appColours = { theme: '#0b0c0c', background: '#ffffff' } as const;
