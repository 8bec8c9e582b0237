/**
 * Text staff type into notes and profiles: trimmed, bounded, no control characters but tab and line
 * breaks: the resident's rule from request-fields.ts.
 */
import * as v from 'valibot';
import { text } from './request-fields.ts';

export function freeText(min: number, max: number) {
  return text(min, max, 'invalid');
}

/** An array with no repeats, of at most `max` items each passing `item`. */
export function uniqueList<T extends v.GenericSchema<unknown, string>>(item: T, max: number) {
  return v.pipe(
    v.array(item, 'invalid'),
    v.maxLength(max, 'invalid'),
    v.check((a) => new Set(a).size === a.length, 'invalid'),
  );
}
