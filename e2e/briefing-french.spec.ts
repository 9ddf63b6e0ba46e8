/**
 * The briefings view in French, as the fixture's system locale gives it: the composer's
 * labels, its empty state, the citation choices and the export row all read French, and the
 * screens are saved at both sizes the issue names, to be looked at.
 */
import path from 'node:path'
import { expect, test } from './support/fixtures'
import { shotsDir } from './support/shots'

test.use({ locale: 'fr-FR' })

const SHOTS = shotsDir('briefings')

test('the briefings view speaks French, empty briefing included', async ({ dossier }) => {
  const { page } = dossier
  await page.getByRole('button', { name: 'Synthèses' }).click()
  await expect(page.getByRole('main', { name: 'Synthèses' })).toBeVisible()
  await page.getByRole('button', { name: 'Nouvelle synthèse' }).click()
  const composer = page.getByRole('region', { name: 'Rédaction' })
  await expect(composer.getByText('Cette synthèse ne contient encore aucune note.')).toBeVisible()
  await expect(composer.getByRole('checkbox', { name: 'Afficher les étiquettes dans l’export' })).not.toBeChecked()
  await expect(composer.getByRole('combobox', { name: 'Style de citation' })).toHaveValue('iso690-dossier')
  await expect(composer.getByRole('button', { name: 'Ajouter un style…' })).toBeVisible()
  const exportRow = page.getByRole('group', { name: 'Exporter', exact: true })
  await expect(exportRow).toContainText('Exporter 0 note')
  await expect(exportRow.getByRole('button', { name: 'Word (.docx)' })).toBeVisible()
  for (const [width, height] of [
    [1440, 900],
    [1024, 700]
  ] as const) {
    await page.setViewportSize({ width, height })
    await composer.getByRole('group', { name: 'Citations et étiquettes' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, `composer-fr-${width}x${height}.png`) })
  }
})
