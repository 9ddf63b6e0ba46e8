/**
 * Citations as a CSL style writes them, in a form every exporter can render without
 * knowing CSL: short runs of text, some in italics (ISO 690 sets titles in italics, APA the
 * outlet). The CSL processor runs in the main process (services/citations); the document
 * carries only its output, so Markdown, HTML and Word (and PDF, printed from the HTML) print
 * the same words. JSON-LD leaves the style out on purpose: it is data, naming each source by
 * address and selectors (see the comment in services/export/jsonld.ts).
 */

/** A piece of citation text; `italic` where the style sets it in italics. */
export interface StyledRun {
  text: string
  italic?: boolean
}

export interface StyledCitations {
  /** The style's id and its title, as its CSL file names it. */
  styleId: string
  styleTitle: string
  /** By note id: the citation printed under the note's quote, with its page or paragraph. */
  items: Record<string, StyledRun[]>
  /** By source number: the entry of the sources list. */
  sources: Record<number, StyledRun[]>
}

/** The runs as plain text, where italics cannot be set (a style's test citation) and for tests. */
export function plainText(runs: readonly StyledRun[]): string {
  return runs.map((run) => run.text).join('')
}

/** A citation style a briefing can pick, as the composer lists them. */
export interface CitationStyleInfo {
  id: string
  /** As the style's CSL file names itself. */
  title: string
  /** Shipped with Dossier, or added by the analyst from a `.csl` file (named here). */
  origin: 'bundled' | 'added'
  fileName?: string
}
