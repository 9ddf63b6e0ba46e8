/**
 * Tag paths as text: « Acteurs/Israël » is a hierarchy written with '/'. Kept apart from the
 * tag operations (tags.ts) so the filters (tagFilter.ts) can compare paths without importing
 * the operations that use them. Every comparison is folded (case, accents, ligatures): an
 * analyst who types « acteurs/israel » means « Acteurs/Israël ».
 */
import { foldForSearch } from '../text/fold'

export const TAG_SEPARATOR = '/'
export const TAG_MAX_LEVELS = 6
export const TAG_MAX_NAME_LENGTH = 80

/** The path's levels, each trimmed with inner runs of spaces made one; empty levels dropped. */
export function tagSegments(path: string): string[] {
  return path
    .split(TAG_SEPARATOR)
    .map((segment) => segment.trim().replace(/\s+/g, ' '))
    .filter((segment) => segment !== '')
}

export function normaliseTagPath(input: string): string {
  return tagSegments(input).join(TAG_SEPARATOR)
}

/** Folded per segment, so the separator survives and stray spaces around it do not matter. */
export function foldTagPath(path: string): string {
  return tagSegments(path).map(foldForSearch).join(TAG_SEPARATOR)
}

/** Null when the (normalised) path is acceptable, else a reason to show the analyst. */
export function validateTagPath(path: string): string | null {
  const segments = tagSegments(path)
  if (segments.length === 0) return 'a tag needs a name'
  // Code points, not UTF-16 units, so an emoji or a rare letter counts once.
  if (segments.some((segment) => [...segment].length > TAG_MAX_NAME_LENGTH)) {
    return `a tag name is at most ${TAG_MAX_NAME_LENGTH} characters per level`
  }
  if (segments.length > TAG_MAX_LEVELS) return `a tag path has at most ${TAG_MAX_LEVELS} levels`
  return null
}

export function parentPath(path: string): string | null {
  const segments = tagSegments(path)
  return segments.length > 1 ? segments.slice(0, -1).join(TAG_SEPARATOR) : null
}

export function leafName(path: string): string {
  return tagSegments(path).at(-1) ?? ''
}

/** Segment-wise, so 'Acteurs2' is not under 'Acteurs'; an empty ancestor contains nothing. */
export function isSameOrDescendant(path: string, ancestor: string): boolean {
  const folded = foldTagPath(path)
  const foldedAncestor = foldTagPath(ancestor)
  if (foldedAncestor === '') return false
  return folded === foldedAncestor || folded.startsWith(foldedAncestor + TAG_SEPARATOR)
}

/** `path` with its first `prefixLevels` segments replaced by `newPrefix`: how a branch moves. */
export function replacePrefix(path: string, prefixLevels: number, newPrefix: string): string {
  return [...tagSegments(newPrefix), ...tagSegments(path).slice(prefixLevels)].join(TAG_SEPARATOR)
}
