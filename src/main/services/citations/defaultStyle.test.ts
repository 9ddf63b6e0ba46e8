/**
 * Which style a briefing cites in: a new one the French house style (CSL), one stored before
 * briefings chose a style Dossier's own form, as it was written then.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { completeBriefing, newBriefing } from '../../../shared/briefing/spec'
import { plainText } from '../../../shared/briefing/styledCitations'
import { sampleBriefing, sampleItem } from '../export/testing/sampleBriefing'
import { citationStyles, type CitationStyles } from './briefingCitations'
import { StyleStore } from './styleStore'

const NB = '\u00a0'

let dataDir: string
let styles: CitationStyles

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'dossier-default-style-'))
  styles = citationStyles(await StyleStore.open(dataDir, { onRecovery: () => undefined }))
})

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('the citation style of a briefing', () => {
  it('is the French house style for a new briefing, the first style the composer lists', () => {
    const briefing = newBriefing('b-1', new Date('2026-12-02T08:00:00Z'), 'Sahel')
    expect(briefing.citationStyle).toBe('iso690-dossier')
    expect(styles.list()[0]).toEqual({
      id: 'iso690-dossier',
      title: 'Dossier — ISO 690 (style maison)',
      origin: 'bundled'
    })
  })

  it('stays Dossier’s own form for a briefing stored before briefings chose a style', () => {
    const old = completeBriefing({ id: 'old', createdAt: '2025-01-10T10:00:00.000Z', showTags: true })
    expect(old.citationStyle).toBe('dossier')
    expect(old.showTags).toBe(true)
  })

  it('keeps the style a stored briefing chose', () => {
    expect(completeBriefing({ id: 'apa', citationStyle: 'apa' }).citationStyle).toBe('apa')
    expect(completeBriefing({ id: 'house', citationStyle: 'iso690-dossier' }).citationStyle).toBe('iso690-dossier')
  })

  it('writes a new briefing’s citations through the CSL processor, page included', async () => {
    const document = sampleBriefing({
      sections: [{ key: 'all', heading: '', level: 1, intro: '', items: [sampleItem({ noteId: 'n-1', page: 12 })] }]
    })
    const styled = (await styles.apply(document, newBriefing('b-2', new Date(0), '').citationStyle, [])).styled
    expect(styled?.styleId).toBe('iso690-dossier')
    expect(plainText(styled?.items['n-1'] ?? [])).toBe(
      `RÉDACTION, «${NB}Le chef d’état-major israélien en visite au Maroc${NB}», Le Desk, 18 juillet 2022, p.${NB}12.`
    )
  })

  it('leaves Dossier’s own form to the exporters: no CSL output for it', async () => {
    const document = sampleBriefing()
    expect((await styles.apply(document, 'dossier', [])).styled).toBeUndefined()
  })
})
