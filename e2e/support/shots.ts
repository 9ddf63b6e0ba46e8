/**
 * Where specs save the screens the developers' guide asks to look at (both sizes of every new
 * view): outside the repository, one folder per feature; DOSSIER_SHOTS_DIR moves them.
 */
import type { Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export function shotsDir(feature: string): string {
  return path.join(process.env.DOSSIER_SHOTS_DIR ?? path.join(os.tmpdir(), 'dossier-shots'), feature)
}

/**
 * Saves the screen at both sizes the guide asks for (`<name>-1440x900.png`, `<name>-1024x700.png`)
 * in `dir`, then gives the page back its 1440×900 so the test goes on as it was.
 */
export async function shootBothSizes(page: Page, dir: string, name: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true })
  for (const [width, height] of [
    [1440, 900],
    [1024, 700]
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: path.join(dir, `${name}-${width}x${height}.png`) })
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}
