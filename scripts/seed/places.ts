/**
 * Real Welsh places for synthetic data: the 22 principal areas (counties and county boroughs) with
 * their Welsh and English names, towns in each with real postcode districts, and roughly how much of
 * each area's help is asked for in Welsh (higher in the north and west, after the 2021 census's
 * Welsh-speaker map). The order puts a northern, a western and a southern area first, so even a
 * three-area demo shows the spread.
 */
export type Town = { cy: string; en: string; district: string };
export type Place = {
  id: string;
  name_cy: string;
  name_en: string;
  /** Share of requests made in Welsh. */
  welsh: number;
  towns: Town[];
};

const t = (cy: string, en: string, district: string): Town => ({ cy, en, district });

export const places: readonly Place[] = [
  {
    id: 'gwynedd',
    name_cy: 'Gwynedd',
    name_en: 'Gwynedd',
    welsh: 0.75,
    towns: [
      t('Caernarfon', 'Caernarfon', 'LL55'),
      t('Bangor', 'Bangor', 'LL57'),
      t('Pwllheli', 'Pwllheli', 'LL53'),
      t('Blaenau Ffestiniog', 'Blaenau Ffestiniog', 'LL41'),
      t('Dolgellau', 'Dolgellau', 'LL40'),
    ],
  },
  {
    id: 'ceredigion',
    name_cy: 'Ceredigion',
    name_en: 'Ceredigion',
    welsh: 0.55,
    towns: [
      t('Aberystwyth', 'Aberystwyth', 'SY23'),
      t('Llanbedr Pont Steffan', 'Lampeter', 'SA48'),
      t('Aberteifi', 'Cardigan', 'SA43'),
      t('Cei Newydd', 'New Quay', 'SA45'),
    ],
  },
  {
    id: 'caerdydd',
    name_cy: 'Caerdydd',
    name_en: 'Cardiff',
    welsh: 0.12,
    towns: [
      t('Caerdydd', 'Cardiff', 'CF10'),
      t('Treganna', 'Canton', 'CF11'),
      t('Yr Eglwys Newydd', 'Whitchurch', 'CF14'),
      t('Y Rhath', 'Roath', 'CF24'),
      t('Trelái', 'Ely', 'CF5'),
    ],
  },
  {
    id: 'ynys-mon',
    name_cy: 'Ynys Môn',
    name_en: 'Isle of Anglesey',
    welsh: 0.6,
    towns: [
      t('Llangefni', 'Llangefni', 'LL77'),
      t('Caergybi', 'Holyhead', 'LL65'),
      t('Biwmares', 'Beaumaris', 'LL58'),
      t('Amlwch', 'Amlwch', 'LL68'),
    ],
  },
  {
    id: 'sir-gaerfyrddin',
    name_cy: 'Sir Gaerfyrddin',
    name_en: 'Carmarthenshire',
    welsh: 0.5,
    towns: [
      t('Caerfyrddin', 'Carmarthen', 'SA31'),
      t('Llanelli', 'Llanelli', 'SA15'),
      t('Llandeilo', 'Llandeilo', 'SA19'),
      t('Rhydaman', 'Ammanford', 'SA18'),
    ],
  },
  {
    id: 'rhondda-cynon-taf',
    name_cy: 'Rhondda Cynon Taf',
    name_en: 'Rhondda Cynon Taf',
    welsh: 0.12,
    towns: [
      t('Pontypridd', 'Pontypridd', 'CF37'),
      t('Aberdâr', 'Aberdare', 'CF44'),
      t('Tonypandy', 'Tonypandy', 'CF40'),
      t('Treorci', 'Treorchy', 'CF42'),
    ],
  },
  {
    id: 'powys',
    name_cy: 'Powys',
    name_en: 'Powys',
    welsh: 0.25,
    towns: [
      t('Llandrindod', 'Llandrindod Wells', 'LD1'),
      t('Aberhonddu', 'Brecon', 'LD3'),
      t('Y Drenewydd', 'Newtown', 'SY16'),
      t('Y Trallwng', 'Welshpool', 'SY21'),
      t('Machynlleth', 'Machynlleth', 'SY20'),
    ],
  },
  {
    id: 'conwy',
    name_cy: 'Conwy',
    name_en: 'Conwy',
    welsh: 0.35,
    towns: [
      t('Conwy', 'Conwy', 'LL32'),
      t('Llandudno', 'Llandudno', 'LL30'),
      t('Abergele', 'Abergele', 'LL22'),
      t('Llanrwst', 'Llanrwst', 'LL26'),
    ],
  },
  {
    id: 'abertawe',
    name_cy: 'Abertawe',
    name_en: 'Swansea',
    welsh: 0.15,
    towns: [
      t('Abertawe', 'Swansea', 'SA1'),
      t('Sgeti', 'Sketty', 'SA2'),
      t('Gorseinon', 'Gorseinon', 'SA4'),
      t('Treforys', 'Morriston', 'SA6'),
    ],
  },
  {
    id: 'sir-ddinbych',
    name_cy: 'Sir Ddinbych',
    name_en: 'Denbighshire',
    welsh: 0.3,
    towns: [
      t('Dinbych', 'Denbigh', 'LL16'),
      t('Rhuthun', 'Ruthin', 'LL15'),
      t('Y Rhyl', 'Rhyl', 'LL18'),
    ],
  },
  {
    id: 'sir-benfro',
    name_cy: 'Sir Benfro',
    name_en: 'Pembrokeshire',
    welsh: 0.2,
    towns: [
      t('Hwlffordd', 'Haverfordwest', 'SA61'),
      t('Aberdaugleddau', 'Milford Haven', 'SA73'),
      t('Abergwaun', 'Fishguard', 'SA65'),
      t('Tyddewi', 'St Davids', 'SA62'),
    ],
  },
  {
    id: 'sir-y-fflint',
    name_cy: 'Sir y Fflint',
    name_en: 'Flintshire',
    welsh: 0.15,
    towns: [t('Yr Wyddgrug', 'Mold', 'CH7'), t('Y Fflint', 'Flint', 'CH6')],
  },
  {
    id: 'wrecsam',
    name_cy: 'Wrecsam',
    name_en: 'Wrexham',
    welsh: 0.15,
    towns: [t('Wrecsam', 'Wrexham', 'LL11'), t('Rhiwabon', 'Ruabon', 'LL14')],
  },
  {
    id: 'castell-nedd-port-talbot',
    name_cy: 'Castell-nedd Port Talbot',
    name_en: 'Neath Port Talbot',
    welsh: 0.15,
    towns: [t('Castell-nedd', 'Neath', 'SA11'), t('Port Talbot', 'Port Talbot', 'SA13')],
  },
  {
    id: 'pen-y-bont-ar-ogwr',
    name_cy: 'Pen-y-bont ar Ogwr',
    name_en: 'Bridgend',
    welsh: 0.1,
    towns: [
      t('Pen-y-bont ar Ogwr', 'Bridgend', 'CF31'),
      t('Maesteg', 'Maesteg', 'CF34'),
      t('Porthcawl', 'Porthcawl', 'CF36'),
    ],
  },
  {
    id: 'bro-morgannwg',
    name_cy: 'Bro Morgannwg',
    name_en: 'Vale of Glamorgan',
    welsh: 0.1,
    towns: [
      t('Y Barri', 'Barry', 'CF62'),
      t('Penarth', 'Penarth', 'CF64'),
      t('Y Bont-faen', 'Cowbridge', 'CF71'),
    ],
  },
  {
    id: 'merthyr-tudful',
    name_cy: 'Merthyr Tudful',
    name_en: 'Merthyr Tydfil',
    welsh: 0.1,
    towns: [t('Merthyr Tudful', 'Merthyr Tydfil', 'CF47'), t('Treharris', 'Treharris', 'CF46')],
  },
  {
    id: 'caerffili',
    name_cy: 'Caerffili',
    name_en: 'Caerphilly',
    welsh: 0.1,
    towns: [
      t('Caerffili', 'Caerphilly', 'CF83'),
      t('Coed-duon', 'Blackwood', 'NP12'),
      t('Bargod', 'Bargoed', 'CF81'),
    ],
  },
  {
    id: 'blaenau-gwent',
    name_cy: 'Blaenau Gwent',
    name_en: 'Blaenau Gwent',
    welsh: 0.08,
    towns: [t('Glynebwy', 'Ebbw Vale', 'NP23'), t('Tredegar', 'Tredegar', 'NP22')],
  },
  {
    id: 'torfaen',
    name_cy: 'Torfaen',
    name_en: 'Torfaen',
    welsh: 0.08,
    towns: [t('Pont-y-pŵl', 'Pontypool', 'NP4'), t('Cwmbrân', 'Cwmbran', 'NP44')],
  },
  {
    id: 'sir-fynwy',
    name_cy: 'Sir Fynwy',
    name_en: 'Monmouthshire',
    welsh: 0.08,
    towns: [
      t('Trefynwy', 'Monmouth', 'NP25'),
      t('Y Fenni', 'Abergavenny', 'NP7'),
      t('Cas-gwent', 'Chepstow', 'NP16'),
    ],
  },
  {
    id: 'casnewydd',
    name_cy: 'Casnewydd',
    name_en: 'Newport',
    welsh: 0.08,
    towns: [t('Casnewydd', 'Newport', 'NP20'), t('Maindy', 'Maindee', 'NP19')],
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
