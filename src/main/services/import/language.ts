/**
 * The article's language, so that search, spelling and exports can treat French and
 * English sources differently. A language the page declares beats a statistical guess;
 * the guess is made offline (tinyld) because Dossier never sends article text anywhere.
 */
import { detectAll } from 'tinyld'
import { articlePlainText, type ArticleBlock } from '../../../shared/domain/article'

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
  const sample = articlePlainText(blocks).slice(0, SAMPLE_CHARS).replace(/\s+/g, ' ').trim()
  if (sample.length < MIN_CHARS) return null
  const likely = detectAll(sample).find(({ lang }) => normaliseLanguage(lang) === lang && !NEVER_NEWS.has(lang))
  return likely?.lang ?? null
}

/** 'fr-FR', 'fr_FR' and 'FR' all mean 'fr'; anything that is not an ISO 639-1 code is null. */
export function normaliseLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase()
  return primary && /^[a-z]{2}$/.test(primary) ? primary : null
}
