// The composer over a small hand-built library: every filter, grouping and order, and the
// snapshots that keep citing notes once their article is gone.
import { describe, expect, it } from 'vitest'
import type { ArticleMeta } from '../domain/article'
import type { Note } from '../domain/note'
import type { Tag } from '../tags/tags'
import { composeBriefing, composeBriefingWithSnapshots, trimQuote, type BriefingLibrary } from './compose'
import { newBriefing, type Briefing } from './spec'

const NOW = new Date('2024-03-04T12:00:00.000Z')
const NBSP = '\u00a0'

function article(id: string, title: string, importedAt: string, extra: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    id,
    title,
    outlet: null,
    author: null,
    publishedAt: null,
    sourceUrl: null,
    language: 'fr',
    importedAt,
    sourceFile: null,
    wordCount: 100,
    charCount: 600,
    ...extra
  }
}

function note(id: string, articleId: string, start: number, quote: string, extra: Partial<Note> = {}): Note {
  return {
    id,
    articleId,
    anchor: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + quote.length }
    },
    text: '',
    tagIds: [],
    color: null,
    createdAt: '2024-02-01T10:00:00.000Z',
    updatedAt: '2024-02-01T10:00:00.000Z',
    ...extra
  }
}

const TAGS: Tag[] = [
  { id: 't-act', path: 'Acteurs', color: '#d97706', description: '' },
  { id: 't-isr', path: 'Acteurs/Israël', color: '#2563eb', description: '' },
  { id: 't-mar', path: 'Acteurs/Maroc', color: '#059669', description: '' },
  { id: 't-def', path: 'Thèmes/Défense', color: '#dc2626', description: '' }
]

const ARTICLES: ArticleMeta[] = [
  // Listed out of import order on purpose: document order follows importedAt.
  article('a2', 'Accords d’Abraham : deux ans après', '2024-01-02T09:00:00.000Z'),
  article('a1', 'Le chef d’état-major israélien en visite au Maroc', '2024-01-01T09:00:00.000Z', {
    outlet: 'Le Desk',
    author: 'Rédaction',
    publishedAt: '2022-07-18',
    sourceUrl: 'https://example.org/kochavi'
  }),
  article('a3', 'Pegasus au Maroc', '2024-01-03T09:00:00.000Z', { trashedAt: '2024-03-01T09:00:00.000Z' })
]

const NOTES: Note[] = [
  note('n1', 'a1', 100, 'l’armée israélienne', { tagIds: ['t-isr'], text: 'Objectif **officiel**' }),
  note('n2', 'a1', 10, 'coopération militaire', {
    tagIds: ['t-def', 't-mar'],
    createdAt: '2024-02-03T23:30:00.000Z'
  }),
  note('n3', 'a2', 5, 'relations de bas niveau', {
    tagIds: ['t-mar'],
    color: '#111111',
    createdAt: '2024-02-02T08:00:00.000Z'
  }),
  note('n4', 'a2', 50, 'vols directs', {
    color: '#222222',
    text: 'Cœur du sujet',
    createdAt: '2024-01-15T08:00:00.000Z'
  }),
  note('n5', 'a3', 0, 'logiciel espion', {
    tagIds: ['t-act'],
    createdAt: '2024-02-05T08:00:00.000Z',
    anchorStatus: { state: 'orphaned', checkedAt: '2024-03-01T09:00:00.000Z' }
  })
]

function library(overrides: Partial<BriefingLibrary> = {}): BriefingLibrary {
  return {
    notes: NOTES,
    articles: ARTICLES,
    tags: TAGS,
    paragraphOf: (_articleId, offset) => Math.floor(offset / 10) + 1,
    ...overrides
  }
}

/**
 * A briefing that cites every note it selects, the orphaned n5 included: filtering, grouping
 * and order apply to notes needing review alike. What the default does with them (leave them
 * out) is checked in 'notes that need review'.
 */
function briefing(changes: Partial<Omit<Briefing, 'filter'>> & { filter?: Partial<Briefing['filter']> } = {}) {
  const base = newBriefing('b1', new Date('2024-03-01T00:00:00.000Z'), 'Maroc–Israël')
  const { filter, ...rest } = changes
  return {
    ...base,
    grouping: 'none' as const,
    includeNotesNeedingReview: true,
    ...rest,
    filter: { ...base.filter, ...filter }
  }
}

