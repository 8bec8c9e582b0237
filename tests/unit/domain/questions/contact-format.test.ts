import { describe, expect, it } from 'vitest';
import {
  isUkMobile,
  isUkPhone,
  isUkPostcode,
  normalisePhone,
  normalisePostcode,
  postcodeDistrict,
} from '#domain/questions/contact-format.ts';

describe('UK phone numbers', () => {
  it('recognise landlines and mobiles however they are punctuated', () => {
    for (const n of ['01970 123456', '+44 7700 900982', '0044 7700 900982', '(01970) 123-456']) {
      expect(isUkPhone(n), n).toBe(true);
    }
    for (const n of ['12345', '', '+1 202 555 0100', '0800 CYMORTH', '+440 7700 900982']) {
      expect(isUkPhone(n), n).toBe(false);
    }
  });

  it('normalise to the national form a coordinator dials', () => {
    expect(normalisePhone('+44 7700 900982')).toBe('07700900982');
    expect(normalisePhone('0044 1970-123456')).toBe('01970123456');
    expect(normalisePhone('01970 123456')).toBe('01970123456');
  });

  it('normalising twice changes nothing', () => {
    const once = normalisePhone('+44 7700 900982');
    expect(normalisePhone(once)).toBe(once);
    expect(isUkPhone(once)).toBe(true);
  });
});

describe('UK mobiles, which can take a text', () => {
  it('are 071–075 and 077–079, however punctuated', () => {
    for (const n of ['07700 900982', '+44 7700 900982', '07123456789', '07987654321']) {
      expect(isUkMobile(n), n).toBe(true);
    }
  });

  it('are not landlines, personal numbers, pagers or short numbers', () => {
    for (const n of ['01632 960123', '02920 123456', '07012345678', '07612345678', '0770090098']) {
      expect(isUkMobile(n), n).toBe(false);
    }
  });
});

describe('UK postcodes', () => {
  it('recognise the shape with or without the space, in any case', () => {
    for (const p of ['sy23 1aa', 'CF10 1AA', 'CF101AA', 'w1a0ax', 'M1 1AE']) {
      expect(isUkPostcode(p), p).toBe(true);
    }
    for (const p of ['XX', '12345', 'CF10', '1AA', 'SY23 AA1']) {
      expect(isUkPostcode(p), p).toBe(false);
    }
  });

  it('normalise to upper case with one space before the inward code', () => {
    expect(normalisePostcode('sy23 1aa')).toBe('SY23 1AA');
    expect(normalisePostcode('CF101AA')).toBe('CF10 1AA');
    expect(normalisePostcode(' m1   1ae ')).toBe('M1 1AE');
    expect(normalisePostcode(normalisePostcode('w1a0ax'))).toBe('W1A 0AX');
  });

  it('give the district (outward code) and nothing of the inward code', () => {
    expect(postcodeDistrict('sy23 1aa')).toBe('SY23');
    expect(postcodeDistrict('CF101AA')).toBe('CF10');
    expect(postcodeDistrict('M1 1AE')).toBe('M1');
  });
});
