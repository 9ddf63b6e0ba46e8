/**
 * Reads a BibTeX file back as a reference manager does, with citation-js (what the unit
 * tests use, and what Zotero's own import agrees with), so a spec can compare the fields of
 * an exported bibliography with what the analyst entered. citation-js ships no types and is
 * loaded with require, the way its plugins register themselves.
 */
import { createRequire } from 'node:module'

/** One reference as citation-js reads it: CSL-JSON fields (type, title, author, issued…). */
export type CslEntry = Record<string, unknown>

const load = createRequire(__filename)
const { Cite } = load('@citation-js/core') as { Cite: new (data: string) => { data: CslEntry[] } }
load('@citation-js/plugin-bibtex')

export function readBibtex(text: string): CslEntry[] {
  return new Cite(text).data
}
