/**
 * citation-js with the formats Dossier reads and writes, loaded once. Its BibTeX writer is
 * kept out of its ASCII mode, which decomposes text before escaping it: « … » became « ... »,
 * no-break spaces plain ones, and « é » `{\' e}`, which not every reader takes. BibTeX is
 * written in UTF-8 instead, as Zotero writes and reads it, and bibliography.ts escapes the
 * few characters BibTeX itself gives a meaning to.
 */
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'

plugins.config.get('@bibtex').format.asciiOnly = false

export { Cite }
