/**
 * Briefings as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), so the notes
 * behind a briefing can be read by other annotation tools (Hypothesis, Recogito, IIIF viewers)
 * rather than only printed. Notes are already stored with the model's own selectors, so each
 * item maps onto one Annotation without loss: the note text and tags become bodies, the
 * highlighted passage the target.
 *
 * The target carries the quote as the article has it now (the anchor's selectors), not the
 * composer's display quote, which may be trimmed with `[…]`: a selector must match the text.
 * An orphaned note has no place in the text any more: its target keeps only the quote it was
 * highlighted with, which no position could point to. A note on the whole article targets the
 * article itself, with no selector: the model's way of saying the whole resource.
 *
 * What the model has no words for is said with Dossier's own terms, under the `dossier:`
 * prefix, declared in the context only when an annotation uses one (so a briefing of intact
 * notes is plain Web Annotation): `dossier:anchorState` ('moved' or 'orphaned') on a note
 * included though it needs review, and `dossier:deleted` ('article' or 'note') with
 * `dossier:asOf` (YYYY-MM-DD) on a note cited from the briefing's copy after its deletion,
 * and `dossier:page` on a quote from a PDF (the page other formats cite as « p. 12 »).
 *
 * The briefing's citation style is left out on purpose: JSON-LD is data, not prose. A style
 * is the words a reader sees (BENALI Nadia, « Titre », Le Desk, 19 juillet 2022, p. 3);
 * an annotation names its source by address and its place by selectors and page, from which
 * the tool that reads it writes citations in its own style. The prose formats (Markdown,
 * HTML, Word, and PDF printed from the HTML) are the ones that write the style's words.
 */
import { countItems, type BriefingDocument, type BriefingItem } from '../../../shared/briefing/document'
import type { BriefingExporter } from './exporter'
import { labelsFor, sourceIndex, webAddress } from './labels'

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
/** Where Dossier's own terms live: `dossier:anchorState` is `urn:dossier:vocab:anchorState`. */
export const DOSSIER_CONTEXT = { dossier: 'urn:dossier:vocab:' } as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type TextQuoteSelector = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
type TextPositionSelector = { type: 'TextPositionSelector'; start: number; end: number }

interface TextualBody {
  type: 'TextualBody'
  purpose: 'commenting' | 'tagging'
  value: string
  format?: string
  language?: string
}

export interface WebAnnotation {
  id: string
  type: 'Annotation'
  created: string
  modified: string
  motivation: 'highlighting' | 'commenting'
  body?: TextualBody[]
  target: {
    source: string
    /**
     * Only the quote for an orphaned note, which has no position in the article's text; none
     * for a note on the whole article.
     */
    selector?: [TextQuoteSelector, TextPositionSelector] | [TextQuoteSelector]
  }
  /** The note needs review: its passage changed since highlighted, or is no longer in the article. */
  'dossier:anchorState'?: 'moved' | 'orphaned'
  /** Cited from the briefing's copy: the note, or its whole article, was deleted for good. */
  'dossier:deleted'?: 'article' | 'note'
  /** With `dossier:deleted`: the last day (YYYY-MM-DD) the briefing saw the note. */
  'dossier:asOf'?: string
  /** For a PDF source: the 1-based page the quote's paragraph starts on, as the other formats cite it. */
  'dossier:page'?: number
}

export interface WebAnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT | [typeof ANNOTATION_CONTEXT, typeof DOSSIER_CONTEXT]
  id: string
  type: 'AnnotationCollection'
  label: string
  total: number
  generated: string
  generator: { type: 'Software'; name: string }
  first: {
    id: string
    type: 'AnnotationPage'
    startIndex: 0
    items: WebAnnotation[]
  }
}

/**
 * Notes have random UUIDs, which the model prefers as `urn:uuid:` IRIs; any other id still
 * needs to be a valid IRI, so it gets an app-specific URN instead of a malformed `urn:uuid:`.
 */
