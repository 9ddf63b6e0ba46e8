/**
 * One realistic briefing for every exporter's tests, so Markdown, HTML, DOCX and JSON-LD are
 * checked against the same French text (guillemets, NBSP, apostrophes) and the same citation
 * numbers. Tests vary it through `overrides` instead of building documents by hand.
 */
import type {
  BriefingDocument,
  BriefingItem,
  BriefingSection,
  BriefingSource
} from '../../../../shared/briefing/document'

/** U+00A0: the space French puts inside « » and before : ; ! ? in running text. */
export const NBSP = '\u00a0'
/** U+202F: the narrow space some typesetters prefer before ; ! ? */
export const NNBSP = '\u202f'

export type SampleBriefingOverrides = Partial<Omit<BriefingDocument, 'frontMatter'>> & {
  frontMatter?: Partial<BriefingDocument['frontMatter']>
}

/** Builds one item with plausible defaults; `overrides` wins field by field. */
export function sampleItem(overrides: Partial<BriefingItem> = {}): BriefingItem {
  const quote = overrides.quote ?? 'une citation'
  return {
    noteId: 'note-x',
    quote,
    noteText: '',
    tags: [],
    color: null,
    sourceNumber: 1,
    paragraph: 1,
    page: null,
    createdAt: '2024-03-01T09:00:00.000Z',
    updatedAt: '2024-03-01T09:00:00.000Z',
    anchor: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: quote.length }
    },
    review: null,
    snapshot: null,
    ...overrides
  }
}

function sources(): BriefingSource[] {
  return [
    {
      number: 1,
      articleId: 'article-kochavi',
      title: `Le chef d’état-major israélien en visite au Maroc`,
      outlet: 'Le Desk',
      author: 'Rédaction',
      publishedAt: '2022-07-18',
      url: 'https://example.org/maroc/kochavi-visite',
      language: 'fr'
    },
    {
      number: 2,
      articleId: 'article-abraham',
      title: `Accords d’Abraham${NBSP}: deux ans après`,
      outlet: null,
      author: null,
      publishedAt: null,
      url: null,
      language: 'fr'
    }
  ]
}

function sections(): BriefingSection[] {
  const q1 = `de «${NBSP}promouvoir la coopération militaire${NBSP}» entre les deux pays`
  const q2 = `«${NBSP}Tout n’est pas une question de sécurité${NBSP}», a déclaré à Reuters le ministre`
  const q3 =
    `Israël et le Maroc ont établi des relations de bas niveau dans les années 1990.\n\n` +
    `L’amélioration des liens en 2020 […] a apporté des vols directs et la sécurité d’Israël${NNBSP}!`
  return [
    {
      key: 'tag-israel',
      heading: 'Acteurs/Israël',
      level: 1,
      intro: `Ce que dit l’armée israélienne${NBSP}; la sécurité d’Israël en toile de fond.`,
      items: [
        sampleItem({
          noteId: 'note-1',
          quote: q1,
          noteText: `Objectif **officiel** de la visite, à comparer avec *Globes*.`,
          tags: [
            { path: 'Acteurs/Israël', color: '#1f6feb' },
            { path: 'Thèmes/Défense', color: null }
          ],
          color: '#1f6feb',
          sourceNumber: 1,
          paragraph: 1,
          anchor: {
            quote: {
              type: 'TextQuoteSelector',
              exact: q1,
              prefix: 'au Maroc dont l’objectif est ',
              suffix: ' qui ont'
            },
            position: { type: 'TextPositionSelector', start: 140, end: 140 + q1.length }
          }
        }),
        sampleItem({
          noteId: 'note-2',
          quote: q2,
          noteText: '',
          tags: [{ path: 'Acteurs/Israël', color: '#1f6feb' }],
          color: '#1f6feb',
          sourceNumber: 1,
          paragraph: 4,
          createdAt: '2024-03-02T10:30:00.000Z',
          updatedAt: '2024-03-02T11:00:00.000Z',
          anchor: {
            quote: { type: 'TextQuoteSelector', exact: q2, prefix: 'complète. ', suffix: ' israélien' },
            position: { type: 'TextPositionSelector', start: 2310, end: 2310 + q2.length }
          }
        })
      ]
    },
    {
      key: 'tag-maroc',
      heading: 'Acteurs/Maroc',
      level: 1,
      intro: '',
      items: [
        sampleItem({
          noteId: 'note-3',
          quote: q3,
          noteText: `Chronologie utile${NBSP}: 1990, 2000, 2020.\nÀ vérifier auprès d’une *autre* source.`,
          tags: [{ path: 'Acteurs/Maroc', color: '#c2410c' }],
          color: '#c2410c',
          sourceNumber: 2,
          paragraph: null,
          createdAt: '2024-03-03T08:15:00.000Z',
          updatedAt: '2024-03-03T08:15:00.000Z',
          anchor: {
            quote: { type: 'TextQuoteSelector', exact: q3, prefix: '', suffix: '' },
            position: { type: 'TextPositionSelector', start: 0, end: q3.length }
          }
        })
      ]
    }
  ]
}

/**
 * A French briefing with 2 sections, 3 items (one quote spans two paragraphs, one is orphaned,
 * one has no note text) and 2 sources (one fully known, one with only a title).
 */
export function sampleBriefing(overrides: SampleBriefingOverrides = {}): BriefingDocument {
  const { frontMatter, ...rest } = overrides
  return {
    id: 'briefing-maroc-israel',
    frontMatter: {
      title: `Maroc–Israël${NBSP}: la coopération militaire`,
      subtitle: `Revue de presse, «${NBSP}Accords d’Abraham${NBSP}»`,
      author: 'Cellule Afrique du Nord',
      date: '2024-03-04',
      keyPoints:
        `La visite de Kochavi vise la «${NBSP}coopération militaire${NBSP}».\n` +
        `Rabat négocie en parallèle pour les Palestiniens.\n` +
        `La sécurité d’Israël n’est pas le seul enjeu.`,
      classification: 'Diffusion restreinte',
      ...frontMatter
    },
    language: 'fr',
    sections: sections(),
    sources: sources(),
    // Shown here so every exporter's tag output is exercised; briefings start with tags hidden.
    showTags: true,
    generatedAt: '2024-03-04T12:00:00.000Z',
    ...rest
  }
}

/**
 * The sample briefing as it reads once notes needing review are included: note-1's passage
 * changed since it was highlighted, note-3's is no longer in its article, which was deleted
 * since (so note-3 is cited from the briefing's copy, as of 1 March 2024).
 */
export function reviewBriefing(overrides: SampleBriefingOverrides = {}): BriefingDocument {
  const document = sampleBriefing(overrides)
  const [first, second] = document.sections
  if (!first?.items[0] || !second?.items[0]) throw new Error('the sample has these items')
  first.items[0].review = 'moved'
  second.items[0].review = 'orphaned'
  second.items[0].snapshot = { asOf: '2024-03-01', deleted: 'article' }
  return document
}