/** Note ids of the document, section by section. */
function itemIds(b: Briefing, lib: BriefingLibrary = library()): string[] {
  return composeBriefing(b, lib, NOW).document.sections.flatMap((section) => section.items.map((item) => item.noteId))
}

const ALL_ARTICLES = { articleIds: ['a1', 'a2', 'a3'] }

describe('filtering', () => {
  it('selects nothing with no criterion, so a new briefing starts empty', () => {
    const composed = composeBriefing(briefing(), library(), NOW)
    expect(composed.document.sections).toEqual([])
    expect(composed.candidates).toEqual([])
  })

  it('takes a parent tag for itself and every tag under it', () => {
    expect(itemIds(briefing({ filter: { tagIds: ['t-act'] } }))).toEqual(['n2', 'n1', 'n3', 'n5'])
    expect(itemIds(briefing({ filter: { tagIds: ['t-isr'] } }))).toEqual(['n1'])
  })

  it("'any' wants one of the tags, 'all' each of them (or one under it)", () => {
    expect(itemIds(briefing({ filter: { tagIds: ['t-isr', 't-def'], tagMode: 'any' } }))).toEqual(['n2', 'n1'])
    expect(itemIds(briefing({ filter: { tagIds: ['t-act', 't-def'], tagMode: 'all' } }))).toEqual(['n2'])
    expect(itemIds(briefing({ filter: { tagIds: ['t-isr', 't-def'], tagMode: 'all' } }))).toEqual([])
  })

  it('restricts to articles', () => {
    expect(itemIds(briefing({ filter: { articleIds: ['a2'] } }))).toEqual(['n3', 'n4'])
    expect(itemIds(briefing({ filter: ALL_ARTICLES }))).toEqual(['n2', 'n1', 'n3', 'n4', 'n5'])
  })

  it("filters on the highlight's colour: its first coloured tag's, else its own, in any case", () => {
    expect(itemIds(briefing({ filter: { colors: ['#222222'] } }))).toEqual(['n4'])
    // n3 has its own colour but shows its tag's; n2 also carries Maroc, but its first tag is Défense.
    expect(itemIds(briefing({ filter: { colors: ['#059669'] } }))).toEqual(['n3'])
    expect(itemIds(briefing({ filter: { colors: ['#111111'] } }))).toEqual([])
    expect(itemIds(briefing({ filter: { colors: ['#DC2626', '#2563EB'] } }))).toEqual(['n2', 'n1'])
  })

  it("takes the colour of the first tag that has one, in the note's tag order", () => {
    const tags: Tag[] = [
      { id: 't-plain', path: 'Acteurs/Algérie', color: null, description: '' },
      { id: 't-pink', path: 'Acteurs/Tunisie', color: '#f472b6', description: '' }
    ]
    const lib = library({
      tags: [...TAGS, ...tags],
      notes: [...NOTES, note('n6', 'a1', 200, 'frontière fermée', { tagIds: ['t-plain', 't-pink'], color: '#222222' })]
    })
    const composed = composeBriefing(briefing({ filter: { colors: ['#f472b6'] } }), lib, NOW)
    expect(
      composed.document.sections.flatMap((section) => section.items.map((item) => [item.noteId, item.color]))
    ).toEqual([['n6', '#f472b6']])
    expect(composed.candidates.map((candidate) => [candidate.noteId, candidate.color])).toEqual([['n6', '#f472b6']])
  })

  it('keeps notes created between the two dates, both days included', () => {
    expect(itemIds(briefing({ filter: { from: '2024-02-02', to: '2024-02-03' } }))).toEqual(['n2', 'n3'])
    expect(itemIds(briefing({ filter: { from: '2024-02-04' } }))).toEqual(['n5'])
    expect(itemIds(briefing({ filter: { to: '2024-01-31' } }))).toEqual(['n4'])
  })

  it('finds words in the quote, the note or a tag path, whatever the accents, case, ligatures or apostrophes', () => {
    expect(itemIds(briefing({ filter: { text: "l'ARMEE israelienne" } }))).toEqual(['n1'])
    expect(itemIds(briefing({ filter: { text: 'coeur' } }))).toEqual(['n4'])
    expect(itemIds(briefing({ filter: { text: 'maroc' } }))).toEqual(['n2', 'n3'])
    expect(itemIds(briefing({ filter: { text: 'defense militaire' } }))).toEqual(['n2'])
    expect(itemIds(briefing({ filter: { text: 'officiel' } }))).toEqual(['n1'])
  })

  it('combines criteria, adds notes picked by hand and drops notes left out by hand', () => {
    const b = briefing({
      filter: { articleIds: ['a1', 'a2'], tagIds: ['t-act'] },
      includedNoteIds: ['n4', 'n5'],
      excludedNoteIds: ['n3', 'n5']
    })
    const composed = composeBriefing(b, library(), NOW)
    expect(itemIds(b)).toEqual(['n2', 'n1', 'n4'])
    expect(
      composed.candidates.map(({ noteId, matched, included, excluded }) => ({ noteId, matched, included, excluded }))
    ).toEqual([
      { noteId: 'n2', matched: true, included: false, excluded: false },
      { noteId: 'n1', matched: true, included: false, excluded: false },
      { noteId: 'n3', matched: true, included: false, excluded: true },
      { noteId: 'n4', matched: false, included: true, excluded: false },
      { noteId: 'n5', matched: false, included: true, excluded: true }
    ])
    expect(composed.candidates[2]).toMatchObject({
      articleId: 'a2',
      articleTitle: 'Accords d’Abraham : deux ans après',
      quote: 'relations de bas niveau',
      tags: [{ path: 'Acteurs/Maroc', color: '#059669' }],
      color: '#059669',
      fromSnapshot: false
    })
  })

  it('holds exactly the notes picked by hand when the filter is empty', () => {
    expect(itemIds(briefing({ includedNoteIds: ['n4', 'n1'] }))).toEqual(['n1', 'n4'])
  })
})

