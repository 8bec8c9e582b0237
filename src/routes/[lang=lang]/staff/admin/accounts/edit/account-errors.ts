/** The server's field codes for an account, as the form's error summary lists them. */
import type { ErrorItem } from '$lib/components/ErrorSummary.svelte';
import type { Translate } from '$lib/i18n/i18n.ts';

const fieldOrder = ['username', 'display_name', 'role', 'areas', 'account'] as const;

export function accountErrors(fields: Record<string, string>, t: Translate): ErrorItem[] {
  return fieldOrder.flatMap((field) => {
    const code = fields[field];
    if (code === undefined) return [];
    const fallback =
      field === 'account'
        ? t('admin.failures.failed')
        : t(`admin.accounts.errors.${field}.invalid`);
    return [
      { field, message: t(`admin.accounts.errors.${field}.${code}`, { defaultValue: fallback }) },
    ];
  });
}
