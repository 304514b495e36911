/**
 * The settings page (issue 12 §3). Every change is saved at once, after validation
 * (settings/schema.ts); a refused value shows its problem beside the field and nothing is
 * saved. Capture on/off is the `paused` flag, switched through the background like the popup.
 */

import { send } from '../messaging/client';
import { localizeDocument, t } from '../platform/i18n';
import { h } from '../ui/dom';
import { onStatusChanged } from '../ui/live';
import { fetchStatus } from '../ui/status';
import { examplePath } from './example-path';
import { watchMirror } from './mirror-all';
import { PATTERN_TOKENS, patternProblem, type Settings, type SidecarKind } from './schema';
import { showShortcuts } from './shortcuts';
import { getSettings, onSettingsChanged, saveSettings } from './store';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const capture = $<HTMLInputElement>('capture');
const librarySync = $<HTMLInputElement>('library-sync');
const syncEvery = $<HTMLSelectElement>('sync-every');
const savedMark = $<HTMLInputElement>('saved-mark');
const mirror = $<HTMLInputElement>('mirror');
const pattern = $<HTMLInputElement>('pattern');
const patternProblemEl = $('pattern-problem');
const sidecar = { xmp: $<HTMLInputElement>('sidecar-xmp'), json: $<HTMLInputElement>('sidecar-json') };
const thumbSize = $<HTMLSelectElement>('thumb-size');
const thumbQuality = $<HTMLSelectElement>('thumb-quality');
const badges = [...document.querySelectorAll<HTMLInputElement>('input[name="badge"]')];

let current: Settings;
/** Re-reads where "Write everything now" stands (set once the page is wired). */
let refreshMirror: (() => void) | null = null;
let statusTimer: ReturnType<typeof setTimeout> | undefined;

function flash(text: string): void {
  const el = $('status');
  el.textContent = text;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => {
    el.textContent = '';
  }, 2500);
}

function showProblem(problems: string[]): void {
  $('problem').replaceChildren(
    problems.length
      ? h('div', { class: 'notice notice-problem', role: 'alert' }, h('p', null, problems.join(' ')))
      : '',
  );
}

/** Validates and stores `change` applied to the current settings; says "Saved" or why not. */
async function save(change: (s: Settings) => Settings): Promise<boolean> {
  const next = change(structuredClone(current));
  const problems = await saveSettings(next);
  showProblem(problems);
  if (problems.length) return false;
  current = next;
  flash(t('settings_saved'));
  return true;
}

function showPattern(value: string): string | null {
  const problem = patternProblem(value);
  patternProblemEl.hidden = !problem;
  patternProblemEl.textContent = problem ?? '';
  pattern.setAttribute('aria-invalid', String(Boolean(problem)));
  $('example').textContent = problem ? '—' : `Downloads/${examplePath(value)}`; // a path: not translated
  return problem;
}

/** Shows `s` in the controls (the pattern field too, unless the user is typing in it). */
function render(s: Settings): void {
  current = s;
  librarySync.checked = s.librarySync;
  syncEvery.value = String(s.librarySyncEvery);
  syncEvery.disabled = !s.librarySync;
  savedMark.checked = s.savedMark;
  mirror.checked = s.mirror.enabled;
  $('ask-note').hidden = !s.mirror.enabled;
  const box = $('mirror-all-box');
  if (box.hidden === s.mirror.enabled) refreshMirror?.();
  box.hidden = !s.mirror.enabled;
  if (document.activeElement !== pattern) {
    pattern.value = s.mirror.pattern;
    showPattern(s.mirror.pattern);
  }
  for (const kind of ['xmp', 'json'] as const) sidecar[kind].checked = s.mirror.sidecars.includes(kind);
  thumbSize.value = String(s.thumbnail.size);
  thumbQuality.value = String(s.thumbnail.quality);
  for (const b of badges) b.checked = b.value === s.badge;
}

async function showCapture(): Promise<void> {
  const status = await fetchStatus();
  capture.disabled = !status;
  if (status) capture.checked = !status.paused;
  capture.title = status ? '' : t('settings_no_background');
}

function wire(): void {
  capture.addEventListener('change', async () => {
    capture.disabled = true;
    try {
      const status = await send('setPaused', { paused: !capture.checked });
      capture.checked = !status.paused;
      flash(t(status.paused ? 'settings_capture_paused' : 'settings_capture_on'));
    } catch (err) {
      showProblem([t('settings_switch_failed', { error: String(err) })]);
    }
    await showCapture();
  });
  librarySync.addEventListener('change', async () => {
    await save((s) => ({ ...s, librarySync: librarySync.checked }));
    render(current);
  });
  savedMark.addEventListener('change', () => void save((s) => ({ ...s, savedMark: savedMark.checked })));
  syncEvery.addEventListener(
    'change',
    () =>
      void save((s) => ({ ...s, librarySyncEvery: Number(syncEvery.value) as Settings['librarySyncEvery'] })),
  );
  mirror.addEventListener('change', async () => {
    await save((s) => ({ ...s, mirror: { ...s.mirror, enabled: mirror.checked } }));
    render(current);
  });
  pattern.addEventListener('input', () => {
    // Refused while invalid: the stored pattern stays the last valid one.
    if (!showPattern(pattern.value))
      void save((s) => ({ ...s, mirror: { ...s.mirror, pattern: pattern.value } }));
  });
  pattern.addEventListener('blur', () => {
    if (patternProblem(pattern.value)) flash(t('settings_pattern_not_saved'));
  });
  const sidecars = (): SidecarKind[] => (['xmp', 'json'] as const).filter((k) => sidecar[k].checked);
  for (const box of Object.values(sidecar))
    box.addEventListener(
      'change',
      () => void save((s) => ({ ...s, mirror: { ...s.mirror, sidecars: sidecars() } })),
    );
  thumbSize.addEventListener(
    'change',
    () =>
      void save((s) => ({
        ...s,
        thumbnail: { ...s.thumbnail, size: Number(thumbSize.value) as Settings['thumbnail']['size'] },
      })),
  );
  thumbQuality.addEventListener(
    'change',
    () => void save((s) => ({ ...s, thumbnail: { ...s.thumbnail, quality: Number(thumbQuality.value) } })),
  );
  for (const b of badges)
    b.addEventListener('change', () => void save((s) => ({ ...s, badge: b.value as Settings['badge'] })));
}

async function start(): Promise<void> {
  localizeDocument();
  $('pattern-tokens').replaceChildren(
    t('settings_tokens'),
    ...PATTERN_TOKENS.flatMap((token, i) => [i ? ' ' : '', h('code', null, `{${token}}`)]),
    t('settings_tokens_must'),
    h('code', null, '{fileid}'),
    t('settings_tokens_end'),
    h('code', null, '.{ext}'),
    t('settings_tokens_stop'),
  );
  render(await getSettings());
  wire();
  onSettingsChanged(render);
  // Paused or resumed elsewhere (the popup, the Alt+Shift+K shortcut): the switch follows.
  onStatusChanged(new AbortController().signal, () => void showCapture());
  refreshMirror = watchMirror($<HTMLButtonElement>('mirror-all'), $('mirror-progress'));
  await Promise.all([showCapture(), showShortcuts($('shortcuts'), $('shortcuts-where'))]);
}

start()
  .catch((err) => showProblem([t('settings_read_failed', { error: String(err) })]))
  .finally(() => {
    document.body.dataset.ready = 'true';
  });