describe('grouping', () => {
  const filter = { tagIds: ['t-act', 't-def'] }

  it("'tag-top' files each note once, under the top of its first tag the filter asked for; untagged last", () => {
    const b = briefing({
      grouping: 'tag-top',
      filter,
      includedNoteIds: ['n4'],
      sections: { 't-act': { title: 'Protagonistes', intro: 'Qui parle.' }, untagged: { intro: 'Le reste.' } }
    })
    const { sections } = composeBriefing(b, library(), NOW).document
    expect(
      sections.map(({ heading, level, intro, items }) => [heading, level, intro, items.map((i) => i.noteId)])
    ).toEqual([
      ['Protagonistes', 1, 'Qui parle.', ['n1', 'n3', 'n5']],
      ['Thèmes', 1, '', ['n2']],
      ['Sans étiquette', 1, 'Le reste.', ['n4']]
    ])
    // Filtering on Maroc only, n2 is filed under Acteurs: its Défense tag was not asked for.
    const maroc = composeBriefing(briefing({ grouping: 'tag-top', filter: { tagIds: ['t-mar'] } }), library(), NOW)
    expect(maroc.document.sections.map((s) => [s.heading, s.items.map((i) => i.noteId)])).toEqual([
      ['Acteurs', ['n2', 'n3']]
    ])
  })

  it("'tag-full' nests sections by tag path and prints parents that hold nothing directly", () => {
    const { sections } = composeBriefing(briefing({ grouping: 'tag-full', filter }), library(), NOW).document
    expect(sections.map(({ heading, level, items }) => [heading, level, items.map((i) => i.noteId)])).toEqual([
      ['Acteurs', 1, ['n5']],
      ['Israël', 2, ['n1']],
      ['Maroc', 2, ['n3']],
      ['Thèmes', 1, []],
      ['Défense', 2, ['n2']]
    ])
    expect(sections.map((section) => section.key)).toEqual(['t-act', 't-isr', 't-mar', 'path:themes', 't-def'])
    // The parent without a tag of its own is keyed by its path, so it can still get a title and an intro.
    const titled = briefing({
      grouping: 'tag-full',
      filter,
      sections: { 'path:themes': { title: 'Sujets', intro: 'x' } }
    })
    expect(composeBriefing(titled, library(), NOW).document.sections[3]).toMatchObject({
      heading: 'Sujets',
      intro: 'x'
    })
  })

  it("'article' groups by source, in import order, under the article's title", () => {
    const b = briefing({ grouping: 'article', filter: ALL_ARTICLES, sections: { a2: { title: 'Abraham', intro: '' } } })
    const { sections } = composeBriefing(b, library(), NOW).document
    expect(sections.map((s) => [s.heading, s.items.map((i) => i.noteId)])).toEqual([
      ['Le chef d’état-major israélien en visite au Maroc', ['n2', 'n1']],
      ['Abraham', ['n3', 'n4']],
      ['Pegasus au Maroc', ['n5']]
    ])
  })

  it("'none' makes one section with no heading", () => {
    const b = briefing({ grouping: 'none', filter: ALL_ARTICLES, sections: { all: { intro: 'Tout.' } } })
    const { sections } = composeBriefing(b, library(), NOW).document
    expect(sections).toHaveLength(1)
    expect(sections[0]).toMatchObject({ heading: '', level: 1, intro: 'Tout.' })
    expect(sections[0]!.items).toHaveLength(5)
  })

  it('labels untagged notes in English for an English briefing', () => {
    const b = briefing({ grouping: 'tag-top', language: 'en', includedNoteIds: ['n4'] })
    expect(composeBriefing(b, library(), NOW).document.sections[0]!.heading).toBe('Untagged')
  })
})

