import { describe, expect, it } from 'vitest';
import { importsOf, layoutProblems, type Layout } from '../../../scripts/check-layout.ts';

function layout(files: Record<string, string>): Layout {
  const text = new Map(Object.entries(files));
  return { files: [...text.keys()], imports: importsOf(text), text };
}

describe('the layout check', () => {
  it('passes a tree whose imports run one way', () => {
    const tree = layout({
      'src/lib/domain/people/users.ts': "import { a } from '../documents/ids.ts';",
      'src/lib/domain/documents/ids.ts': 'export const a = 1;',
      'src/lib/staff/list.ts': "import { a } from '#domain/people/users.ts';",
      'src/routes/page.svelte': "<script>import { b } from '$lib/staff/list.ts';</script>",
    });
    expect(layoutProblems(tree)).toEqual([]);
    expect(tree.imports.get('src/routes/page.svelte')).toEqual(new Set(['src/lib/staff/list.ts']));
  });

  it('finds a cycle of files, type-only imports included', () => {
    const problems = layoutProblems(
      layout({
        'sync-server/a/read.ts': "import type { Body } from './index.ts';",
        'sync-server/a/index.ts': "import { read } from './read.ts';",
      }),
    );
    expect(problems).toContain(
      'import cycle between files: sync-server/a/index.ts, sync-server/a/read.ts',
    );
  });

  it('finds a cycle of folders, and a subfolder that imports its parent’s files', () => {
    const siblings = layoutProblems(
      layout({
        'sync-server/accounts/store.ts': "import '../replication/user.ts';",
        'sync-server/replication/user.ts': 'export {};',
        'sync-server/replication/routes.ts': "import '../accounts/store.ts';",
      }),
    );
    expect(siblings).toEqual([
      'import cycle between folders in sync-server/: accounts/ ⇄ replication/',
    ]);
    const upward = layoutProblems(
      layout({
        'src/lib/sync/device.ts': "import './replica/db.ts';",
        'src/lib/sync/snapshot.ts': 'export {};',
        'src/lib/sync/replica/db.ts': "import '../snapshot.ts';",
      }),
    );
    expect(upward).toEqual([
      'import cycle between folders in src/lib/sync/: (its own files) ⇄ replica/',
    ]);
  });

  it('finds a long file in the app or the server, and a crowded folder anywhere', () => {
    const long = 'x\n'.repeat(301);
    const crowded = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`tests/e2e/spec-${i}.ts`, '']),
    );
    const problems = layoutProblems(
      layout({
        'sync-server/big.ts': long,
        'sync-server/at-the-limit.ts': 'x\n'.repeat(300),
        'scripts/big.ts': long,
        ...crowded,
      }),
    );
    expect(problems).toEqual([
      'sync-server/big.ts has 301 lines (at most 300)',
      'tests/e2e/ has 11 files of its own (at most 10: give them subfolders)',
    ]);
  });
});
