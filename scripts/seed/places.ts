/**
 * Real Welsh places for synthetic data: the 22 principal areas (counties and county boroughs) with
 * their Welsh and English names, towns in each with real postcode districts, and roughly how much of
 * each area's help is asked for in Welsh (higher in the north and west, after the 2021 census's
 * Welsh-speaker map). The order puts a northern, a western and a southern area first, so even a
 * three-area demo shows the spread.
 */
import { townOfDistrict } from '#domain/places/district-towns.ts';

export type Town = { cy: string; en: string; district: string };
export type Place = {
  id: string;
  name_cy: string;
  name_en: string;
  /** Share of requests made in Welsh. */
  welsh: number;
  towns: Town[];
};

/** A town by its district: its names are the domain's (places/district-towns.ts), never a copy. */
const t = (district: string): Town => {
  const names = townOfDistrict(district);
  if (names === null) throw new Error(`seed bug: no town for ${district}`);
  return { ...names, district };
};

export const places: readonly Place[] = [
  {
    id: 'gwynedd',
    name_cy: 'Gwynedd',
    name_en: 'Gwynedd',
    welsh: 0.75,
    towns: [t('LL55'), t('LL57'), t('LL53'), t('LL41'), t('LL40')],
  },
  {
    id: 'ceredigion',
    name_cy: 'Ceredigion',
    name_en: 'Ceredigion',
    welsh: 0.55,
    towns: [t('SY23'), t('SA48'), t('SA43'), t('SA45')],
  },
  {
    id: 'caerdydd',
    name_cy: 'Caerdydd',
    name_en: 'Cardiff',
    welsh: 0.12,
    towns: [t('CF10'), t('CF11'), t('CF14'), t('CF24'), t('CF5')],
  },
  {
    id: 'ynys-mon',
    name_cy: 'Ynys Môn',
    name_en: 'Isle of Anglesey',
    welsh: 0.6,
    towns: [t('LL77'), t('LL65'), t('LL58'), t('LL68')],
  },
  {
    id: 'sir-gaerfyrddin',
    name_cy: 'Sir Gaerfyrddin',
    name_en: 'Carmarthenshire',
    welsh: 0.5,
    towns: [t('SA31'), t('SA15'), t('SA19'), t('SA18')],
  },
  {
    id: 'rhondda-cynon-taf',
    name_cy: 'Rhondda Cynon Taf',
    name_en: 'Rhondda Cynon Taf',
    welsh: 0.12,
    towns: [t('CF37'), t('CF44'), t('CF40'), t('CF42')],
  },
  {
    id: 'powys',
    name_cy: 'Powys',
    name_en: 'Powys',
    welsh: 0.25,
    towns: [t('LD1'), t('LD3'), t('SY16'), t('SY21'), t('SY20')],
  },
  {
    id: 'conwy',
    name_cy: 'Conwy',
    name_en: 'Conwy',
    welsh: 0.35,
    towns: [t('LL32'), t('LL30'), t('LL22'), t('LL26')],
  },
  {
    id: 'abertawe',
    name_cy: 'Abertawe',
    name_en: 'Swansea',
    welsh: 0.15,
    towns: [t('SA1'), t('SA2'), t('SA4'), t('SA6')],
  },
  {
    id: 'sir-ddinbych',
    name_cy: 'Sir Ddinbych',
    name_en: 'Denbighshire',
    welsh: 0.3,
    towns: [t('LL16'), t('LL15'), t('LL18')],
  },
  {
    id: 'sir-benfro',
    name_cy: 'Sir Benfro',
    name_en: 'Pembrokeshire',
    welsh: 0.2,
    towns: [t('SA61'), t('SA73'), t('SA65'), t('SA62')],
  },
  {
    id: 'sir-y-fflint',
    name_cy: 'Sir y Fflint',
    name_en: 'Flintshire',
    welsh: 0.15,
    towns: [t('CH7'), t('CH6')],
  },
  {
    id: 'wrecsam',
    name_cy: 'Wrecsam',
    name_en: 'Wrexham',
    welsh: 0.15,
    towns: [t('LL11'), t('LL14')],
  },
  {
    id: 'castell-nedd-port-talbot',
    name_cy: 'Castell-nedd Port Talbot',
    name_en: 'Neath Port Talbot',
    welsh: 0.15,
    towns: [t('SA11'), t('SA13')],
  },
  {
    id: 'pen-y-bont-ar-ogwr',
    name_cy: 'Pen-y-bont ar Ogwr',
    name_en: 'Bridgend',
    welsh: 0.1,
    towns: [t('CF31'), t('CF34'), t('CF36')],
  },
  {
    id: 'bro-morgannwg',
    name_cy: 'Bro Morgannwg',
    name_en: 'Vale of Glamorgan',
    welsh: 0.1,
    towns: [t('CF62'), t('CF64'), t('CF71')],
  },
  {
    id: 'merthyr-tudful',
    name_cy: 'Merthyr Tudful',
    name_en: 'Merthyr Tydfil',
    welsh: 0.1,
    towns: [t('CF47'), t('CF46')],
  },
  {
    id: 'caerffili',
    name_cy: 'Caerffili',
    name_en: 'Caerphilly',
    welsh: 0.1,
    towns: [t('CF83'), t('NP12'), t('CF81')],
  },
  {
    id: 'blaenau-gwent',
    name_cy: 'Blaenau Gwent',
    name_en: 'Blaenau Gwent',
    welsh: 0.08,
    towns: [t('NP23'), t('NP22')],
  },
  {
    id: 'torfaen',
    name_cy: 'Torfaen',
    name_en: 'Torfaen',
    welsh: 0.08,
    towns: [t('NP4'), t('NP44')],
  },
  {
    id: 'sir-fynwy',
    name_cy: 'Sir Fynwy',
    name_en: 'Monmouthshire',
    welsh: 0.08,
    towns: [t('NP25'), t('NP7'), t('NP16')],
  },
  {
    id: 'casnewydd',
    name_cy: 'Casnewydd',
    name_en: 'Newport',
    welsh: 0.08,
    towns: [t('NP20'), t('NP19')],
  },
];

export const welshStreets = [
  'Stryd Fawr',
  'Heol y Frenhines',
  'Ffordd yr Orsaf',
  'Lôn Las',
  'Heol yr Eglwys',
  'Maes y Coed',
  'Bryn Awel',
  'Heol y Parc',
  'Tan y Bryn',
  'Stryd y Bont',
  'Ffordd Penrhos',
  'Cae Glas',
  'Heol Dinas',
  "Rhodfa'r Môr",
  'Pen y Cae',
  'Stryd y Castell',
  'Heol Llanbadarn',
  'Maes Hyfryd',
  'Ffordd y Capel',
  'Lôn y Felin',
] as const;

export const englishStreets = [
  'High Street',
  'Church Road',
  'Station Road',
  'Victoria Terrace',
  'Park Avenue',
  'Mill Lane',
  'Chapel Street',
  'Queen Street',
  'Castle View',
  'Marine Parade',
] as const;

export const houseNames = ['Tŷ Gwyn', 'Bryn Haul', 'Awelfryn', 'Hafod', 'Y Bwthyn', 'Glan yr Afon'];

/** Letters a postcode's inward code may end in (Royal Mail leaves out C, I, K, M, O and V). */
export const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ';
