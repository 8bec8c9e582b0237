/**
 * A write that closes a request as a duplicate names another request; whether it may is judged
 * against that request as it is now (duplicates/mark-duplicate.ts): this batch's own version of
 * it, or the stored winner.
 */
import { duplicateTargetProblem, linksAnew } from '#domain/duplicates/mark-duplicate.ts';
import type { ForbiddenReason } from '#domain/forbidden-reasons.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { ReplicatedDb } from '../../storage/storage.ts';

type LinkContext = {
  db: ReplicatedDb;
  user: StaffUser;
  batchRequests: Map<string, RequestDoc>;
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

/** Why `after` may not carry the duplicate link it adds, or null (also when it adds none). */
export async function duplicateLinkProblem(
  ctx: LinkContext,
  before: RequestDoc | null,
  after: RequestDoc,
): Promise<ForbiddenReason | null> {
  if (!linksAnew(before, after) || after.duplicate_of === undefined) return null;
  const kept = await presentRequest(ctx, after.duplicate_of);
  return duplicateTargetProblem(ctx.user, after, kept);
}