function noteIri(noteId: string): string {
  return UUID.test(noteId) ? `urn:uuid:${noteId.toLowerCase()}` : `urn:dossier:note:${encodeURIComponent(noteId)}`
}

/** `showTags` off (a deliverable's default) leaves the tagging bodies out, as every other format leaves the tags. */
function annotation(item: BriefingItem, source: string, language: string, showTags: boolean): WebAnnotation {
  const body: TextualBody[] = []
  if (item.noteText.trim() !== '') {
    body.push({ type: 'TextualBody', purpose: 'commenting', value: item.noteText, format: 'text/markdown', language })
  }
  for (const tag of showTags ? item.tags : []) {
    if (tag.path.trim() !== '') body.push({ type: 'TextualBody', purpose: 'tagging', value: tag.path })
  }
  if (item.kind === 'article') {
    return {
      id: noteIri(item.noteId),
      type: 'Annotation',
      created: item.createdAt,
      modified: item.updatedAt,
      motivation: 'commenting',
      ...(body.length ? { body } : {}),
      target: { source },
      ...(item.snapshot ? { 'dossier:deleted': item.snapshot.deleted, 'dossier:asOf': item.snapshot.asOf } : {})
    }
  }
  const { quote, position } = item.anchor
  const quoteSelector: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix
  }
  return {
    id: noteIri(item.noteId),
    type: 'Annotation',
    created: item.createdAt,
    modified: item.updatedAt,
    motivation: item.noteText.trim() !== '' ? 'commenting' : 'highlighting',
    // The model makes body optional; an empty array would claim a body that is not there.
    ...(body.length ? { body } : {}),
    target: {
      source,
      selector:
        item.review === 'orphaned'
          ? [quoteSelector]
          : [quoteSelector, { type: 'TextPositionSelector', start: position.start, end: position.end }]
    },
    ...(item.review ? { 'dossier:anchorState': item.review } : {}),
    ...(item.page !== null ? { 'dossier:page': item.page } : {}),
    ...(item.snapshot ? { 'dossier:deleted': item.snapshot.deleted, 'dossier:asOf': item.snapshot.asOf } : {})
  }
}

function usesDossierTerms(annotation: WebAnnotation): boolean {
  return Object.keys(annotation).some((key) => key.startsWith('dossier:'))
}

/** The briefing as one AnnotationCollection whose single page holds every item, in briefing order. */
export function toWebAnnotations(document: BriefingDocument): WebAnnotationCollection {
  const sources = sourceIndex(document)
  const total = countItems(document)
  const collectionId = `urn:dossier:briefing:${encodeURIComponent(document.id)}`
  const items: WebAnnotation[] = []
  for (const section of document.sections) {
    for (const item of section.items) {
      const source = sources.get(item.sourceNumber)
      // Local articles have no web address; a URN still names the same article in every export.
      const target =
        webAddress(source?.url ?? null) ??
        `urn:dossier:article:${encodeURIComponent(source?.articleId ?? `source-${item.sourceNumber}`)}`
      items.push(annotation(item, target, document.language, document.showTags))
    }
  }
  return {
    '@context': items.some(usesDossierTerms) ? [ANNOTATION_CONTEXT, DOSSIER_CONTEXT] : ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: document.frontMatter.title.trim() || labelsFor(document.language).untitled,
    total,
    generated: document.generatedAt,
    generator: { type: 'Software', name: 'Dossier' },
    first: { id: `${collectionId}:page:1`, type: 'AnnotationPage', startIndex: 0, items }
  }
}

export const jsonLdExporter: BriefingExporter = {
  format: 'jsonld',
  extension: 'jsonld',
  mimeType: 'application/ld+json',
  async export(document) {
    return new TextEncoder().encode(`${JSON.stringify(toWebAnnotations(document), null, 2)}\n`)
  }
}
