/**
 * What the composer may change in a briefing, and how changes combine: front matter and
 * filter change field by field, everything else whole. The services apply changes to the
 * stored briefing with this, and the composer applies them to what it shows before the
 * save returns, so both agree on the result.
 */
import type { BriefingFrontMatter } from './document'
import type { Briefing, BriefingFilter } from './spec'

type WholeFields =
  | 'grouping'
  | 'order'
  | 'manualOrder'
  | 'sections'
  | 'quoteLimit'
  | 'includeNotesNeedingReview'
  | 'showTags'
  | 'citationStyle'
  | 'language'

export type BriefingChanges = Partial<Pick<Briefing, WholeFields | 'includedNoteIds' | 'excludedNoteIds'>> & {
  frontMatter?: Partial<BriefingFrontMatter>
  filter?: Partial<BriefingFilter>
}

/** A field sent as undefined leaves the one before alone; null is a value (no quote limit). */
function defined<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>
}

function unique(ids: readonly string[] | undefined): string[] | undefined {
  return ids && [...new Set(ids)]
}

/** The briefing with `changes` applied; note id lists lose their repeats. */
export function applyBriefingChanges(briefing: Briefing, changes: BriefingChanges): Briefing {
  const { frontMatter, filter, ...whole } = changes
  return {
    ...briefing,
    ...defined({
      ...whole,
      includedNoteIds: unique(whole.includedNoteIds),
      excludedNoteIds: unique(whole.excludedNoteIds),
      manualOrder: unique(whole.manualOrder)
    }),
    frontMatter: { ...briefing.frontMatter, ...defined(frontMatter ?? {}) },
    filter: { ...briefing.filter, ...defined(filter ?? {}) }
  }
}

/** Two changes as one, the later winning field by field: what is sent when saves are batched. */
export function mergeBriefingChanges(earlier: BriefingChanges, later: BriefingChanges): BriefingChanges {
  return {
    ...earlier,
    ...defined(later),
    ...(earlier.frontMatter || later.frontMatter
      ? { frontMatter: { ...earlier.frontMatter, ...defined(later.frontMatter ?? {}) } }
      : {}),
    ...(earlier.filter || later.filter ? { filter: { ...earlier.filter, ...defined(later.filter ?? {}) } } : {})
  }
}
