/** The volunteer's answer on their task, in words for the page's error summary (TaskActions). */
import type { TaskAnswerProblem } from '#domain/tasks/task-answers.ts';
import type { Translate } from '$lib/i18n/i18n.ts';

export const taskErrorText = (t: Translate, p: TaskAnswerProblem) =>
  t(`tasks.errors.${p.field}.${p.code}`);

export const taskErrorItems = (t: Translate, problems: TaskAnswerProblem[]) =>
  problems.map((p) => ({ field: p.field, message: taskErrorText(t, p) }));
