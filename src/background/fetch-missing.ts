/**
 * Fetch for a prompt-only record (issue 10): INTERIM placeholder on main while the
 * implementation is written on its branch; it must not land as is.
 */
export async function fetchMissing(_id: string): Promise<{ ok: true } | { ok: false; error: string }> {
  return { ok: false, error: 'Fetching is not available yet.' };
}
