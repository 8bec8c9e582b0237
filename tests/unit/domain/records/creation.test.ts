import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { eventDocSchema } from '#domain/records/append-only-docs.ts';
import { applyAction } from '#domain/actions/request-actions.ts';
import { channelOf, createdEvent, createdEventId, creationOf } from '#domain/records/creation.ts';
import { routedRequest } from '#domain/requests/request.ts';
import { residentAuthor } from '#domain/documents/stamps.ts';
import { parseSubmission } from '#domain/questions/request-schema.ts';
import { toDocuments } from '#domain/requests/submission.ts';
import { at, coordinatorId, request, testUuid } from '../../../support/factories.ts';
import { rawSubmission } from '../../../support/submissions.ts';

/** A request a coordinator took on the phone, as intake stores it. */
function phoneTaken() {
  const parsed = parseSubmission(rawSubmission('food', { id: testUuid() }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
  const { request } = toDocuments(parsed.value, '123456789', at(0));
  return routedRequest(request, 'ceredigion', coordinatorId);
}

describe('createdEvent', () => {
  it('starts the history with the request, by its first writer, under an id of its own', () => {
    const web = request();
    const event = createdEvent(web);
    expect(v.safeParse(eventDocSchema, event).success).toBe(true);
    expect(event).toMatchObject({
      _id: createdEventId(web._id),
      request_id: web._id,
      author: residentAuthor,
      field: 'created',
      from: null,
      to: 'new',
      at: web.created_at,
    });
    // A retried submission makes the same event, so storing it again adds nothing.
    expect(createdEvent(web)).toEqual(event);
    expect(createdEvent(phoneTaken()).author).toBe(coordinatorId);
  });
});

describe('channelOf', () => {
  it('reads the created event when the device holds it', () => {
    const doc = request();
    expect(channelOf(doc, [{ field: 'created', author: residentAuthor }])).toEqual({
      channel: 'web',
    });
    expect(channelOf(doc, [{ field: 'created', author: coordinatorId }])).toEqual({
      channel: 'phone',
      takenBy: coordinatorId,
    });
  });

  it('tells from the request alone: the form’s consent, or stamps left at creation by staff', () => {
    expect(channelOf(request())).toEqual({ channel: 'web' });
    const phone = phoneTaken();
    expect(channelOf(phone)).toEqual({ channel: 'phone', takenBy: coordinatorId });
    // Still a phone request after a coordinator triages it.
    const triaged = applyAction(phone, { kind: 'status', to: 'triaged' }, coordinatorId, at(5));
    expect(channelOf(triaged)).toEqual({ channel: 'phone', takenBy: coordinatorId });
  });

  it('a web request whose consent staff later recorded is still a web request', () => {
    const saidNo = request({ status: 'triaged', consented: false });
    const recorded = applyAction(
      saidNo,
      { kind: 'consent', given: true, how: 'phone' },
      coordinatorId,
      at(5),
    );
    expect(recorded.consent.how).toBe('phone');
    expect(channelOf(recorded)).toEqual({ channel: 'web' });
  });
});

describe('creationOf', () => {
  it('starts every history, with or without the created event on the device', () => {
    const web = request();
    expect(creationOf(web)).toEqual({ at: web.created_at, channel: 'web', author: residentAuthor });
    const phone = phoneTaken();
    const event = createdEvent(phone);
    expect(creationOf(phone, [event])).toEqual({
      at: event.at,
      channel: 'phone',
      author: coordinatorId,
    });
    expect(creationOf(phone, [])).toEqual(creationOf(phone, [event]));
  });

  it('says nobody when the request no longer tells who took it', () => {
    const phone = phoneTaken();
    const rewritten = {
      ...phone,
      fields_meta: { ...phone.fields_meta, details: { at: at(9), by: coordinatorId } },
    };
    expect(creationOf(rewritten)).toEqual({ at: phone.created_at, channel: null, author: null });
  });
});
