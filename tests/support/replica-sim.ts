/**
 * A few replicas of one request, close enough to CouchDB for the merge property test: each holds a
 * revision tree (every revision with its ancestors), its leaves are the revisions nobody descends
 * from, deleted leaves are tombstones, and syncing two replicas is the union of their revisions
 * (https://docs.couchdb.org/en/stable/replication/conflicts.html). A replica shows the merge of its
 * live leaves; the server resolves conflicts with `resolveConflicts`, as the sync server will.
 * Notes are append-only documents with unique ids, so a replica keeps them in a map.
 */
import type { NoteDoc } from '#domain/records/append-only-docs.ts';
import { resolveConflicts } from '#domain/replication/conflicts.ts';
import { compareRevs, revGeneration } from '#domain/documents/couch-fields.ts';
import { mergeRequests } from '#domain/replication/merge.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { Random } from './seeded-random.ts';

type Revision = { rev: string; ancestors: ReadonlySet<string>; doc: RequestDoc | null };

export class Replica {
  readonly revisions = new Map<string, Revision>();
  readonly notes = new Map<string, NoteDoc>();

  constructor(
    readonly name: string,
    private readonly random: Random,
  ) {}

  leaves(): Revision[] {
    const inner = new Set<string>();
    for (const r of this.revisions.values()) for (const a of r.ancestors) inner.add(a);
    return [...this.revisions.values()].filter((r) => !inner.has(r.rev));
  }

  liveLeaves(): (Revision & { doc: RequestDoc })[] {
    return this.leaves()
      .filter((r): r is Revision & { doc: RequestDoc } => r.doc !== null)
      .sort((x, y) => compareRevs(y.rev, x.rev));
  }

  /** What the screen shows: the merge of every live leaf. */
  view(): RequestDoc {
    const [first, ...rest] = this.liveLeaves().map((l) => l.doc);
    if (first === undefined) throw new Error(`${this.name} holds no live revision`);
    return rest.reduce(mergeRequests, first);
  }

  private add(parents: readonly Revision[], doc: RequestDoc | null): Revision {
    const generation = Math.max(0, ...parents.map((p) => revGeneration(p.rev))) + 1;
    const rev = `${generation}-${Array.from({ length: 32 }, () => this.random.int(16).toString(16)).join('')}`;
    const ancestors = new Set(parents.flatMap((p) => [p.rev, ...p.ancestors]));
    const revision = { rev, ancestors, doc: doc === null ? null : { ...doc, _rev: rev } };
    this.revisions.set(rev, revision);
    return revision;
  }

  /** A local write on top of what the device shows, replacing all its leaves. */
  write(doc: RequestDoc): void {
    this.add(this.leaves(), doc);
  }

  /** The server's resolution: the merge as a child of the winner, a tombstone on every loser. */
  resolve(): ReturnType<typeof resolveConflicts> | null {
    const [winner, ...losers] = this.liveLeaves();
    if (winner === undefined || losers.length === 0) return null;
    const resolution = resolveConflicts(
      winner.doc,
      losers.map((l) => l.doc),
    );
    this.add([winner], resolution.doc);
    for (const loser of losers) this.add([loser], null);
    return resolution;
  }

  /** Replication both ways: afterwards each holds every revision and note of the other. */
  syncWith(other: Replica): void {
    for (const r of other.revisions.values()) this.revisions.set(r.rev, r);
    for (const r of this.revisions.values()) other.revisions.set(r.rev, r);
    for (const n of other.notes.values()) this.notes.set(n._id, n);
    for (const n of this.notes.values()) other.notes.set(n._id, n);
  }
}
