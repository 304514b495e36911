/**
 * axe-core in a page of the built extension (issue 13 §8). The extension pages' CSP refuses
 * inline scripts, so axe is evaluated through the protocol (page.evaluate is not subject to
 * the page's CSP), then run on the whole document or one part of it.
 *
 * `axeViolations` returns one readable line per violation and node, so a failing
 * `expect(await axeViolations(page)).toEqual([])` names the rule, the element and the fix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Violations of the WCAG 2.x A/AA rules and best practices in `page` (or under `selector`). */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(source);
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(sel ? { include: [sel] } : document, {
      resultTypes: ['violations'],
    })) as { violations: unknown[] };
    return result.violations;
  }, selector ?? null);
  return (violations as AxeViolation[]).flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${n.target.join(' ')}${
          n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''
        }`,
    ),
  );
}
