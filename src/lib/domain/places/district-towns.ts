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
 * Every district in the Code-Point Open extract for Wales (../shared/data/geo/districts-wales.csv,
 * 2025.4.0: 212 districts) is here; a district that is not (one created since, or one outside
 * Wales) shows its code alone, never a guess. What a district is named after:
 * - its Royal Mail post town, where the post town is the district's own (SA48 Lampeter);
 * - where one post town spans several districts, the place the district is known by when one place
 *   plainly is (CF14 Whitchurch, NP18 Caerleon, SA3 Mumbles), and the post town itself when the
 *   district is a spread of places no one of which stands for it (CF32 and CF31 both Bridgend,
 *   SA5 Swansea); the non-geographic districts (CF91, SA99, ...) are their post town's;
 * - on the border, where the extract holds only a district's Welsh part, the post town that part
 *   is addressed to (SY10 Oswestry, CH4 Chester), except HR3: its Welsh part is Hay-on-Wye, nearly
 *   30 km from its post town, Hereford.
 * The English name is the post town's or place's own spelling; the Welsh one is the Welsh Language
 * Commissioner's standardised form (https://www.welshlanguagecommissioner.wales/, "Place-names"),
 * the same as the English where the place has no other; a town in England keeps its English name
 * in Welsh unless it has an established Welsh one (Caer, Amwythig, Croesoswallt).
 */

