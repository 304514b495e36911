/** Small text helpers shared by the archive's human-readable files. */

/** `2025-01-02` in UTC, the same day the file names use. */
export const utcDay = (iso: string): string => iso.slice(0, 10);

/** `2025-01-02 14:03:00` in UTC: spreadsheets read it as a date-time. */
export const utcDateTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;

/** A heading for an image: its title, else the start of its prompt. */
export function displayTitle(e: { title: string | null; prompt: string; revisedPrompt: string }): string {
  const t = e.title?.trim() || e.prompt.trim() || e.revisedPrompt.trim();
  if (!t) return 'Untitled image';
  const line = t.split('\n')[0]!;
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
