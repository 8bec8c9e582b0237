/**
 * Names and free text for synthetic data, in Welsh and English. Phone numbers come from Ofcom's
 * ranges kept for drama (07700 900xxx, 01632 960xxx), so a seeded number never rings anyone.
 */
export const welshFirstNames = [
  'Siân',
  'Gwilym',
  'Rhys',
  'Catrin',
  'Mair',
  'Dafydd',
  'Eleri',
  'Gareth',
  'Bethan',
  'Iwan',
  'Nia',
  'Rhian',
  'Llinos',
  'Owain',
  'Elin',
  'Huw',
  'Ffion',
  'Geraint',
  'Angharad',
  'Emyr',
  'Gwenllian',
  'Hywel',
  'Meinir',
  'Tomos',
  'Cerys',
  'Aled',
  'Non',
  'Gruffydd',
  'Menna',
  'Ieuan',
] as const;

export const englishFirstNames = [
  'Margaret',
  'John',
  'David',
  'Susan',
  'Peter',
  'Jean',
  'Michael',
  'Patricia',
  'Robert',
  'Linda',
  'James',
  'Sarah',
  'Thomas',
  'Emma',
  'Paul',
  'Helen',
  'George',
  'Ann',
  'Karen',
  'Stephen',
] as const;

export const surnames = [
  'Jones',
  'Evans',
  'Pritchard',
  'Williams',
  'Davies',
  'Thomas',
  'Roberts',
  'Hughes',
  'Lewis',
  'Morgan',
  'Griffiths',
  'Owen',
  'Price',
  'Parry',
  'Lloyd',
  'Rees',
  'Powell',
  'Jenkins',
  'Bowen',
  'Vaughan',
  'Pugh',
  'Howells',
  'ap Iorwerth',
  'Smith',
  'Taylor',
  'Brown',
  'Wilson',
  'Walker',
] as const;

type Bilingual = { cy: string; en: string };
const b = (cy: string, en: string): Bilingual => ({ cy, en });

export const relationships = [
  b('merch', 'daughter'),
  b('mab', 'son'),
  b('cymydog', 'neighbour'),
  b('ffrind', 'friend'),
  b('gofalwr', 'carer'),
];

export const dietaryNeeds = [
  b('', ''),
  b('', ''),
  b('Llysieuol', 'Vegetarian'),
  b('Dim glwten, os gwelwch yn dda', 'Gluten free, please'),
  b('Diabetig: dim byd melys', 'Diabetic: nothing sugary'),
  b('Bwyd meddal yn unig', 'Soft food only'),
  b('Llaeth heb lactos', 'Lactose-free milk'),
];

export const pharmacies = [
  b('Fferyllfa Stryd Fawr', 'High Street Pharmacy'),
  b('Fferyllfa Boots', 'Boots pharmacy'),
  b('Fferyllfa Rowlands', 'Rowlands Pharmacy'),
  b('Fferyllfa’r Feddygfa', 'the surgery’s dispensary'),
  b('Fferyllfa Lloyds', 'Lloydspharmacy'),
];

export const otherDescriptions = [
  b(
    'Mae angen help arnaf i gasglu parsel o’r swyddfa bost.',
    'I need help collecting a parcel from the post office.',
  ),
  b(
    'Allai rhywun fynd â’r bagiau ailgylchu i’r ffordd bob dydd Mawrth?',
    'Could someone take the recycling bags out to the road every Tuesday?',
  ),
  b(
    'Mae angen torri’r lawnt cyn iddi fynd yn rhy hir.',
    'The lawn needs cutting before it gets too long.',
  ),
  b(
    'Hoffwn i gael help i lenwi ffurflen ar-lein ar gyfer y cyngor.',
    'I would like help filling in an online form for the council.',
  ),
  b(
    'Mae’r ci angen mynd at y milfeddyg ddydd Iau.',
    'The dog needs taking to the vet on Thursday.',
  ),
  b('Mae fy ffôn wedi torri ac rwy’n unig iawn.', 'My phone has broken and I am very lonely.'),
];

export const supportOther = [
  b('', ''),
  b('', ''),
  b('Galwad ffôn bob bore, os gwelwch yn dda', 'A phone call every morning, please'),
  b('Bwydo’r gath pan fyddaf yn yr ysbyty', 'Feeding the cat while I am in hospital'),
];

export const accessNeeds = [
  b('', ''),
  b('', ''),
  b('', ''),
  b('Rwy’n drwm fy nghlyw: curwch yn uchel', 'I am hard of hearing: knock loudly'),
  b('Gadewch y bwyd wrth y drws cefn', 'Leave the food at the back door'),
  b('Mae’r drws ffrynt yn anodd i mi ei gyrraedd', 'The front door is hard for me to reach'),
  b('Rwy’n defnyddio cadair olwyn', 'I use a wheelchair'),
];

/** Notes a coordinator or volunteer leaves; the first ones are meant for whoever does the task. */
export const notesForAssignee = [
  b(
    'Mae’r cod allwedd ar y drws cefn: gofynnwch iddi ar y ffôn.',
    'The key safe is by the back door: ask her for the code on the phone.',
  ),
  b('Mae’n well ganddi siarad Cymraeg.', 'She would rather speak Welsh.'),
  b(
    'Ffoniwch cyn cyrraedd, mae’r gloch wedi torri.',
    'Ring before you arrive, the doorbell is broken.',
  ),
  b('Mae ci cyfeillgar yn y tŷ.', 'There is a friendly dog in the house.'),
  b('Parciwch yn y maes parcio wrth y capel.', 'Park in the car park by the chapel.'),
];

/** Why a volunteer hands a task back. */
export const declineReason = b(
  'Rwy’n sâl yr wythnos hon, mae’n ddrwg gen i.',
  'I am unwell this week, sorry.',
);

export const notesForCoordinators = [
  b(
    'Wedi siarad â’r teulu; maen nhw’n ddiolchgar iawn.',
    'Spoke to the family; they are very grateful.',
  ),
  b('Angen gwirio eto ymhen wythnos.', 'Needs checking on again in a week.'),
  b('Wedi cyfeirio at y banc bwyd lleol hefyd.', 'Also referred to the local food bank.'),
  b('Dim ateb ar y ffôn ddwywaith heddiw.', 'No answer on the phone twice today.'),
  b('Wedi’i gwblhau; popeth yn iawn.', 'Done; all well.'),
];

export const availabilityNotes = [
  b('', ''),
  b('Ar gael ar ôl ysgol yn unig', 'Only free after the school run'),
  b('Dim ond ar benwythnosau’r mis hwn', 'Weekends only this month'),
  b('Gallaf yrru hyd at 20 milltir', 'I can drive up to 20 miles'),
];