describe('order', () => {
  it("'document' follows the articles' import order, then the position in the article", () => {
    expect(itemIds(briefing({ order: 'document', filter: ALL_ARTICLES }))).toEqual(['n2', 'n1', 'n3', 'n4', 'n5'])
  })

  it("'date' follows when the notes were made", () => {
    expect(itemIds(briefing({ order: 'date', filter: ALL_ARTICLES }))).toEqual(['n4', 'n1', 'n3', 'n2', 'n5'])
  })

  it("'manual' follows the list, then the notes it leaves out in document order", () => {
    expect(itemIds(briefing({ order: 'manual', manualOrder: ['n5', 'n3'], filter: ALL_ARTICLES }))).toEqual([
      'n5',
      'n3',
      'n2',
      'n1',
      'n4'
    ])
  })

  it('orders inside each section, not across them', () => {
    const b = briefing({ grouping: 'article', order: 'manual', manualOrder: ['n4', 'n1'], filter: ALL_ARTICLES })
    const { sections } = composeBriefing(b, library(), NOW).document
    expect(sections.map((s) => s.items.map((i) => i.noteId))).toEqual([['n1', 'n2'], ['n4', 'n3'], ['n5']])
  })
})

describe('items and sources', () => {
  it('numbers sources in order of first citation and cites a trashed article normally', () => {
    const b = briefing({ order: 'manual', manualOrder: ['n5', 'n3', 'n1'], filter: { articleIds: ['a1', 'a3', 'a2'] } })
    const { document } = composeBriefing(b, library(), NOW)
    expect(document.sources.map((s) => [s.number, s.articleId, s.title])).toEqual([
      [1, 'a3', 'Pegasus au Maroc'],
      [2, 'a2', 'Accords d’Abraham : deux ans après'],
      [3, 'a1', 'Le chef d’état-major israélien en visite au Maroc']
    ])
    expect(document.sources[2]).toEqual({
      number: 3,
      articleId: 'a1',
      title: 'Le chef d’état-major israélien en visite au Maroc',
      outlet: 'Le Desk',
      author: 'Rédaction',
      publishedAt: '2022-07-18',
      url: 'https://example.org/kochavi',
      language: 'fr'
    })
    expect(document.sections[0]!.items.map((item) => [item.noteId, item.sourceNumber])).toEqual([
      ['n5', 1],
      ['n3', 2],
      ['n1', 3],
      ['n2', 3],
      ['n4', 2]
    ])
  })

  it('gives the paragraph of the quote, or null for an orphaned note, and copies the rest as stored', () => {
    const b = briefing({
      filter: ALL_ARTICLES,
      frontMatter: { ...briefing().frontMatter, subtitle: `«${NBSP}Revue${NBSP}»` }
    })
    const { document } = composeBriefing(b, library(), NOW)
    const items = new Map(document.sections[0]!.items.map((item) => [item.noteId, item]))
    expect(items.get('n1')).toMatchObject({
      quote: 'l’armée israélienne',
      noteText: 'Objectif **officiel**',
      tags: [{ path: 'Acteurs/Israël', color: '#2563eb' }],
      color: '#2563eb',
      paragraph: 11,
      createdAt: '2024-02-01T10:00:00.000Z',
      anchor: NOTES[0]!.anchor
    })
    expect(items.get('n4')).toMatchObject({ color: '#222222', tags: [], paragraph: 6 })
    expect(items.get('n5')!.paragraph).toBeNull()
    expect(document).toMatchObject({ id: 'b1', language: 'fr', generatedAt: NOW.toISOString() })
    expect(document.frontMatter).toEqual(b.frontMatter)
    expect(document.frontMatter.subtitle).toBe(`«${NBSP}Revue${NBSP}»`)
  })

  it('trims quotes longer than the limit, leaves shorter ones whole, and never trims without a limit', () => {
    const long = 'Israël et le Maroc ont établi des relations de bas niveau dans les années 1990 avant de les rompre.'
    const lib = library({ notes: [note('long', 'a1', 0, long), note('short', 'a1', 200, 'vols directs')] })
    const trimmed = composeBriefing(briefing({ quoteLimit: 40, filter: { articleIds: ['a1'] } }), lib, NOW)
    expect(trimmed.document.sections[0]!.items.map((item) => item.quote)).toEqual([
      'Israël et le Maroc […] de les rompre.',
      'vols directs'
    ])
    // The composer's candidates keep the whole quote, to read while choosing.
    expect(trimmed.candidates[0]!.quote).toBe(long)
    const whole = composeBriefing(briefing({ quoteLimit: null, filter: { articleIds: ['a1'] } }), lib, NOW)
    expect(whole.document.sections[0]!.items[0]!.quote).toBe(long)
  })
})

