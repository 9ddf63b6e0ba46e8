/**
 * citeproc writes HTML (`<i>`, `<span style="font-style:normal">` inside italics, entities);
 * exporters want runs of text marked italic or not, which Markdown, HTML and Word each
 * render their own way. This reads the little HTML citeproc produces into those runs, and
 * drops every other tag: only the words and their italics cross into a document.
 */
import type { StyledRun } from '../../../shared/briefing/styledCitations'

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10))
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole
  })
}

/** Whether an opening tag turns italics on, off, or leaves them as they were (null). */
function italicOf(tag: string, attributes: string): boolean | null {
  if (tag === 'i' || tag === 'em') return true
  const style = /style="([^"]*)"/i.exec(attributes)?.[1] ?? ''
  if (/font-style:\s*italic/i.test(style)) return true
  if (/font-style:\s*normal/i.test(style)) return false
  return null
}

/** Runs of citeproc's HTML output, whitespace at both ends and line breaks folded away. */
export function htmlToRuns(html: string): StyledRun[] {
  const runs: StyledRun[] = []
  const italics: boolean[] = [false]
  const token = /<(\/?)([a-z][a-z0-9]*)([^>]*?)(\/?)>|([^<]+)/gi
  for (const match of html.matchAll(token)) {
    const [, closing, tag, attributes, selfClosing, text] = match
    if (text !== undefined) {
      const words = decodeEntities(text).replace(/\s*\n\s*/g, ' ')
      const italic = italics[italics.length - 1] ?? false
      const last = runs[runs.length - 1]
      if (last && Boolean(last.italic) === italic) last.text += words
      else runs.push(italic ? { text: words, italic } : { text: words })
    } else if (closing) {
      if (italics.length > 1) italics.pop()
    } else if (!selfClosing && tag?.toLowerCase() !== 'br') {
      italics.push(italicOf(tag?.toLowerCase() ?? '', attributes ?? '') ?? italics[italics.length - 1] ?? false)
    }
  }
  return trimRuns(runs)
}

function trimRuns(runs: StyledRun[]): StyledRun[] {
  const first = runs[0]
  if (first) first.text = first.text.trimStart()
  const last = runs[runs.length - 1]
  if (last) last.text = last.text.trimEnd()
  return runs.filter((run) => run.text !== '')
}
