/**
 * A sample export made of the conversation fixtures (test/fixtures/conversations), with what
 * a test should expect of it: which generated images the export carries, which it only names,
 * which DALL·E links have expired and which still work, the upload and the chart that are not
 * generations. Use with buildV1Export / buildV2Export (official-export.ts).
 */
import { readFileSync } from 'node:fs';
import { makePng, makeWebp } from '../../e2e/sim/images';
import type { ExportAsset, ExportSpec } from './official-export';

const FIXTURES = new URL('../fixtures/conversations/', import.meta.url);
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8'));

/** An image link, with the instant its `se=` says it expires. */
export interface SampleLink {
  fileId: string;
  expiresAt: number;
}

/** The sample export and what it should give. */
export interface SampleExport {
  spec: ExportSpec;
  /** Generated images whose bytes are in the ZIP. */
  carried: string[];
  /** Generated images the conversations name but the ZIP does not carry. */
  missing: string[];
  /** A DALL·E image known only by a signed link whose `se=` is in the past (15 Mar 2025 style). */
  expiredLink: SampleLink;
  /** The same shape with `se=` far in the future. */
  liveLink: SampleLink;
  /** The user's upload (its bytes are at the root of a v1 export): never a generation. */
  upload: string;
  /** The Code Interpreter chart (its bytes are in the ZIP too): never a generation. */
  chart: string;
  /** Conversation ids, in the order they are in the export. */
  conversationIds: string[];
}

const LIVE_ID = 'file-LiveLinkQ2x9Zr7bNc4Tyw';
const LIVE_SE = '2099-01-01T00:00:00Z';

/**
 * The fixture of an old DALL·E turn (a Markdown link to the signed CDN) copied as a second,
 * recent conversation whose link has not expired yet.
 */
function liveLinkConversation(): Record<string, unknown> {
  const text = JSON.stringify(fixture('tether-browsing'))
    .replaceAll('bf8f615b-6f73-4a76-a6e3-bdc530c7610e', '0b1c2d3e-4f50-4617-8899-aabbccddeeff')
    .replaceAll('file-WHQbvHJwQBRrWAXsONZaibaA', LIVE_ID)
    .replaceAll('se=2023-10-25T11%3A33%3A20Z', `se=${encodeURIComponent(LIVE_SE)}`)
    .replace('"Cat astronaut"', '"Cat astronaut, again"');
  return JSON.parse(text);
}

const png = (seed: number) => new Uint8Array(makePng({ width: 48, height: 32, seed }));
const webp = (seed: number) => new Uint8Array(makeWebp({ width: 40, height: 40, seed }));

/** The sample export: DALL·E, gpt-image, thinking mode, an upload, a chart, old links. */
export function sampleExportSpec(): SampleExport {
  const names = [
    'dalle3-code',
    'gpt-image-single',
    'thinking-mode',
    'gpt-image-multi',
    'user-upload',
    'code-interpreter-chart',
    'tether-browsing',
  ];
  const conversations = [...names.map(fixture), liveLinkConversation()];
  const carried: ExportAsset[] = [
    { fileId: 'file-ZnRyxInT0FWkxBz4qa3AmvXq', kind: 'dalle', bytes: webp(1) },
    { fileId: 'file-G7nZhz9QfjpAf0Cqk76D5GFQ', kind: 'dalle', bytes: webp(2) },
    { fileId: 'file_00000000dedb061ffadb15b9a398142e', kind: 'native', bytes: png(3) },
    { fileId: 'file_00000000c1e86230a8f47d3b95e2f0a1', kind: 'native', bytes: png(4) },
    { fileId: 'file_000000001986a825e21850639765d47d', kind: 'native', bytes: png(5) },
    { fileId: 'file_000000004e7d7f2663287798caa39b1e', kind: 'native', bytes: png(6) },
    { fileId: 'file_00000000b855bffb1c1c4c76a580d248', kind: 'native', bytes: png(7) },
  ];
  const upload: ExportAsset = { fileId: 'file-4iSPWMm438KecbYAjbn6kqF0', kind: 'upload', bytes: png(8) };
  const chart: ExportAsset = {
    fileId: 'file-ggjvBH3x15j0cSU0uBpIeRso',
    kind: 'upload',
    ext: 'png',
    bytes: png(9),
  };
  return {
    spec: { conversations, assets: [...carried, upload, chart] },
    carried: carried.map((a) => a.fileId),
    missing: [
      'file_0000000078b5aff5e6a4b3f972694129',
      'file_00000000f070260568adae76ebfbdb5a',
      'file-WHQbvHJwQBRrWAXsONZaibaA',
      LIVE_ID,
    ],
    expiredLink: { fileId: 'file-WHQbvHJwQBRrWAXsONZaibaA', expiresAt: Date.parse('2023-10-25T11:33:20Z') },
    liveLink: { fileId: LIVE_ID, expiresAt: Date.parse(LIVE_SE) },
    upload: upload.fileId,
    chart: chart.fileId,
    conversationIds: conversations.map((c) => String(c.conversation_id)),
  };
}
