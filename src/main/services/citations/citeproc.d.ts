/**
 * The part of citeproc-js Dossier calls (the package ships no types): an engine built from a
 * style's XML, a locale and the items it may cite, formatting citations and a bibliography.
 */
declare module 'citeproc' {
  interface CiteprocSys {
    retrieveLocale(language: string): string | undefined
    retrieveItem(id: string): unknown
  }
  interface CitationItem {
    id: string
    locator?: string
    label?: string
  }
  interface Engine {
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void
    updateItems(ids: string[]): void
    makeCitationCluster(items: CitationItem[]): string
    /** False when the style has no bibliography; else its settings and one HTML entry per item. */
    makeBibliography(): false | [{ entry_ids: string[][] }, string[]]
    opt: { xclass?: string }
  }
  const CSL: {
    Engine: new (sys: CiteprocSys, style: string, language?: string, forceLanguage?: boolean) => Engine
  }
  export default CSL
}
