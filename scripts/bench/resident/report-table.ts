/**
 * The final table: figure | value | (baseline) | goal | met? | command, as plain text that reads
 * in a terminal and pastes into Markdown.
 */
import type { Figure } from './figures.ts';
import type { TargetResults } from './target-results.ts';

export type TableRow = {
  figure: string;
  value: string;
  baseline?: string;
  goal: string;
  met: string;
  command: string;
};

const shown = (figure: Figure, target: TargetResults) => {
  const value = figure.pick(target);
  return value === undefined || Number.isNaN(value) ? 'n/a' : figure.format(value);
};

export function tableRows(
  figures: readonly Figure[],
  current: TargetResults,
  baseline: TargetResults | null,
): TableRow[] {
  return figures.map((figure) => {
    const value = figure.pick(current);
    const met = !figure.goal
      ? ''
      : value === undefined || Number.isNaN(value)
        ? '?'
        : figure.goal.met(value)
          ? 'yes'
          : 'NO';
    return {
      figure: figure.figure,
      value: shown(figure, current),
      ...(baseline ? { baseline: shown(figure, baseline) } : {}),
      goal: figure.goal?.text ?? '—',
      met,
      command: `[${figure.command}]`,
    };
  });
}

export function renderTable(rows: readonly TableRow[], withBaseline: boolean): string {
  const header: TableRow = {
    figure: 'figure',
    value: 'value',
    ...(withBaseline ? { baseline: 'baseline' } : {}),
    goal: 'goal',
    met: 'met?',
    command: 'command',
  };
  const columns = (row: TableRow) => [
    row.figure,
    row.value,
    ...(withBaseline ? [row.baseline ?? ''] : []),
    row.goal,
    row.met,
    row.command,
  ];
  const cells = [header, ...rows].map(columns);
  const widths = (cells[0] ?? []).map((_, i) =>
    Math.max(...cells.map((row) => (row[i] ?? '').length)),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const [head = [], ...body] = cells;
  return [line(head), rule, ...body.map(line)].join('\n');
}
