/**
 * Where the demo's towns are: the centre of each town the seed's places name (../places.ts), by its
 * postcode district, as WGS84 latitude and longitude written by hand from public maps (the town's
 * square, high street or castle, to a few hundred metres). The seed gives its requests points near these,
 * so the demo has points without a postcode table imported (docs/architecture.md, "Places"). No
 * Ordnance Survey data is copied here.
 */
import type { Point } from '#domain/places/point.ts';

const centres: Record<string, readonly [number, number]> = {
  LL55: [53.1397, -4.275], // Caernarfon
  LL57: [53.2274, -4.1293], // Bangor
  LL53: [52.888, -4.417], // Pwllheli
  LL41: [52.9944, -3.9381], // Blaenau Ffestiniog
  LL40: [52.7426, -3.8853], // Dolgellau
  SY23: [52.4153, -4.0829], // Aberystwyth
  SA48: [52.1122, -4.0808], // Lampeter
  SA43: [52.0833, -4.6617], // Cardigan
  SA45: [52.2137, -4.3592], // New Quay
  CF10: [51.4816, -3.1791], // Cardiff
  CF11: [51.483, -3.205], // Canton
  CF14: [51.516, -3.221], // Whitchurch
  CF24: [51.493, -3.16], // Roath
  CF5: [51.48, -3.25], // Ely
  LL77: [53.2558, -4.311], // Llangefni
  LL65: [53.309, -4.632], // Holyhead
  LL58: [53.2636, -4.0915], // Beaumaris
  LL68: [53.4102, -4.3404], // Amlwch
  SA31: [51.8576, -4.3121], // Carmarthen
  SA15: [51.6809, -4.1622], // Llanelli
  SA19: [51.885, -3.993], // Llandeilo
  SA18: [51.7936, -3.9886], // Ammanford
  CF37: [51.601, -3.342], // Pontypridd
  CF44: [51.7135, -3.445], // Aberdare
  CF40: [51.6223, -3.452], // Tonypandy
  CF42: [51.658, -3.505], // Treorchy
  LD1: [52.242, -3.379], // Llandrindod Wells
  LD3: [51.947, -3.391], // Brecon
  SY16: [52.513, -3.313], // Newtown
  SY21: [52.66, -3.147], // Welshpool
  SY20: [52.591, -3.852], // Machynlleth
  LL32: [53.28, -3.829], // Conwy
  LL30: [53.325, -3.827], // Llandudno
  LL22: [53.284, -3.581], // Abergele
  LL26: [53.138, -3.794], // Llanrwst
  SA1: [51.62, -3.943], // Swansea
  SA2: [51.617, -3.988], // Sketty
  SA4: [51.67, -4.041], // Gorseinon
  SA6: [51.668, -3.925], // Morriston
  LL16: [53.184, -3.418], // Denbigh
  LL15: [53.114, -3.311], // Ruthin
  LL18: [53.319, -3.491], // Rhyl
  SA61: [51.801, -4.969], // Haverfordwest
  SA73: [51.714, -5.042], // Milford Haven
  SA65: [51.994, -4.976], // Fishguard
  SA62: [51.882, -5.269], // St Davids
  CH7: [53.167, -3.142], // Mold
  CH6: [53.244, -3.133], // Flint
  LL11: [53.046, -2.993], // Wrexham
  LL14: [52.987, -3.04], // Ruabon
  SA11: [51.663, -3.806], // Neath
  SA13: [51.592, -3.78], // Port Talbot
  CF31: [51.504, -3.577], // Bridgend
  CF34: [51.61, -3.658], // Maesteg
  CF36: [51.479, -3.704], // Porthcawl
  CF62: [51.4, -3.27], // Barry
  CF64: [51.438, -3.175], // Penarth
  CF71: [51.461, -3.447], // Cowbridge
  CF47: [51.746, -3.378], // Merthyr Tydfil
  CF46: [51.671, -3.305], // Treharris
  CF83: [51.575, -3.218], // Caerphilly
  NP12: [51.668, -3.195], // Blackwood
  CF81: [51.692, -3.234], // Bargoed
  NP23: [51.777, -3.209], // Ebbw Vale
  NP22: [51.772, -3.248], // Tredegar
  NP4: [51.701, -3.044], // Pontypool
  NP44: [51.653, -3.021], // Cwmbran
  NP25: [51.812, -2.716], // Monmouth
  NP7: [51.824, -3.017], // Abergavenny
  NP16: [51.642, -2.675], // Chepstow
  NP20: [51.588, -2.998], // Newport
  NP19: [51.59, -2.98], // Maindee
};

/** The centre of the town whose postcode district this is; null for a district not in the table. */
export function townCentre(district: string): Point | null {
  const centre = centres[district];
  return centre === undefined ? null : { lat: centre[0], lon: centre[1] };
}

/** Every district the table knows (for the tests that check it covers the seed's towns). */
export const townCentreDistricts: readonly string[] = Object.keys(centres);
