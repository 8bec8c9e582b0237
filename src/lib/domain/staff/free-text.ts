/**
 * Text staff type into notes and profiles: trimmed, bounded, no control characters but tab and line
 * breaks (the same rule as the resident's answers in request-fields.ts, whose helper is private).
 */
import * as v from 'valibot';

export function freeText(min: number, max: number) {
  return v.pipe(
    v.string('invalid'),
    v.trim(),
    v.minLength(min, 'required'),
    v.maxLength(max, 'too_long'),
    v.regex(/^(?:[^\p{Cc}]|[\t\n\r])*$/u, 'invalid'),
  );
}

/** An array with no repeats, of at most `max` items each passing `item`. */
export function uniqueList<T extends v.GenericSchema<unknown, string>>(item: T, max: number) {
  return v.pipe(
    v.array(item, 'invalid'),
    v.maxLength(max, 'invalid'),
    v.check((a) => new Set(a).size === a.length, 'invalid'),
  );
}
