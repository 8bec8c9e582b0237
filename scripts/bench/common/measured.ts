/** A measurement that may have failed: the bench reports the failure and carries on. */
export type Measured<T> = { ok: true; value: T } | { ok: false; error: string };

export async function measure<T>(what: string, run: () => Promise<T>): Promise<Measured<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`  ✗ ${what}: ${message}`);
    return { ok: false, error: message };
  }
}

export const valueOf = <T>(measured: Measured<T> | undefined): T | undefined =>
  measured?.ok ? measured.value : undefined;
