// @vitest-environment jsdom
import { $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark'
import { $createHeadingNode, HeadingNode } from '@lexical/rich-text'
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  createEditor,
  type LexicalEditor,
  type ParagraphNode
} from 'lexical'
import { afterEach, describe, expect, test } from 'vitest'
import type { TextRange } from '../../../shared/anchoring/selectors'
import {
  $measureText,
  $rangeSelectionFor,
  $selectionToTextRange,
  createTextIndexCache,
  type TextIndexCache
} from './textOffsets'

const PARAGRAPHS = ['Le ministre a parlé.', 'Une deuxième phrase, plus longue.', '', 'La fin du texte.']
const TEXT = PARAGRAPHS.join('\n\n')

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups) cleanup()
  cleanups = []
})

function editorWith(paragraphs: readonly string[]): LexicalEditor {
  const editor = createEditor({
    nodes: [MarkNode, HeadingNode],
    onError: (error) => {
      throw error
    }
  })
  const root = document.createElement('div')
  document.body.append(root)
  editor.setRootElement(root)
  editor.update(
    () => {
      for (const text of paragraphs) {
        const paragraph = $createParagraphNode()
        if (text) paragraph.append($createTextNode(text))
        $getRoot().append(paragraph)
      }
    },
    { discrete: true }
  )
  cleanups.push(() => {
    editor.setRootElement(null)
    root.remove()
  })
  return editor
}

function rangeOf(text: string, passage: string): TextRange {
  const start = text.indexOf(passage)
  if (start < 0) throw new Error(`${passage} is not in the text`)
  return { start, end: start + passage.length }
}

/** The text a range covers in the editor, and the range measured back from that selection. */
function roundTrip(editor: LexicalEditor, range: TextRange, cache?: TextIndexCache): { text: string; back: TextRange } {
  const index = cache?.read()
  return editor.read(() => {
    const selection = $rangeSelectionFor(range, index)
    if (!selection) throw new Error('no selection')
    return { text: selection.getTextContent(), back: $selectionToTextRange(selection, index) }
  })
}

function wrap(editor: LexicalEditor, range: TextRange, id: string): void {
  editor.update(
    () => {
      const selection = $rangeSelectionFor(range)
      if (selection) $wrapSelectionInMarkNode(selection, false, id)
    },
    { discrete: true }
  )
}

describe('plain-text offsets', () => {
  test('a range maps to the text it covers and back, in any block, blocks joined as stored', () => {
    const editor = editorWith(PARAGRAPHS)
    for (const passage of ['ministre', 'deuxième phrase', 'La fin du texte.', 'Le']) {
      const range = rangeOf(TEXT, passage)
      expect(roundTrip(editor, range)).toEqual({ text: passage, back: range })
    }
  })

  test('a range that starts or ends in a separator keeps to the text on either side', () => {
    const editor = editorWith(PARAGRAPHS)
    const first = rangeOf(TEXT, PARAGRAPHS[0]!)
    const second = rangeOf(TEXT, PARAGRAPHS[1]!)
    expect(roundTrip(editor, { start: first.end, end: second.end }).back).toEqual(second)
    expect(roundTrip(editor, { start: first.start, end: second.start }).back).toEqual(first)
  })

  test('a range past the end of the text has no selection', () => {
    const editor = editorWith(PARAGRAPHS)
    expect(editor.read(() => $rangeSelectionFor({ start: TEXT.length + 2, end: TEXT.length + 5 }))).toBeNull()
  })

  test('marks change nodes, not offsets', () => {
    const editor = editorWith(PARAGRAPHS)
    wrap(editor, rangeOf(TEXT, 'deuxième'), 'a')
    wrap(editor, rangeOf(TEXT, 'phrase, plus'), 'b')
    const range = rangeOf(TEXT, 'Une deuxième phrase, plus longue')
    expect(roundTrip(editor, range)).toEqual({ text: 'Une deuxième phrase, plus longue', back: range })
  })
})

describe('the text index cache', () => {
  test('keeps one measurement while only marks change, and it still places ranges right', () => {
    const editor = editorWith(PARAGRAPHS)
    const cache = createTextIndexCache(editor)
    cleanups.push(cache.dispose)
    const measured = cache.read()
    wrap(editor, rangeOf(TEXT, 'ministre'), 'a')
    expect(cache.read()).toBe(measured)
    const range = rangeOf(TEXT, 'La fin')
    expect(roundTrip(editor, range, cache)).toEqual({ text: 'La fin', back: range })
  })

  test('measures again once the text changes', () => {
    const editor = editorWith(PARAGRAPHS)
    const cache = createTextIndexCache(editor)
    cleanups.push(cache.dispose)
    const measured = cache.read()
    editor.update(
      () => {
        const text = $getRoot().getFirstChildOrThrow<ParagraphNode>().getFirstChild()
        if ($isTextNode(text)) text.setTextContent('Le ministre a longuement parlé.')
      },
      { discrete: true }
    )
    expect(cache.read()).not.toBe(measured)
    const edited = ['Le ministre a longuement parlé.', ...PARAGRAPHS.slice(1)].join('\n\n')
    const range = rangeOf(edited, 'La fin')
    expect(roundTrip(editor, range, cache)).toEqual({ text: 'La fin', back: range })
  })

  test('measures again when a block is replaced, even with the same text', () => {
    const editor = editorWith(PARAGRAPHS)
    const cache = createTextIndexCache(editor)
    cleanups.push(cache.dispose)
    const measured = cache.read()
    editor.update(
      () => {
        const paragraph = $getRoot().getChildAtIndex(1)
        if ($isElementNode(paragraph)) paragraph.replace($createHeadingNode('h2'), true)
      },
      { discrete: true }
    )
    expect(cache.read()).not.toBe(measured)
    const range = rangeOf(TEXT, 'deuxième')
    expect(roundTrip(editor, range, cache)).toEqual({ text: 'deuxième', back: range })
  })

  test('a measurement gone stale where it is used is taken again', () => {
    const editor = editorWith(PARAGRAPHS)
    const stale = editor.read(() => $measureText())
    let covered: string | undefined
    editor.update(
      () => {
        const text = $getRoot().getFirstChildOrThrow<ParagraphNode>().getFirstChild()
        if ($isTextNode(text)) text.setTextContent('Le ministre a longuement parlé.')
        covered = $rangeSelectionFor({ start: 14, end: 24 }, stale)?.getTextContent()
      },
      { discrete: true }
    )
    expect(covered).toBe('longuement')
  })
})
