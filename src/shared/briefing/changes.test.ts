// The composer shows a change before the services store it, and batches changes made in
// quick succession: both must come out as the services' own application of them would.
import { describe, expect, it } from 'vitest'
import { applyBriefingChanges, mergeBriefingChanges } from './changes'
import { completeBriefing, newBriefing, type Briefing } from './spec'

const briefing = newBriefing('b1', new Date(Date.UTC(2024, 2, 4)), 'Revue de presse')

describe('applyBriefingChanges', () => {
  it('changes front matter and filter field by field, and other fields whole', () => {
    const changed = applyBriefingChanges(
      { ...briefing, sections: { a: { intro: 'Avant' } } },
      {
        frontMatter: { author: 'Cellule Afrique du Nord' },
        filter: { text: 'sécurité' },
        sections: { b: { title: 'Acteurs', intro: '' } }
      }
    )
    expect(changed.frontMatter).toEqual({ ...briefing.frontMatter, author: 'Cellule Afrique du Nord' })
    expect(changed.filter).toEqual({ ...briefing.filter, text: 'sécurité' })
    expect(changed.sections).toEqual({ b: { title: 'Acteurs', intro: '' } })
  })

  it('leaves a field sent as undefined alone, keeps null as a value, and drops repeated note ids', () => {
    const limited = applyBriefingChanges(briefing, { quoteLimit: 400 })
    const changed = applyBriefingChanges(limited, {
      quoteLimit: null,
      grouping: undefined,
      frontMatter: { title: undefined },
      excludedNoteIds: ['n1', 'n2', 'n1']
    })
    expect(changed.quoteLimit).toBeNull()
    expect(changed.grouping).toBe(briefing.grouping)
    expect(changed.frontMatter.title).toBe('Revue de presse')
    expect(changed.excludedNoteIds).toEqual(['n1', 'n2'])
    expect(briefing.quoteLimit).toBeNull()
  })
})

describe('including notes that need review', () => {
  it('is off in a new briefing and in one stored before the choice existed, and changes whole', () => {
    expect(briefing.includeNotesNeedingReview).toBe(false)
    const stored: Partial<Briefing> & { id: string } = { ...briefing }
    delete stored.includeNotesNeedingReview
    expect(completeBriefing(stored).includeNotesNeedingReview).toBe(false)
    const on = applyBriefingChanges(briefing, { includeNotesNeedingReview: true })
    expect(on.includeNotesNeedingReview).toBe(true)
    expect(applyBriefingChanges(on, { includeNotesNeedingReview: undefined }).includeNotesNeedingReview).toBe(true)
    expect(
      mergeBriefingChanges({ includeNotesNeedingReview: true, quoteLimit: 300 }, { includeNotesNeedingReview: false })
    ).toEqual({ includeNotesNeedingReview: false, quoteLimit: 300 })
  })
})

describe('mergeBriefingChanges', () => {
  it('lets the later change win field by field, inside front matter and filter too', () => {
    const merged = mergeBriefingChanges(
      { frontMatter: { title: 'Un', author: 'A' }, filter: { text: 'x' }, order: 'date' },
      { frontMatter: { title: 'Deux' }, filter: { tagMode: 'all' }, order: 'manual', manualOrder: ['n2', 'n1'] }
    )
    expect(merged).toEqual({
      frontMatter: { title: 'Deux', author: 'A' },
      filter: { text: 'x', tagMode: 'all' },
      order: 'manual',
      manualOrder: ['n2', 'n1']
    })
    const once = applyBriefingChanges(applyBriefingChanges(briefing, { frontMatter: { title: 'Un', author: 'A' } }), {
      frontMatter: { title: 'Deux' }
    })
    expect(
      applyBriefingChanges(
        briefing,
        mergeBriefingChanges({ frontMatter: { title: 'Un', author: 'A' } }, { frontMatter: { title: 'Deux' } })
      )
    ).toEqual(once)
  })
})
