/**
 * The town a postcode district is known by, in Welsh and in English, so a volunteer weighing up an
 * open task reads "Tregaron · SY25" rather than a bare code (docs/architecture.md, "Places").
 *
 * Why a table here: the request carries only its district and the district's centre
 * (geocoded.ts); the town the resident typed is on the contact, which a volunteer's device does not
 * hold for an open task (access/read-access.ts), and neither source the server places points from
 * (Code-Point Open, postcodes.io's outcodes) names a town in Welsh. A district's town is public,
 * says no more than the district itself, and is the same on every device, so it is a fact of the
 * domain, not of a document. The seed's places (scripts/seed/places.ts) are made from it, so the
 * demo and the app name a district alike.
 *
 * Not every Welsh district is here yet: one that is not shows its code alone, never a guess. Check
 * a name added against the Welsh Language Commissioner's list of standardised Welsh place-names
 * (https://www.welshlanguagecommissioner.wales/, "Place-names").
 */

/** [Cymraeg, English], by postcode district. */
const towns = new Map<string, readonly [string, string]>(
  Object.entries({
    LL55: ['Caernarfon', 'Caernarfon'],
    LL57: ['Bangor', 'Bangor'],
    LL53: ['Pwllheli', 'Pwllheli'],
    LL41: ['Blaenau Ffestiniog', 'Blaenau Ffestiniog'],
    LL40: ['Dolgellau', 'Dolgellau'],
    SY23: ['Aberystwyth', 'Aberystwyth'],
    SA48: ['Llanbedr Pont Steffan', 'Lampeter'],
    SA43: ['Aberteifi', 'Cardigan'],
    SA45: ['Cei Newydd', 'New Quay'],
    CF10: ['Caerdydd', 'Cardiff'],
    CF11: ['Treganna', 'Canton'],
    CF14: ['Yr Eglwys Newydd', 'Whitchurch'],
    CF24: ['Y Rhath', 'Roath'],
    CF5: ['Trelái', 'Ely'],
    LL77: ['Llangefni', 'Llangefni'],
    LL65: ['Caergybi', 'Holyhead'],
    LL58: ['Biwmares', 'Beaumaris'],
    LL68: ['Amlwch', 'Amlwch'],
    SA31: ['Caerfyrddin', 'Carmarthen'],
    SA15: ['Llanelli', 'Llanelli'],
    SA19: ['Llandeilo', 'Llandeilo'],
    SA18: ['Rhydaman', 'Ammanford'],
    CF37: ['Pontypridd', 'Pontypridd'],
    CF44: ['Aberdâr', 'Aberdare'],
    CF40: ['Tonypandy', 'Tonypandy'],
    CF42: ['Treorci', 'Treorchy'],
    LD1: ['Llandrindod', 'Llandrindod Wells'],
    LD3: ['Aberhonddu', 'Brecon'],
    SY16: ['Y Drenewydd', 'Newtown'],
    SY21: ['Y Trallwng', 'Welshpool'],
    SY20: ['Machynlleth', 'Machynlleth'],
    LL32: ['Conwy', 'Conwy'],
    LL30: ['Llandudno', 'Llandudno'],
    LL22: ['Abergele', 'Abergele'],
    LL26: ['Llanrwst', 'Llanrwst'],
    SA1: ['Abertawe', 'Swansea'],
    SA2: ['Sgeti', 'Sketty'],
    SA4: ['Gorseinon', 'Gorseinon'],
    SA6: ['Treforys', 'Morriston'],
    LL16: ['Dinbych', 'Denbigh'],
    LL15: ['Rhuthun', 'Ruthin'],
    LL18: ['Y Rhyl', 'Rhyl'],
    SA61: ['Hwlffordd', 'Haverfordwest'],
    SA73: ['Aberdaugleddau', 'Milford Haven'],
    SA65: ['Abergwaun', 'Fishguard'],
    SA62: ['Tyddewi', 'St Davids'],
    CH7: ['Yr Wyddgrug', 'Mold'],
    CH6: ['Y Fflint', 'Flint'],
    LL11: ['Wrecsam', 'Wrexham'],
    LL14: ['Rhiwabon', 'Ruabon'],
    SA11: ['Castell-nedd', 'Neath'],
    SA13: ['Port Talbot', 'Port Talbot'],
    CF31: ['Pen-y-bont ar Ogwr', 'Bridgend'],
    CF34: ['Maesteg', 'Maesteg'],
    CF36: ['Porthcawl', 'Porthcawl'],
    CF62: ['Y Barri', 'Barry'],
    CF64: ['Penarth', 'Penarth'],
    CF71: ['Y Bont-faen', 'Cowbridge'],
    CF47: ['Merthyr Tudful', 'Merthyr Tydfil'],
    CF46: ['Treharris', 'Treharris'],
    CF83: ['Caerffili', 'Caerphilly'],
    NP12: ['Coed-duon', 'Blackwood'],
    CF81: ['Bargod', 'Bargoed'],
    NP23: ['Glynebwy', 'Ebbw Vale'],
    NP22: ['Tredegar', 'Tredegar'],
    NP4: ['Pont-y-pŵl', 'Pontypool'],
    NP44: ['Cwmbrân', 'Cwmbran'],
    NP25: ['Trefynwy', 'Monmouth'],
    NP7: ['Y Fenni', 'Abergavenny'],
    NP16: ['Cas-gwent', 'Chepstow'],
    NP20: ['Casnewydd', 'Newport'],
    NP19: ['Maendy', 'Maindee'],
  }),
);

export type DistrictTown = { cy: string; en: string };

/** The town `district` (`SY23`) is known by, or null when the table does not have it. */
export function townOfDistrict(district: string): DistrictTown | null {
  const names = towns.get(district);
  return names ? { cy: names[0], en: names[1] } : null;
}
