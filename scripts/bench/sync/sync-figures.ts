/**
 * The sync figures: the table rows (value, baseline, goal, met?, command) and the commands behind
 * them. Ratios are Cymorth's figure over the plain server's (or the floor's) from the same run.
 */
import { formatBytes } from '../common/downloads/gzip-size.ts';
import { valueOf } from '../common/measured.ts';
import type { TableRow } from '../resident/report-table.ts';
import type { Reference, SyncResults, SyncTarget, Who } from './sync-results.ts';

type Pick = (target: SyncTarget, reference: Reference) => number | undefined;
type SyncFigure = {
  figure: string;
  command: number;
  pick: Pick;
  format: (v: number) => string;
  goal?: { text: string; met: (v: number) => boolean };
};

const seconds = (ms: number) => (ms === Infinity ? 'unfinished' : `${(ms / 1000).toFixed(2)} s`);
const ratio = (v: number) => `${v.toFixed(2)}×`;
const count = (v: number) => v.toLocaleString('en-GB');

function firstSyncFigures(who: Who, docs: number): SyncFigure[] {
  const app = (t: SyncTarget) => valueOf(t.app[who]);
  const plain = (r: Reference) => valueOf(r.plain[who]);
  const floor = (r: Reference) => valueOf(r.floor[who]);
  const over = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || b === 0 ? undefined : a / b;
  return [
    {
      figure: `${who} first sync (${count(docs)} docs): Cymorth app, time`,
      command: 2,
      pick: (t) => app(t)?.ms,
      format: seconds,
    },
    {
      figure: `  … bytes received (/db)`,
      command: 2,
      pick: (t) => app(t)?.wire.receivedBytes,
      format: formatBytes,
    },
    { figure: `  … requests`, command: 2, pick: (t) => app(t)?.wire.requests, format: count },
    {
      figure: `  plain server, stock PouchDB: time`,
      command: 3,
      pick: (_, r) => plain(r)?.ms,
      format: seconds,
    },
    {
      figure: `  … bytes received`,
      command: 3,
      pick: (_, r) => plain(r)?.wire.receivedBytes,
      format: formatBytes,
    },
    {
      figure: `  floor, Dexie bulkPut: time`,
      command: 4,
      pick: (_, r) => floor(r)?.ms,
      format: seconds,
    },
    {
      figure: `  time, Cymorth ÷ plain`,
      command: 2,
      pick: (t, r) => over(app(t)?.ms, plain(r)?.ms),
      format: ratio,
      goal: { text: '≤ 1.00×', met: (v) => v <= 1 },
    },
    {
      figure: `  bytes, Cymorth ÷ plain`,
      command: 2,
      pick: (t, r) => over(app(t)?.wire.receivedBytes, plain(r)?.wire.receivedBytes),
      format: ratio,
      goal: { text: '≤ 0.35×', met: (v) => v <= 0.35 },
    },
    {
      figure: `  time, Cymorth ÷ floor`,
      command: 2,
      pick: (t, r) => over(app(t)?.ms, floor(r)?.ms),
      format: ratio,
      goal: { text: '≤ 3.00×', met: (v) => v <= 3 },
    },
  ];
}

const loadFigures: SyncFigure[] = [
  {
    figure: 'concurrent volunteer first syncs: p50',
    command: 5,
    pick: (t) => valueOf(t.concurrent)?.p50,
    format: seconds,
  },
  {
    figure: '  … p95',
    command: 5,
    pick: (t) => valueOf(t.concurrent)?.p95,
    format: seconds,
    goal: { text: '≤ 60 s', met: (v) => v <= 60_000 },
  },
  {
    figure: '  … clients',
    command: 5,
    pick: (t) => valueOf(t.concurrent)?.count,
    format: count,
  },
  {
    figure: '  … unfinished at the cap / failed',
    command: 5,
    pick: (t) => {
      const c = valueOf(t.concurrent);
      return c ? c.unfinished * 1000 + c.failed : undefined;
    },
    format: (v) => `${Math.floor(v / 1000)} / ${v % 1000}`,
  },
  {
    figure: 'coordinator edit → volunteer device: p50',
    command: 6,
    pick: (t) => valueOf(t.live)?.p50,
    format: (v) => `${Math.round(v)} ms`,
  },
  {
    figure: '  … p95',
    command: 6,
    pick: (t) => valueOf(t.live)?.p95,
    format: (v) => `${Math.round(v)} ms`,
    goal: { text: '≤ 1,000 ms', met: (v) => v <= 1000 },
  },
  {
    figure: '  … live clients',
    command: 6,
    pick: (t) => valueOf(t.live)?.clients,
    format: count,
  },
];

export function syncRows(results: SyncResults): TableRow[] {
  const [current, baseline] = [
    results.targets.find((t) => t.name === 'current'),
    results.targets.find((t) => t.name === 'baseline'),
  ];
  const figures = [
    ...firstSyncFigures('volunteer', results.views.volunteer.visibleDocs),
    ...firstSyncFigures('coordinator', results.views.coordinator.visibleDocs),
    ...loadFigures,
  ];
  const shown = (f: SyncFigure, t: SyncTarget | undefined) => {
    const v = t ? f.pick(t, results.reference) : undefined;
    return v === undefined || Number.isNaN(v) ? 'n/a' : f.format(v);
  };
  return figures.map((f) => {
    const v = current ? f.pick(current, results.reference) : undefined;
    const met = !f.goal
      ? ''
      : v === undefined || Number.isNaN(v)
        ? '?'
        : f.goal.met(v)
          ? 'yes'
          : 'NO';
    return {
      figure: f.figure,
      value: shown(f, current),
      ...(baseline ? { baseline: shown(f, baseline) } : {}),
      goal: f.goal?.text ?? '—',
      met,
      command: `[${f.command}]`,
    };
  });
}

export function batchRows(results: SyncResults): string[] {
  const lines = [
    '| batch_size × batches_limit | volunteer time | volunteer bytes | coordinator time | coordinator bytes |',
    '|---|---|---|---|---|',
  ];
  for (const v of results.batchVariants) {
    const cell = (who: 'volunteer' | 'coordinator') => {
      const run = valueOf(v.runs[who]);
      return run ? [seconds(run.ms), formatBytes(run.wire.receivedBytes)] : ['n/a', 'n/a'];
    };
    lines.push(
      `| ${v.settings.batch_size} × ${v.settings.batches_limit} | ${[...cell('volunteer'), ...cell('coordinator')].join(' | ')} |`,
    );
  }
  return lines;
}
