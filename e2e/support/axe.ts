/**
 * Runs axe-core in the page, so that an e2e can measure accessibility view by view instead of
 * trusting a review. The page's Content-Security-Policy refuses script tags, so axe's source is
 * evaluated through the DevTools protocol (page.evaluate), which the policy does not govern.
 */
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'

/** The impacts that fail the suite: axe's own scale, where these two block or badly hinder a person. */
export const BLOCKING_IMPACTS = ['critical', 'serious'] as const

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  /** One entry per failing element: its CSS path and what axe says is wrong with it. */
  nodes: { target: string; summary: string }[]
}

/** Read once per worker: the source is about 550 kB. */
let axeSource: string | null = null
function loadAxeSource(): string {
  if (axeSource === null) {
    const require = createRequire(__filename)
    axeSource = (require('axe-core') as { source: string }).source
  }
  return axeSource
}

/**
 * Every violation axe finds in the page as it is now (all rules of WCAG 2.x A and AA, plus axe's
 * best practices). The caller decides which impacts fail a test.
 */
export async function findViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in window)
  if (!injected) await page.evaluate(loadAxeSource())
  return page.evaluate(async () => {
    interface AxeResults {
      violations: {
        id: string
        impact?: string | null
        help: string
        nodes: { target: unknown[]; failureSummary?: string }[]
      }[]
    }
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe
    const results = await axe.run(document, { resultTypes: ['violations'] })
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map(String).join(' '),
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim()
      }))
    }))
  })
}

export function isBlocking(violation: AxeViolation): boolean {
  return (BLOCKING_IMPACTS as readonly (string | null)[]).includes(violation.impact)
}

/** One line per failing element, so a report names the rule, its impact and where to look. */
export function describeViolations(view: string, violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `[${view}] ${violation.id} (${violation.impact ?? 'no impact'}) ${node.target}: ${node.summary}`
    )
  )
}
