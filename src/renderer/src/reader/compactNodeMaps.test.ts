// @vitest-environment jsdom
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  createEditor,
  type LexicalEditor,
  type LexicalNode
} from 'lexical'
import { afterEach, describe, expect, test } from 'vitest'
import { COMPACT_ABOVE_ENTRIES, compactIfLarge, compactNodeMaps } from './compactNodeMaps'

const BLOCKS = 2_000

const firstTextOf = (block: LexicalNode | null): LexicalNode | null =>
  $isElementNode(block) ? block.getFirstDescendant() : null

let editors: LexicalEditor[] = []
afterEach(() => {
  for (const editor of editors) editor.setRootElement(null)
  editors = []
})

/** A document big enough for Lexical's copy-on-write maps, then `touched` of its text nodes rewritten in one update. */
function editorWithNursery(touched: number): LexicalEditor {
  const editor = createEditor({
    onError: (error) => {
      throw error
    }
  })
  editors.push(editor)
  const root = document.createElement('div')
  document.body.append(root)
  editor.setRootElement(root)
  editor.update(
    () => {
      for (let i = 0; i < BLOCKS; i++) $getRoot().append($createParagraphNode().append($createTextNode(`bloc ${i}`)))
    },
    { discrete: true }
  )
  editor.update(
    () => {
      let paragraph = $getRoot().getFirstChild()
      for (let i = 0; i < touched && paragraph; i++, paragraph = paragraph.getNextSibling()) {
        const text = firstTextOf(paragraph)
        if ($isTextNode(text)) text.setTextContent(`bloc ${i} revu`)
      }
    },
    { discrete: true }
  )
  return editor
}

function nurserySize(map: unknown): number {
  return (map as { _nursery?: Map<unknown, unknown> })._nursery?.size ?? 0
}

const textOf = (editor: LexicalEditor): string => editor.getEditorState().read(() => $getRoot().getTextContent())

describe('compacting the node maps', () => {
  test('a large nursery is folded away, and the document reads the same', () => {
    const editor = editorWithNursery(900)
    const before = textOf(editor)
    const nodeMap = (editor.getEditorState() as unknown as { _nodeMap: unknown })._nodeMap
    expect(nurserySize(nodeMap)).toBeGreaterThan(COMPACT_ABOVE_ENTRIES)

    compactNodeMaps(editor)

    expect(nurserySize(nodeMap)).toBe(0)
    expect(textOf(editor)).toBe(before)
    expect(before).toContain('bloc 899 revu')
    // Later updates work on the compacted maps as before.
    editor.update(
      () => {
        const text = firstTextOf($getRoot().getLastChild())
        if ($isTextNode(text)) text.setTextContent('dernier bloc')
      },
      { discrete: true }
    )
    expect(textOf(editor).endsWith('dernier bloc')).toBe(true)
    expect(editor.getRootElement()?.lastElementChild?.textContent).toBe('dernier bloc')
  })

  test('a small nursery is left alone', () => {
    const map = { _nursery: new Map([[1, 'a']]), compactions: 0, compact: () => map.compactions++ }
    expect(compactIfLarge(map)).toBe(false)
    expect(map.compactions).toBe(0)
  })

  test('a map of another shape is not touched', () => {
    expect(compactIfLarge(new Map([[1, 'a']]))).toBe(false)
    expect(compactIfLarge(null)).toBe(false)
    expect(compactIfLarge({ _nursery: new Map() })).toBe(false)
  })
})
