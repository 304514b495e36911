/**
 * Fetch for prompt-only records, from the gallery page: asks the background to fetch the
 * bytes (`fetchMissing`), tracks which records are being fetched and the last error per
 * record on this page. Success needs no work here: the background stores the image and
 * announces `images-changed`, and the catalog then holds a record with bytes.
 */
import { send } from '../messaging/client';
import type { FetchState } from './missing-words';

const IDLE: FetchState = { busy: false, error: null };

export class MissingFetches {
  private readonly states = new Map<string, FetchState>();

  /** `changed` re-renders the tiles and the lightbox. */
  constructor(private readonly changed: () => void) {}

  state(id: string): FetchState {
    return this.states.get(id) ?? IDLE;
  }

  /** One Fetch at a time per record; the error (plain words) stays on the card. */
  async fetch(id: string): Promise<void> {
    if (this.state(id).busy) return;
    this.states.set(id, { busy: true, error: null });
    this.changed();
    let error: string | null = null;
    try {
      const r = await send('fetchMissing', { id });
      if (!r.ok) error = r.error || 'ChatGPT did not give the image.';
    } catch (err) {
      error = `the extension did not answer (${err instanceof Error ? err.message : String(err)})`;
    }
    if (error) this.states.set(id, { busy: false, error });
    else this.states.delete(id);
    this.changed();
  }
}
