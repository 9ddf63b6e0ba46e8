/**
 * Spaces that differ only in kind: the no-break (U+00A0), narrow no-break (U+202F), thin
 * (U+2009) and figure (U+2007) spaces that French typography puts where an ordinary one
 * stood. Which kind of space sits between two words is typesetting, not wording: a newer
 * version of an article set with French spacing holds the same quotes as the old one.
 */
const SPACE_KINDS = /[\u00a0\u202f\u2009\u2007]/g

/** Every such space as an ordinary one: one character for one, so offsets carry over unchanged. */
export function foldSpaceKinds(text: string): string {
  return text.replace(SPACE_KINDS, ' ')
}

/** The same words, whatever kind of space separates them. */
export function sameWords(a: string, b: string): boolean {
  return a === b || foldSpaceKinds(a) === foldSpaceKinds(b)
}