/** [Cymraeg, English], by postcode district. */
const towns = new Map<string, readonly [string, string]>(
  Object.entries({
    // CF: Cardiff, the Vale of Glamorgan and the valleys north of them.
    CF3: ['Caerdydd', 'Cardiff'],
    CF5: ['Trelái', 'Ely'],
    CF10: ['Caerdydd', 'Cardiff'],
    CF11: ['Treganna', 'Canton'],
    CF14: ['Yr Eglwys Newydd', 'Whitchurch'],
    CF15: ['Caerdydd', 'Cardiff'],
    CF23: ['Caerdydd', 'Cardiff'],
    CF24: ['Y Rhath', 'Roath'],
    CF30: ['Caerdydd', 'Cardiff'],
    CF31: ['Pen-y-bont ar Ogwr', 'Bridgend'],
    CF32: ['Pen-y-bont ar Ogwr', 'Bridgend'],
    CF33: ['Y Pîl', 'Pyle'],
    CF34: ['Maesteg', 'Maesteg'],
    CF35: ['Pen-coed', 'Pencoed'],
    CF36: ['Porthcawl', 'Porthcawl'],
    CF37: ['Pontypridd', 'Pontypridd'],
    CF38: ['Pontypridd', 'Pontypridd'],
    CF39: ['Y Porth', 'Porth'],
    CF40: ['Tonypandy', 'Tonypandy'],
    CF41: ['Pentre', 'Pentre'],
    CF42: ['Treorci', 'Treorchy'],
    CF43: ['Glynrhedynog', 'Ferndale'],
    CF44: ['Aberdâr', 'Aberdare'],
    CF45: ['Aberpennar', 'Mountain Ash'],
    CF46: ['Treharris', 'Treharris'],
    CF47: ['Merthyr Tudful', 'Merthyr Tydfil'],
    CF48: ['Merthyr Tudful', 'Merthyr Tydfil'],
    CF61: ['Llanilltud Fawr', 'Llantwit Major'],
    CF62: ['Y Barri', 'Barry'],
    CF63: ['Y Barri', 'Barry'],
    CF64: ['Penarth', 'Penarth'],
    CF71: ['Y Bont-faen', 'Cowbridge'],
    CF72: ['Pont-y-clun', 'Pontyclun'],
    CF81: ['Bargod', 'Bargoed'],
    CF82: ['Hengoed', 'Hengoed'],
    CF83: ['Caerffili', 'Caerphilly'],
    CF91: ['Caerdydd', 'Cardiff'],
    CF95: ['Caerdydd', 'Cardiff'],
    CF99: ['Caerdydd', 'Cardiff'],

    // CH: Flintshire, and the Welsh edge of Chester's districts.
    CH1: ['Caer', 'Chester'],
    CH4: ['Caer', 'Chester'],
    CH5: ['Glannau Dyfrdwy', 'Deeside'],
    CH6: ['Y Fflint', 'Flint'],
    CH7: ['Yr Wyddgrug', 'Mold'],
    CH8: ['Treffynnon', 'Holywell'],

    // GL and HR: the Welsh edge of Gloucestershire's and Herefordshire's districts.
    GL16: ['Coleford', 'Coleford'],
    HR3: ['Y Gelli Gandryll', 'Hay-on-Wye'],
    HR5: ['Kington', 'Kington'],

    // LD: Radnorshire and Brecknockshire.
    LD1: ['Llandrindod', 'Llandrindod Wells'],
    LD2: ['Llanfair-ym-Muallt', 'Builth Wells'],
    LD3: ['Aberhonddu', 'Brecon'],
    LD4: ['Llangamarch', 'Llangammarch Wells'],
    LD5: ['Llanwrtyd', 'Llanwrtyd Wells'],
    LD6: ['Rhaeadr Gwy', 'Rhayader'],
    LD7: ['Tref-y-clawdd', 'Knighton'],
    LD8: ['Llanandras', 'Presteigne'],

    // LL: north Wales.
    LL11: ['Wrecsam', 'Wrexham'],
    LL12: ['Wrecsam', 'Wrexham'],
    LL13: ['Wrecsam', 'Wrexham'],
    LL14: ['Rhiwabon', 'Ruabon'],
    LL15: ['Rhuthun', 'Ruthin'],
    LL16: ['Dinbych', 'Denbigh'],
    LL17: ['Llanelwy', 'St Asaph'],
    LL18: ['Y Rhyl', 'Rhyl'],
    LL19: ['Prestatyn', 'Prestatyn'],
    LL20: ['Llangollen', 'Llangollen'],
    LL21: ['Corwen', 'Corwen'],
    LL22: ['Abergele', 'Abergele'],
    LL23: ['Y Bala', 'Bala'],
    LL24: ['Betws-y-coed', 'Betws-y-Coed'],
    LL25: ['Dolwyddelan', 'Dolwyddelan'],
    LL26: ['Llanrwst', 'Llanrwst'],
    LL27: ['Trefriw', 'Trefriw'],
    LL28: ['Bae Colwyn', 'Colwyn Bay'],
    LL29: ['Bae Colwyn', 'Colwyn Bay'],
    LL30: ['Llandudno', 'Llandudno'],
    LL31: ['Cyffordd Llandudno', 'Llandudno Junction'],
    LL32: ['Conwy', 'Conwy'],
    LL33: ['Llanfairfechan', 'Llanfairfechan'],
    LL34: ['Penmaenmawr', 'Penmaenmawr'],
    LL35: ['Aberdyfi', 'Aberdyfi'],
    LL36: ['Tywyn', 'Tywyn'],
    LL37: ['Llwyngwril', 'Llwyngwril'],
    LL38: ['Fairbourne', 'Fairbourne'],
    LL39: ['Arthog', 'Arthog'],
    LL40: ['Dolgellau', 'Dolgellau'],
    LL41: ['Blaenau Ffestiniog', 'Blaenau Ffestiniog'],
    LL42: ['Abermaw', 'Barmouth'],
    LL43: ['Tal-y-bont', 'Talybont'],
    LL44: ['Dyffryn Ardudwy', 'Dyffryn Ardudwy'],
    LL45: ['Llanbedr', 'Llanbedr'],
    LL46: ['Harlech', 'Harlech'],
    LL47: ['Talsarnau', 'Talsarnau'],
    LL48: ['Penrhyndeudraeth', 'Penrhyndeudraeth'],
    LL49: ['Porthmadog', 'Porthmadog'],
    LL51: ['Garndolbenmaen', 'Garndolbenmaen'],
    LL52: ['Cricieth', 'Criccieth'],
    LL53: ['Pwllheli', 'Pwllheli'],
    LL54: ['Pen-y-groes', 'Penygroes'],
    LL55: ['Caernarfon', 'Caernarfon'],
    LL56: ['Y Felinheli', 'Y Felinheli'],
    LL57: ['Bangor', 'Bangor'],
    LL58: ['Biwmares', 'Beaumaris'],
    LL59: ['Porthaethwy', 'Menai Bridge'],
    LL60: ['Gaerwen', 'Gaerwen'],
    LL61: ['Llanfair Pwllgwyngyll', 'Llanfairpwllgwyngyll'],
    LL62: ['Bodorgan', 'Bodorgan'],
    LL63: ['Tŷ Croes', 'Ty Croes'],
    LL64: ['Rhosneigr', 'Rhosneigr'],
    LL65: ['Caergybi', 'Holyhead'],
    LL66: ['Rhosgoch', 'Rhosgoch'],
    LL67: ['Cemaes', 'Cemaes Bay'],
    LL68: ['Amlwch', 'Amlwch'],
    LL69: ['Pen-y-sarn', 'Penysarn'],
    LL70: ['Dulas', 'Dulas'],
    LL71: ['Llannerch-y-medd', 'Llanerchymedd'],
    LL72: ['Moelfre', 'Moelfre'],
    LL73: ['Marianglas', 'Marianglas'],
    LL74: ['Benllech', 'Benllech'],
    LL75: ['Pentraeth', 'Pentraeth'],
    LL76: ['Llanbedrgoch', 'Llanbedrgoch'],
    LL77: ['Llangefni', 'Llangefni'],
    LL78: ['Brynteg', 'Brynteg'],

    // NP: Gwent, and Crickhowell.
    NP4: ['Pont-y-pŵl', 'Pontypool'],
    NP7: ['Y Fenni', 'Abergavenny'],
    NP8: ['Crucywel', 'Crickhowell'],
    NP10: ['Casnewydd', 'Newport'],
    NP11: ['Rhisga', 'Risca'],
    NP12: ['Coed-duon', 'Blackwood'],
    NP13: ['Abertyleri', 'Abertillery'],
    NP15: ['Brynbuga', 'Usk'],
    NP16: ['Cas-gwent', 'Chepstow'],
    NP18: ['Caerllion', 'Caerleon'],
    NP19: ['Maendy', 'Maindee'],
    NP20: ['Casnewydd', 'Newport'],
    NP22: ['Tredegar', 'Tredegar'],
    NP23: ['Glynebwy', 'Ebbw Vale'],
    NP24: ['Tredegar Newydd', 'New Tredegar'],
    NP25: ['Trefynwy', 'Monmouth'],
    NP26: ['Cil-y-coed', 'Caldicot'],
    NP44: ['Cwmbrân', 'Cwmbran'],
    NP90: ['Casnewydd', 'Newport'],

    // SA: Swansea, Neath Port Talbot, Carmarthenshire, Pembrokeshire and south Ceredigion.
    SA1: ['Abertawe', 'Swansea'],
    SA2: ['Sgeti', 'Sketty'],
    SA3: ['Y Mwmbwls', 'Mumbles'],
    SA4: ['Gorseinon', 'Gorseinon'],
    SA5: ['Abertawe', 'Swansea'],
    SA6: ['Treforys', 'Morriston'],
    SA7: ['Llansamlet', 'Llansamlet'],
    SA8: ['Pontardawe', 'Pontardawe'],
    SA9: ['Ystradgynlais', 'Ystradgynlais'],
    SA10: ['Castell-nedd', 'Neath'],
    SA11: ['Castell-nedd', 'Neath'],
    SA12: ['Aberafan', 'Aberavon'],
    SA13: ['Port Talbot', 'Port Talbot'],
    SA14: ['Llanelli', 'Llanelli'],
    SA15: ['Llanelli', 'Llanelli'],
    SA16: ['Porth Tywyn', 'Burry Port'],
    SA17: ['Cydweli', 'Kidwelly'],
    SA18: ['Rhydaman', 'Ammanford'],
    SA19: ['Llandeilo', 'Llandeilo'],
    SA20: ['Llanymddyfri', 'Llandovery'],
    SA31: ['Caerfyrddin', 'Carmarthen'],
    SA32: ['Caerfyrddin', 'Carmarthen'],
    SA33: ['Caerfyrddin', 'Carmarthen'],
    SA34: ['Hendy-gwyn', 'Whitland'],
    SA35: ['Llanfyrnach', 'Llanfyrnach'],
    SA36: ['Y Glog', 'Glogue'],
    SA37: ['Boncath', 'Boncath'],
    SA38: ['Castellnewydd Emlyn', 'Newcastle Emlyn'],
    SA39: ['Pencader', 'Pencader'],
    SA40: ['Llanybydder', 'Llanybydder'],
    SA41: ['Crymych', 'Crymych'],
    SA42: ['Trefdraeth', 'Newport'],
    SA43: ['Aberteifi', 'Cardigan'],
    SA44: ['Llandysul', 'Llandysul'],
    SA45: ['Cei Newydd', 'New Quay'],
    SA46: ['Aberaeron', 'Aberaeron'],
    SA47: ['Llanarth', 'Llanarth'],
    SA48: ['Llanbedr Pont Steffan', 'Lampeter'],
    SA61: ['Hwlffordd', 'Haverfordwest'],
    SA62: ['Tyddewi', 'St Davids'],
    SA63: ['Clarbeston Road', 'Clarbeston Road'],
    SA64: ['Wdig', 'Goodwick'],
    SA65: ['Abergwaun', 'Fishguard'],
    SA66: ['Clunderwen', 'Clynderwen'],
    SA67: ['Arberth', 'Narberth'],
    SA68: ['Cilgeti', 'Kilgetty'],
    SA69: ['Llanusyllt', 'Saundersfoot'],
    SA70: ['Dinbych-y-pysgod', 'Tenby'],
    SA71: ['Penfro', 'Pembroke'],
    SA72: ['Doc Penfro', 'Pembroke Dock'],
    SA73: ['Aberdaugleddau', 'Milford Haven'],
    SA80: ['Abertawe', 'Swansea'],
    SA99: ['Abertawe', 'Swansea'],

    // SY: Montgomeryshire, north Ceredigion, and the Welsh edge of Shropshire's and Cheshire's districts.
    SY5: ['Amwythig', 'Shrewsbury'],
    SY7: ['Craven Arms', 'Craven Arms'],
    SY9: ["Bishop's Castle", "Bishop's Castle"],
    SY10: ['Croesoswallt', 'Oswestry'],
    SY13: ['Whitchurch', 'Whitchurch'],
    SY14: ['Malpas', 'Malpas'],
    SY15: ['Trefaldwyn', 'Montgomery'],
    SY16: ['Y Drenewydd', 'Newtown'],
    SY17: ['Caersŵs', 'Caersws'],
    SY18: ['Llanidloes', 'Llanidloes'],
    SY19: ['Llanbryn-mair', 'Llanbrynmair'],
    SY20: ['Machynlleth', 'Machynlleth'],
    SY21: ['Y Trallwng', 'Welshpool'],
    SY22: ['Llanfyllin', 'Llanfyllin'],
    SY23: ['Aberystwyth', 'Aberystwyth'],
    SY24: ['Y Borth', 'Borth'],
    SY25: ['Tregaron', 'Tregaron'],
  }),
);

export type DistrictTown = { cy: string; en: string };

/** Every district the table names a town for, in the table's order. */
export const districtsWithTowns: readonly string[] = [...towns.keys()];

/** The town `district` (`SY23`) is known by, or null when the table does not have it. */
export function townOfDistrict(district: string): DistrictTown | null {
  const names = towns.get(district);
  return names ? { cy: names[0], en: names[1] } : null;
}