describe('trimQuote', () => {
  it('cuts at word boundaries and keeps both ends', () => {
    expect(trimQuote('un deux trois quatre cinq six sept huit neuf dix', 25)).toBe('un deux […] neuf dix')
    expect(trimQuote('court', 20)).toBe('court')
  })

  it('never separates a guillemet or a colon from its word at a no-break space', () => {
    const quote = `Il a dit${NBSP}: «${NBSP}la coopération militaire est essentielle${NBSP}» hier soir à Rabat devant la presse`
    expect(trimQuote(quote, 40)).toBe(`Il a dit${NBSP}: «${NBSP}la […] devant la presse`)
    expect(trimQuote(quote, 30)).toBe(`Il a dit${NBSP}: […] la presse`)
  })

  it('counts an emoji or a flag once and never splits it', () => {
    const quote = `${'🇲🇦'.repeat(30)} puis ${'mot '.repeat(20)}fin 👨‍👩‍👧`
    const trimmed = trimQuote(quote, 30)
    expect(trimmed).toBe(`${'🇲🇦'.repeat(13)} […] mot fin 👨‍👩‍👧`)
    expect(trimQuote('🇲🇦'.repeat(20), 20)).toBe('🇲🇦'.repeat(20))
  })

  it('cuts inside a word only when the quote has no space to cut at', () => {
    expect(trimQuote('a'.repeat(50), 21)).toBe(`${'a'.repeat(8)} […] ${'a'.repeat(8)}`)
  })
})

