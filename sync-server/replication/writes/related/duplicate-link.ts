/**
 * A write that closes a request as a duplicate names another request; whether it may is judged
 * against both as they are now (duplicates/mark-duplicate.ts): the request named, this batch's own
 * version of it or the stored winner; and the requests already closed as duplicates of the one
 * marked, from the routing index and this batch, so two coordinators who each made half of a chain
 * or a cycle offline cannot both have it stored.
 */
import { duplicateTargetProblem, linksAnew } from '#domain/duplicates/mark-duplicate.ts';
import type { ForbiddenReason } from '#domain/forbidden-reasons.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { ReplicatedDb } from '../../../storage/storage.ts';

type LinkContext = {
  db: ReplicatedDb;
  user: StaffUser;
  batchRequests: Map<string, RequestDoc>;
  /** The requests stored now as duplicates of one (routing/duplicate-links.ts). */
  duplicatesOf: (requestId: string) => Promise<string[]>;
};

async function presentRequest(ctx: LinkContext, id: string): Promise<RequestDoc | null> {
  const inBatch = ctx.batchRequests.get(id);
  if (inBatch !== undefined) return inBatch;
  try {
    const doc = (await ctx.db.get(id)) as unknown as RequestDoc;
    return doc.type === 'request' ? doc : null;
  } catch {
    return null; // missing or deleted
  }
}

/** Whether any request is a duplicate of `id` once this batch's requests so far are stored. */
async function hasDuplicates(ctx: LinkContext, id: string): Promise<boolean> {
  for (const request of ctx.batchRequests.values()) if (request.duplicate_of === id) return true;
  const stored = await ctx.duplicatesOf(id);
  return stored.some((other) => {
    const inBatch = ctx.batchRequests.get(other);
    // Unless this batch has reopened it, or linked it elsewhere.
    return inBatch === undefined || inBatch.duplicate_of === id;
  });
}

/** Why `after` may not carry the duplicate link it adds, or null (also when it adds none). */
export async function duplicateLinkProblem(
  ctx: LinkContext,
  before: RequestDoc | null,
  after: RequestDoc,
): Promise<ForbiddenReason | null> {
  if (!linksAnew(before, after) || after.duplicate_of === undefined) return null;
  const kept = await presentRequest(ctx, after.duplicate_of);
  return duplicateTargetProblem(ctx.user, after, kept, await hasDuplicates(ctx, after._id));
}
