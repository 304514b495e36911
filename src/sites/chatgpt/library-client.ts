/**
 * Reads one page of ChatGPT's image library through the request budget (api.ts): one API
 * read per page, spaced and counted like every other request.
 */
import { type ApiOptions, apiGet } from './api';
import { type LibraryPage, libraryPath, parseLibraryPage } from './library';

/** `limit` items after `cursor` (null: the newest), parsed and validated. */
export async function fetchLibraryPage(
  limit: number,
  cursor: string | null,
  opts: ApiOptions,
): Promise<LibraryPage> {
  return parseLibraryPage(await apiGet(libraryPath(limit, cursor), opts), cursor);
}
