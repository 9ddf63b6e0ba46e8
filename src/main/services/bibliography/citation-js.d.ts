/**
 * The little of citation-js 0.7 Dossier uses; the packages ship no types. Formats are
 * registered by importing their plugins for their side effect.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string })
    data: Record<string, unknown>[]
    format(format: 'bibtex' | 'ris' | 'data', options?: Record<string, unknown>): string
  }
  export const plugins: {
    config: { get(plugin: '@bibtex'): { format: { asciiOnly: boolean; useIdAsLabel: boolean } } }
  }
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
