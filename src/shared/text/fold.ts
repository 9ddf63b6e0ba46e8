/**
 * Folding for matching what a person types against French text: case, accents,
 * ligatures, typographic apostrophes and quotes, and the many kinds of space all compare
 * equal, so `securite` finds « sécurité » and `l'armee` finds « l’armée ».
 */
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ﬁ: 'fi', ﬂ: 'fl' }

export function foldForSearch(text: string): string {
  return text
    .replace(/[œŒæÆßﬁﬂ]/g, (letter) => LIGATURES[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ´`]/g, "'")
    .replace(/[«»“”„"]/g, ' ')
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim()
}

/** True when every word of the query appears, folded, somewhere in the haystack. */
export function matchesAllWords(haystack: string, query: string): boolean {
  const folded = foldForSearch(haystack)
  return foldForSearch(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => folded.includes(word))
}
