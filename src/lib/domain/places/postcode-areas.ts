/**
 * The UK's postcode areas: the letters an outward code starts with (`SY` of `SY23`). Royal Mail's
 * list of 121 geographic areas, with the Crown dependencies' GY, JE and IM; the non-geographic BF
 * and BX are left out, since no resident lives in them. A district whose letters are not here does
 * not exist, whatever its shape: `ZZ1` is refused before any table is asked.
 * https://en.wikipedia.org/wiki/List_of_postcode_areas_in_the_United_Kingdom
 */
const postcodeAreas = new Set(
  (
    'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY ' +
    'E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD ' +
    'LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK ' +
    'SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

/** The shape of an outward code, as requests store it (`postcode_district`). */
export const districtShape = /^[A-Z]{1,2}\d[A-Z\d]?$/;

/** A district of a real postcode area: `SY23` yes, `ZZ1` and `SY` no. */
export function isKnownDistrictShape(district: string): boolean {
  if (!districtShape.test(district)) return false;
  return postcodeAreas.has(/^[A-Z]+/.exec(district)![0]);
}
