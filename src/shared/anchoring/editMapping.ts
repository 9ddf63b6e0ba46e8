/**
 * Carries highlights through an edit made in Dossier, where both the old and the new text
 * are known. Searching the new text for the quote (anchor.ts) cannot tell « Pegasus »
 * replaced by « ce logiciel » from the other « Pegasus » two paragraphs down; the diff can,
 * because it says which characters survived and where they went. So a highlight follows
 * its own characters, as QualCoder's codings do: never another occurrence of the same words.
 *
 * The diff is diff-match-patch's (@sanity/diff-match-patch, a maintained TypeScript fork of
 * Google's library): it strips the common prefix and suffix first, so one local edit in a
 * 3 MB article costs about as much as the edit, and its time limit bounds a wholesale
 * rewrite, where a less minimal diff is still a correct one.
 *
 * Plan apart from apply: `diffTexts` turns two texts into hunks, `mapRange` maps one range
 * through them. Both are pure; what a note stores is decided in notes/placement.ts.
 */
import { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, makeDiff } from '@sanity/diff-match-patch'
import type { TextRange } from './selectors'

/** Old [oldStart, oldEnd) became new [newStart, newEnd); an insertion has oldStart === oldEnd. */
export interface Hunk {
  oldStart: number
  oldEnd: number
  newStart: number
  newEnd: number
}

/**
 * An unchanged stretch shorter than this between two changes is taken as part of one
 * change. A minimal diff of « Pegasus » → « ce logiciel » keeps the « e », « g » and « s »
 * the two words share; a one-letter highlight on that « g » would then survive, on letters
 * the user retyped. Real untouched text between two edits of one save is a clause or more.
 * The common beginning and end of the two texts are never merged: they are the text's
 * untouched beginning and end, however short.
 */
export const MIN_TRUSTED_EQUALITY = 16

/**
 * diff-match-patch's time limit in seconds. A local edit takes microseconds; a pasted
 * replacement of a whole 3 MB article gets a coarser diff after this, never a wrong one.
 */
const DIFF_TIMEOUT_SECONDS = 0.5

export function diffTexts(oldText: string, newText: string): Hunk[] {
  if (oldText === newText) return []
  // The common prefix and suffix are set aside here rather than left to the library: its
  // clean-up slides an edit within a run of equal letters (one more space typed into two),
  // and a highlight on one of those letters would move with it. Set aside first, every edit
  // sits as late as the shared beginning allows, the same place for the same two texts.
  const prefix = commonPrefixLength(oldText, newText)
  const suffix = commonSuffixLength(oldText, newText, prefix)
  const oldMiddle = oldText.slice(prefix, oldText.length - suffix)
  const newMiddle = newText.slice(prefix, newText.length - suffix)
  const hunks: Hunk[] = []
  let oldAt = prefix
  let newAt = prefix
  let open: Hunk | null = null
  for (const [operation, text] of makeDiff(oldMiddle, newMiddle, {
    timeout: DIFF_TIMEOUT_SECONDS,
    checkLines: false
  })) {
    if (operation === DIFF_EQUAL && text.length >= MIN_TRUSTED_EQUALITY) {
      if (open) hunks.push(open)
      open = null
    } else {
      // A change, or an unchanged stretch too short to trust, absorbed into the change around it.
      open ??= { oldStart: oldAt, oldEnd: oldAt, newStart: newAt, newEnd: newAt }
    }
    if (operation !== DIFF_INSERT) oldAt += text.length
    if (operation !== DIFF_DELETE) newAt += text.length
    if (open) {
      open.oldEnd = oldAt
      open.newEnd = newAt
    }
  }
  if (open) hunks.push(open)
  return hunks
}

function commonPrefixLength(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length)
  let length = 0
  while (length < shorter && a.charCodeAt(length) === b.charCodeAt(length)) length += 1
  return length
}

/** The common suffix, not reaching into the first `taken` characters of either text. */
function commonSuffixLength(a: string, b: string, taken: number): number {
  const room = Math.min(a.length, b.length) - taken
  let length = 0
  while (length < room && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length += 1
  return length
}

/**
 * What became of a range:
 * - `intact`: no character of it changed and nothing was inserted inside it;
 * - `changed`: some of its characters survived; `range` spans from its first to its last
 *   surviving edge, with whatever replaced the characters at its edges;
 * - `deleted`: every one of its characters is gone; `at` is where they stood in the new text.
 */
export type MappedRange = { fate: 'intact' | 'changed'; range: TextRange } | { fate: 'deleted'; at: number }

/**
 * Insertions exactly at a range's edge stay outside it: typing just after a highlight
 * must not stretch the highlight over the new words.
 */
export function mapRange(hunks: readonly Hunk[], range: TextRange): MappedRange {
  const { start, end } = range
  let shift = 0
  const touching: Hunk[] = []
  for (const hunk of hunks) {
    if (hunk.oldStart >= end) break
    // Wholly before the range; an insertion at its very start is before it too.
    if (hunk.oldEnd <= start) shift += growth(hunk)
    else touching.push(hunk)
  }
  if (touching.length === 0) return { fate: 'intact', range: { start: start + shift, end: end + shift } }

  const first = touching[0]!
  const last = touching[touching.length - 1]!
  let removed = 0
  for (const hunk of touching) removed += Math.min(end, hunk.oldEnd) - Math.max(start, hunk.oldStart)
  // Hunks cover the characters they replace, so when all are gone the first hunk began at or before the range.
  if (removed === end - start) return { fate: 'deleted', at: first.newStart }
  const grown = touching.reduce((sum, hunk) => sum + growth(hunk), 0)
  return {
    fate: 'changed',
    range: {
      start: first.oldStart <= start ? first.newStart : start + shift,
      end: last.oldEnd >= end ? last.newEnd : end + shift + grown
    }
  }
}

/** Where a point of the old text is in the new one; a point at or inside a change goes to that change's start. */
export function mapPoint(hunks: readonly Hunk[], offset: number): number {
  let shift = 0
  for (const hunk of hunks) {
    if (hunk.oldStart > offset) break
    if (hunk.oldStart === offset || hunk.oldEnd > offset) return hunk.newStart
    shift += growth(hunk)
  }
  return offset + shift
}

function growth(hunk: Hunk): number {
  return hunk.newEnd - hunk.newStart - (hunk.oldEnd - hunk.oldStart)
}