describe('snapshots', () => {
  const b = briefing({ filter: { articleIds: ['a1', 'a2'] }, excludedNoteIds: ['n2'] })

  it('records each cited note and source', () => {
    const { snapshots, sourceSnapshots } = composeBriefingWithSnapshots(b, library(), NOW)
    expect(Object.keys(snapshots)).toEqual(['n1', 'n3', 'n4'])
    expect(snapshots.n3).toEqual({
      articleId: 'a2',
      anchor: NOTES[2]!.anchor,
      text: '',
      tagIds: ['t-mar'],
      tags: [{ id: 't-mar', path: 'Acteurs/Maroc', color: '#059669' }],
      color: '#111111',
      createdAt: '2024-02-02T08:00:00.000Z',
      updatedAt: '2024-02-01T10:00:00.000Z',
      paragraph: 1,
      asOf: '2024-03-04'
    })
    expect(Object.keys(sourceSnapshots).sort()).toEqual(['a1', 'a2'])
    expect(sourceSnapshots.a2).toMatchObject({
      title: 'Accords d’Abraham : deux ans après',
      importedAt: '2024-01-02T09:00:00.000Z'
    })
  })

  it('cites the notes of an article emptied from the trash from the snapshots, in the same place', () => {
    const first = composeBriefingWithSnapshots(b, library(), NOW)
    const stored = { ...b, snapshots: first.snapshots, sourceSnapshots: first.sourceSnapshots }
    // a2 is deleted for good, and the tag Maroc with it.
    const after = library({
      notes: NOTES.filter((n) => n.articleId !== 'a2'),
      articles: ARTICLES.filter((a) => a.id !== 'a2'),
      tags: TAGS.filter((t) => t.id !== 't-mar'),
      paragraphOf: (articleId, offset) => {
        if (articleId === 'a2') throw new Error('a snapshot keeps its paragraph')
        return Math.floor(offset / 10) + 1
      }
    })
    const second = composeBriefingWithSnapshots(stored, after, NOW)
    // The same document, each item of the deleted article saying it is cited from a copy.
    const fromCopy = { asOf: '2024-03-04', deleted: 'article' }
    expect(second.document).toEqual({
      ...first.document,
      sections: first.document.sections.map((section) => ({
        ...section,
        items: section.items.map((item) => (item.sourceNumber === 2 ? { ...item, snapshot: fromCopy } : item))
      }))
    })
    expect(second.candidates.find((c) => c.noteId === 'n3')).toMatchObject({
      fromSnapshot: true,
      articleTitle: 'Accords d’Abraham : deux ans après'
    })
    expect(second.snapshots).toEqual(first.snapshots)
    expect(second.sourceSnapshots).toEqual(first.sourceSnapshots)
    // Grouped by tag, the deleted tag still makes its section.
    const grouped = composeBriefing({ ...stored, grouping: 'tag-full' }, after, NOW).document.sections
    expect(grouped.map((s) => [s.heading, s.items.map((i) => i.noteId)])).toEqual([
      ['Acteurs', []],
      ['Israël', ['n1']],
      ['Maroc', ['n3']],
      ['Sans étiquette', ['n4']]
    ])
  })

  it('prefers the live note to its snapshot, and keeps the snapshot of a deleted note left out by hand', () => {
    const first = composeBriefingWithSnapshots(b, library(), NOW)
    const edited = NOTES.map((n) => (n.id === 'n1' ? { ...n, text: 'Revu' } : n)).filter((n) => n.id !== 'n4')
    const stored = { ...b, snapshots: first.snapshots, sourceSnapshots: first.sourceSnapshots, excludedNoteIds: ['n4'] }
    const second = composeBriefingWithSnapshots(stored, library({ notes: edited }), NOW)
    expect(second.document.sections[0]!.items.map((i) => [i.noteId, i.noteText])).toEqual([
      ['n2', ''],
      ['n1', 'Revu'],
      ['n3', '']
    ])
    expect(second.snapshots.n4).toEqual(first.snapshots.n4)
    expect(second.candidates.find((c) => c.noteId === 'n4')).toMatchObject({ excluded: true, fromSnapshot: true })
  })
})

