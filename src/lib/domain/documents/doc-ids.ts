/**
 * Every replicated document says what it is in its id prefix, and a contact, note or event says
 * which request it belongs to in its id as well. So the server can route and judge a document, even a
 * bare deletion `{ _id, _deleted: true }`, without trusting its body. Ids hold random UUIDs and area
 * slugs only, never anything personal (docs/architecture.md, "Access: who may see what").
 */
/** A submission's documents carry the client-made UUID and nothing personal. */
export const requestDocId = (id: string) => `request:${id}`;
export const contactDocId = (id: string) => `contact:${id}`;

export const docClasses = ['request', 'contact', 'note', 'event', 'volunteer', 'area'] as const;
export type DocClass = (typeof docClasses)[number];

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const slug = '[a-z0-9]+(?:-[a-z0-9]+)*';

const idShapes: Record<DocClass, RegExp> = {
  request: new RegExp(`^request:(${uuid})$`, 'i'),
  contact: new RegExp(`^contact:(${uuid})$`, 'i'),
  note: new RegExp(`^note:(${uuid}):${uuid}$`, 'i'),
  event: new RegExp(`^event:(${uuid}):${uuid}$`, 'i'),
  volunteer: new RegExp(`^volunteer:(${uuid})$`, 'i'),
  area: new RegExp(`^area:(${slug})$`),
};

const userIdShape = new RegExp(`^${uuid}$`, 'i');
const areaIdShape = new RegExp(`^${slug}$`);

/** Staff user ids are opaque UUIDs, so a username or a name never ends up in a document id. */
export function isUserId(value: unknown): value is string {
  return typeof value === 'string' && userIdShape.test(value);
}

/** Area ids are short slugs (`ceredigion`, `caerdydd-de`); they name places, not people. */
export function isAreaId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && areaIdShape.test(value);
}

export function docClassOf(id: string): DocClass | null {
  return docClasses.find((c) => idShapes[c].test(id)) ?? null;
}

/** `request:<uuid>` for a request, contact, note or event id; null for anything else. */
export function requestIdOf(id: string): string | null {
  const cls = docClassOf(id);
  if (cls !== 'request' && cls !== 'contact' && cls !== 'note' && cls !== 'event') return null;
  const match = idShapes[cls].exec(id);
  return match?.[1] === undefined ? null : requestDocId(match[1]);
}

/** The user a `volunteer:<userId>` profile belongs to. */
export function profileOwnerOf(id: string): string | null {
  return idShapes.volunteer.exec(id)?.[1] ?? null;
}

const uuidOf = (requestId: string) => requestId.replace(/^request:/, '');

export const requestContactId = (requestId: string) => contactDocId(uuidOf(requestId));
export const noteDocId = (requestId: string, noteUuid: string) =>
  `note:${uuidOf(requestId)}:${noteUuid}`;
export const eventDocId = (requestId: string, eventUuid: string) =>
  `event:${uuidOf(requestId)}:${eventUuid}`;
export const volunteerDocId = (userId: string) => `volunteer:${userId}`;
export const areaDocId = (areaId: string) => `area:${areaId}`;
