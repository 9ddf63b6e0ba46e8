/**
 * The article's language, so that search, spelling and exports can treat French and
 * English sources differently. A language the page declares beats a statistical guess;
 * the guess is made offline (tinyld) because Dossier never sends article text anywhere.
 */
import { createRequire } from 'node:module'
import type { detectAll as DetectAll } from 'tinyld'
import { BLOCK_SEPARATOR, type ArticleBlock } from '../../../shared/domain/article'

/**
 * tinyld, loaded on the first guess rather than with this module: its language profiles took
 * seconds to load on a busy machine, and the host imports this module (through start-up
 * housekeeping) long before any import needs a guess. Imports run in their worker, which
 * loads it on its first import (or its warm-up).
 */
let detectAll: typeof DetectAll | undefined
function detector(): typeof DetectAll {
  detectAll ??= (createRequire(import.meta.url)('tinyld') as { detectAll: typeof DetectAll }).detectAll
  return detectAll
}

/** Enough text for a stable guess; more only costs time. */
const SAMPLE_CHARS = 2000
/** Shorter text is too ambiguous to guess from ("Paris" is French, English and more). */
const MIN_CHARS = 40
/**
 * Dead and constructed languages nobody publishes news in, which tinyld still picks for
 * short Romance text (a French paragraph of headings scores as Latin).
 */
const NEVER_NEWS = new Set(['la', 'eo', 'ia', 'ie', 'io', 'vo'])

export function detectLanguage(blocks: readonly ArticleBlock[]): string | null {
  const sample = startOfText(blocks).replace(/\s+/g, ' ').trim()
  if (sample.length < MIN_CHARS) return null
  const likely = detector()(sample).find(({ lang }) => normaliseLanguage(lang) === lang && !NEVER_NEWS.has(lang))
  return likely?.lang ?? null
}

/** The text's first SAMPLE_CHARS characters, joining only the blocks they come from. */
function startOfText(blocks: readonly ArticleBlock[]): string {
  const taken: string[] = []
  let length = 0
  for (const block of blocks) {
    if (length >= SAMPLE_CHARS + BLOCK_SEPARATOR.length) break
    taken.push(block.text)
    length += block.text.length + BLOCK_SEPARATOR.length
  }
  return taken.join(BLOCK_SEPARATOR).slice(0, SAMPLE_CHARS)
}

/** 'fr-FR', 'fr_FR' and 'FR' all mean 'fr'; anything that is not an ISO 639-1 code is null. */
export function normaliseLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase()
  return primary && /^[a-z]{2}$/.test(primary) ? primary : null
}