describe('notes that need review', () => {
  // In a1's current text: r1 as highlighted, r2's words changed by an edit, r3's passage deleted.
  const reviewNotes: Note[] = [
    note('r1', 'a1', 10, 'coopération militaire', { tagIds: ['t-def'] }),
    note('r2', 'a1', 40, 'a démarré mardi sa visite au Maroc', {
      tagIds: ['t-def'],
      highlighted: {
        quote: { type: 'TextQuoteSelector', exact: 'a démarré lundi sa visite au Maroc', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 40, end: 74 }
      },
      anchorStatus: { state: 'moved', checkedAt: '2024-03-02T09:00:00.000Z' }
    }),
    note('r3', 'a1', 90, 'texte sans rapport', {
      tagIds: ['t-def'],
      highlighted: {
        quote: { type: 'TextQuoteSelector', exact: 'Ni le pays, ni l’entreprise', prefix: 'Pegasus. ', suffix: ',' },
        position: { type: 'TextPositionSelector', start: 120, end: 147 }
      },
      anchorStatus: { state: 'orphaned', checkedAt: '2024-03-02T09:00:00.000Z' }
    })
  ]
  const lib = library({ notes: reviewNotes })
  const fresh = (changes: Partial<Briefing> = {}): Briefing => ({
    ...newBriefing('b2', new Date('2024-03-01T00:00:00.000Z'), 'Revue'),
    grouping: 'none',
    filter: { ...newBriefing('b2', NOW, '').filter, tagIds: ['t-def'] },
    ...changes
  })

  it('leaves moved and orphaned notes out of a new briefing, and tells the composer which they are', () => {
    expect(fresh().includeNotesNeedingReview).toBe(false)
    const { document, candidates } = composeBriefing(fresh(), lib, NOW)
    expect(document.sections.flatMap((section) => section.items.map((item) => item.noteId))).toEqual(['r1'])
    expect(document.sections[0]!.items[0]).toMatchObject({ quote: 'coopération militaire', review: null })
    expect(candidates.map((c) => [c.noteId, c.anchorState, c.review, c.quote, c.excluded])).toEqual([
      ['r1', 'anchored', null, 'coopération militaire', false],
      ['r2', 'moved', 'moved', 'a démarré mardi sa visite au Maroc', false],
      ['r3', 'orphaned', 'orphaned', 'Ni le pays, ni l’entreprise', false]
    ])
  })

  it('includes them on request, each marked: the current text for a moved note, the words highlighted for an orphan', () => {
    const { document } = composeBriefing(fresh({ includeNotesNeedingReview: true }), lib, NOW)
    const items = document.sections[0]!.items
    expect(items.map((item) => [item.noteId, item.review, item.quote, item.paragraph])).toEqual([
      ['r1', null, 'coopération militaire', 2],
      ['r2', 'moved', 'a démarré mardi sa visite au Maroc', 5],
      ['r3', 'orphaned', 'Ni le pays, ni l’entreprise', null]
    ])
    // The selectors go with the quote printed: the moved note's current place, the orphan's highlight.
    expect(items[1]!.anchor).toEqual(reviewNotes[1]!.anchor)
    expect(items[2]!.anchor).toEqual(reviewNotes[2]!.highlighted)
    expect(items.map((item) => item.snapshot)).toEqual([null, null, null])
  })

  it('trims the current text of a moved note, not what was highlighted', () => {
    // An edit made a short highlight long: the limit applies to what the article says now.
    const grown = note('g', 'a1', 0, 'Kochavi a démarré mardi sa longue visite au Maroc', {
      tagIds: ['t-def'],
      highlighted: {
        quote: { type: 'TextQuoteSelector', exact: 'Kochavi', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 7 }
      },
      anchorStatus: { state: 'moved', checkedAt: '2024-03-02T09:00:00.000Z' }
    })
    const b = fresh({ includeNotesNeedingReview: true, quoteLimit: 24 })
    const { document } = composeBriefing(b, library({ notes: [grown] }), NOW)
    expect(document.sections[0]!.items[0]!.quote).toBe('Kochavi a […] au Maroc')
  })

  it('finds an orphan by the words highlighted, not by the stale text of its last place', () => {
    const byWords = (text: string) =>
      composeBriefing(fresh({ filter: { ...fresh().filter, tagIds: [], text } }), lib, NOW).candidates.map(
        (c) => c.noteId
      )
    expect(byWords('entreprise')).toEqual(['r3'])
    expect(byWords('rapport')).toEqual([])
  })

  it('keeps a note left out by hand out, whatever the switch, and snapshots the notes the switch leaves out', () => {
    const composed = composeBriefingWithSnapshots(
      fresh({ includeNotesNeedingReview: true, excludedNoteIds: ['r2'] }),
      lib,
      NOW
    )
    expect(composed.document.sections[0]!.items.map((item) => item.noteId)).toEqual(['r1', 'r3'])
    const off = composeBriefingWithSnapshots(fresh(), lib, NOW)
    expect(Object.keys(off.snapshots)).toEqual(['r1', 'r2', 'r3'])
    expect(off.snapshots.r3).toMatchObject({
      anchor: reviewNotes[2]!.anchor,
      highlighted: reviewNotes[2]!.highlighted,
      anchorStatus: { state: 'orphaned', checkedAt: '2024-03-02T09:00:00.000Z' },
      paragraph: null,
      asOf: '2024-03-04'
    })
    expect(off.snapshots.r1).not.toHaveProperty('highlighted')
    expect(off.snapshots.r1).not.toHaveProperty('anchorStatus')
  })

  it('cites the copy of a deleted article’s note as of the day it was last seen, and says a lone deleted note is one', () => {
    const first = composeBriefingWithSnapshots(fresh({ includeNotesNeedingReview: true }), lib, NOW)
    const stored = fresh({
      includeNotesNeedingReview: true,
      snapshots: first.snapshots,
      sourceSnapshots: first.sourceSnapshots
    })
    const later = new Date('2024-04-10T08:00:00.000Z')

    // a1 deleted for good: every note comes from its copy, dated the day it was taken.
    const gone = library({ notes: [], articles: ARTICLES.filter((a) => a.id !== 'a1') })
    const composed = composeBriefingWithSnapshots(stored, gone, later)
    const items = composed.document.sections[0]!.items
    expect(items.map((item) => [item.noteId, item.quote, item.review, item.snapshot])).toEqual([
      ['r1', 'coopération militaire', null, { asOf: '2024-03-04', deleted: 'article' }],
      ['r2', 'a démarré mardi sa visite au Maroc', 'moved', { asOf: '2024-03-04', deleted: 'article' }],
      ['r3', 'Ni le pays, ni l’entreprise', 'orphaned', { asOf: '2024-03-04', deleted: 'article' }]
    ])
    expect(composed.candidates.map((c) => [c.anchorState, c.review, c.fromSnapshot])).toEqual([
      ['snapshot', null, true],
      ['snapshot', 'moved', true],
      ['snapshot', 'orphaned', true]
    ])
    expect(composed.snapshots.r1!.asOf).toBe('2024-03-04')
    // The copies' notes needed review when taken: still left out by default.
    const byDefault = composeBriefing({ ...stored, includeNotesNeedingReview: false }, gone, later)
    expect(byDefault.document.sections[0]!.items.map((item) => item.noteId)).toEqual(['r1'])

    // Only r1 deleted, its article still there.
    const lone = composeBriefing(stored, library({ notes: reviewNotes.slice(1) }), later)
    expect(lone.document.sections[0]!.items[0]).toMatchObject({
      noteId: 'r1',
      snapshot: { asOf: '2024-03-04', deleted: 'note' }
    })
    // A live note's copy is refreshed to the day it is composed on.
    expect(composeBriefingWithSnapshots(stored, lib, later).snapshots.r1!.asOf).toBe('2024-04-10')
  })

  it('dates a copy made before copies were dated by the note’s last change', () => {
    const first = composeBriefingWithSnapshots(fresh(), lib, NOW)
    const legacy = { ...first.snapshots.r1! }
    delete legacy.asOf
    const stored = fresh({ snapshots: { r1: legacy }, sourceSnapshots: first.sourceSnapshots })
    const gone = library({ notes: [], articles: ARTICLES.filter((a) => a.id !== 'a1') })
    const composed = composeBriefingWithSnapshots(stored, gone, NOW)
    expect(composed.document.sections[0]!.items[0]!.snapshot).toEqual({ asOf: '2024-02-01', deleted: 'article' })
    expect(composed.snapshots.r1).not.toHaveProperty('asOf')
  })
})
