/**
 * Runs once before the suite: without a Chromium, browser-mode tests cannot start, and one
 * line saying how to install one is better than the same launch error in every test.
 */
import type { FullConfig } from '@playwright/test'
import { findChromium } from './chromium'

export default function globalSetup(config: FullConfig): void {
  const needsChromium = config.projects.some((project) => project.name === 'browser')
  if (!needsChromium) return
  const found = findChromium()
  if (!found.found) throw new Error(found.message)
}
