/**
 * Text into Word runs and paragraphs, for every part of an exported briefing. All user and
 * article text enters the document through `clean()`: the docx library escapes markup but
 * lets through characters that XML 1.0 forbids, and one of them makes Word refuse the whole
 * file.
 */
import { HeadingLevel, Paragraph, TextRun, type IRunOptions } from 'docx'
import type { StyledRun } from '../../../shared/briefing/styledCitations'
import { paragraphsOf, splitEmphasis } from './emphasis'

/** Word wants a language with a region to pick its dictionary; these are the usual ones. */
const DEFAULT_REGIONS: Record<string, string> = {
  fr: 'fr-FR',
  en: 'en-US',
  de: 'de-DE',
  es: 'es-ES',
  it: 'it-IT',
  pt: 'pt-PT',
  nl: 'nl-NL'
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6
] as const

type RunOptions = Omit<IRunOptions, 'text' | 'children' | 'break'>

/**
 * Drops what XML 1.0 cannot carry (C0 controls other than tab and line breaks, lone surrogates,
 * U+FFFE/U+FFFF). The docx library escapes `<` and `&` but not these, and Word reports a
 * file holding one of them as corrupt.
 */
export function clean(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
}

/** `fr` → `fr-FR`: Word picks its dictionary from a language with a region. */
export function wordLanguage(language: string): string {
  const parts = language.trim().replace(/_/g, '-').split('-')
  const base = (parts[0] ?? '').toLowerCase()
  if (!/^[a-z]{2,3}$/.test(base)) return 'fr-FR'
  const region = parts.find((part, i) => i > 0 && /^([a-z]{2}|\d{3})$/i.test(part))
  if (region) return `${base}-${region.toUpperCase()}`
  return DEFAULT_REGIONS[base] ?? base
}

/**
 * Runs for lines of text, a Word line break (`w:br`) between them: a newline inside `w:t`
 * shows as a space.
 */
export function lineRuns(lines: string[], options: RunOptions = {}): TextRun[] {
  return lines.map((line, i) => new TextRun({ ...options, text: clean(line), ...(i > 0 ? { break: 1 } : {}) }))
}

export function runs(text: string, options: RunOptions = {}): TextRun[] {
  return lineRuns(text.replace(/\r\n?/g, '\n').split('\n'), options)
}

/** One line of note text, its `**strong**` and `*em*` as bold and italic runs; the rest literal. */
export function emphasisRuns(line: string, lineBreak: boolean): TextRun[] {
  return splitEmphasis(line).map(
    (run, i) =>
      new TextRun({
        text: clean(run.text),
        bold: run.kind === 'strong' || undefined,
        italics: run.kind === 'em' || undefined,
        ...(lineBreak && i === 0 ? { break: 1 } : {})
      })
  )
}

/** User text as Word paragraphs: a blank line starts a paragraph, a newline breaks the line. */
export function textParagraphs(text: string, style?: string): Paragraph[] {
  return paragraphsOf(text).map(
    (lines) =>
      new Paragraph({
        ...(style ? { style } : {}),
        children: lines.flatMap((line, i) => emphasisRuns(line, i > 0))
      })
  )
}

/** A Word heading (levels past 6 become 6), kept with what follows it. */
export function heading(text: string, level: number): Paragraph {
  const index = Math.min(Math.max(Math.round(level), 1), HEADINGS.length) - 1
  return new Paragraph({ heading: HEADINGS[index], keepNext: true, children: runs(text) })
}

/** The hex colour Word wants (no `#`), or null when the stored colour is not a plain RGB one. */
export function wordColor(color: string | null): string | null {
  const match = color ? /^#?([0-9a-f]{6})$/i.exec(color.trim()) : null
  return match?.[1]?.toUpperCase() ?? null
}

/** A CSL style's runs, its italics kept. */
export function styledTextRuns(styled: readonly StyledRun[], options: RunOptions = {}): TextRun[] {
  return styled.map(
    (run) => new TextRun({ ...options, text: clean(run.text), ...(run.italic ? { italics: true } : {}) })
  )
}
