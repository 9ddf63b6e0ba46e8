/**
 * Markdown clippings (Obsidian Web Clipper, MarkDownload, Zotero notes) carry the
 * article's title, author, date and URL in a YAML front-matter block. Read as Markdown it
 * would become a rule and a stray heading, so the block is lifted off and its few
 * well-known keys become metadata. Only flat `key: value` lines are understood; anything
 * fancier is left in the text rather than half-parsed.
 */
import { cleanMetadataText } from './metadataText'

export interface FrontMatter {
  title: string | null
  author: string | null
  date: string | null
  url: string | null
  outlet: string | null
  language: string | null
}

const BLOCK = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/
const KEY_VALUE = /^([A-Za-z_][\w -]*?)\s*:\s*(.*)$/
/** Continuation lines (indented values, list items) are allowed but not read. */
const CONTINUATION = /^(?:\s+\S|\s*-\s)/

const KEYS: Record<keyof FrontMatter, readonly string[]> = {
  title: ['title'],
  author: ['author', 'authors', 'byline'],
  date: ['published', 'date', 'published_at', 'publishedat', 'created'],
  url: ['source', 'url', 'source_url', 'link', 'canonical'],
  outlet: ['site', 'site_name', 'outlet', 'publication', 'publisher'],
  language: ['lang', 'language']
}

export function splitFrontMatter(markdown: string): { frontMatter: FrontMatter | null; body: string } {
  const match = BLOCK.exec(markdown)
  const fields = match ? parseFields(match[1] ?? '') : null
  // Without a key we know, this may be a rule, a paragraph and a rule: leave it to Markdown.
  if (!match || !fields || !hasKnownKey(fields)) return { frontMatter: null, body: markdown }
  return { frontMatter: pickKnownKeys(fields), body: markdown.slice(match[0].length) }
}

function parseFields(block: string): Map<string, string> | null {
  const fields = new Map<string, string>()
  for (const line of block.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#') || CONTINUATION.test(line)) continue
    const pair = KEY_VALUE.exec(line)
    if (!pair) return null
    const [, key = '', value = ''] = pair
    fields.set(key.trim().toLowerCase(), unquote(value.trim()))
  }
  return fields.size > 0 ? fields : null
}

function hasKnownKey(fields: ReadonlyMap<string, string>): boolean {
  return Object.values(KEYS).some((names) => names.some((name) => fields.has(name)))
}

function pickKnownKeys(fields: ReadonlyMap<string, string>): FrontMatter {
  const pick = (names: readonly string[]): string | null =>
    names.map((name) => fields.get(name)).find((value): value is string => Boolean(value)) ?? null
  return {
    title: pick(KEYS.title),
    author: pick(KEYS.author),
    date: pick(KEYS.date),
    url: pick(KEYS.url),
    outlet: pick(KEYS.outlet),
    language: pick(KEYS.language)
  }
}

/** YAML quoting and Obsidian's `[[wiki links]]` are syntax, not part of the value. */
function unquote(value: string): string {
  const unquoted = /^(["'])(.*)\1$/.exec(value)?.[2] ?? value
  return cleanMetadataText(unquoted.replace(/^\[\[(.*)\]\]$/, '$1')) ?? ''
}
