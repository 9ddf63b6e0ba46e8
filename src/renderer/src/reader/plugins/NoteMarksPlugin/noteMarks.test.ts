// @vitest-environment jsdom
import { MarkNode } from '@lexical/mark'
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isTextNode,
  createEditor,
  type LexicalEditor,
  type ParagraphNode
} from 'lexical'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { NOTE_IDS_ATTRIBUTE, registerNoteMarks, type DrawnNote, type NoteMarks } from './noteMarks'

const PARAGRAPHS = [
  'Le ministre a parlé devant la commission.',
  'Une deuxième phrase, plus longue que la première.',
  'La fin du texte.'
]
const TEXT = PARAGRAPHS.join('\n\n')

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups) cleanup()
  cleanups = []
})

function setUp(paragraphs: readonly string[] = PARAGRAPHS): {
  editor: LexicalEditor
  root: HTMLElement
  marks: NoteMarks
  onMark: ReturnType<typeof vi.fn>
} {
  const editor = createEditor({
    nodes: [MarkNode],
    onError: (error) => {
      throw error
    }
  })
  const root = document.createElement('div')
  document.body.append(root)
  editor.setRootElement(root)
  append(editor, paragraphs)
  const onMark = vi.fn()
  const marks = registerNoteMarks(editor, onMark)
  cleanups.push(() => {
    marks.dispose()
    editor.setRootElement(null)
    root.remove()
  })
  return { editor, root, marks, onMark }
}

function append(editor: LexicalEditor, paragraphs: readonly string[]): void {
  editor.update(
    () => {
      for (const text of paragraphs) $getRoot().append($createParagraphNode().append($createTextNode(text)))
    },
    { discrete: true }
  )
}

function note(id: string, passage: string, text = TEXT): DrawnNote {
  const start = text.indexOf(passage)
  if (start < 0) throw new Error(`${passage} is not in the text`)
  return { id, range: { start, end: start + passage.length }, color: null }
}

/** Each mark as "ids: text", in document order. */
function drawn(root: HTMLElement): string[] {
  return [...root.querySelectorAll(`mark[${NOTE_IDS_ATTRIBUTE}]`)].map(
    (mark) => `${mark.getAttribute(NOTE_IDS_ATTRIBUTE)}: ${mark.textContent}`
  )
}

describe('note marks', () => {
  test('draws each note over its passage', () => {
    const { root, marks } = setUp()
    marks.sync([note('a', 'ministre'), note('b', 'La fin')], true)
    expect(drawn(root)).toEqual(['a: ministre', 'b: La fin'])
  })

  test('overlapping highlights split into marks that list every note over them', () => {
    const { root, marks } = setUp()
    marks.sync([note('a', 'ministre a parlé'), note('b', 'a parlé devant')], true)
    expect(drawn(root)).toEqual(['a: ministre ', 'b a: a parlé', 'b:  devant'])
    marks.sync([note('b', 'a parlé devant')], true)
    // The pieces stay apart, each now listing b alone.
    expect(drawn(root)).toEqual(['b: a parlé', 'b:  devant'])
    expect(root.textContent).toBe(PARAGRAPHS.join(''))
  })

  test('adding a note touches only its own marks', () => {
    const { root, marks, onMark } = setUp()
    const first = note('a', 'ministre')
    marks.sync([first], true)
    onMark.mockClear()
    marks.sync([first, note('b', 'deuxième phrase')], true)
    expect(drawn(root)).toEqual(['a: ministre', 'b: deuxième phrase'])
    expect(onMark.mock.calls.map(([, ids]) => ids)).toEqual([['b']])
    expect(marks.marksOf('a').size).toBe(1)
    expect(marks.marksOf('b').size).toBe(1)
  })

  test('a note removed takes its marks with it, and nothing else', () => {
    const { root, marks } = setUp()
    marks.sync([note('a', 'ministre'), note('b', 'deuxième'), note('c', 'La fin')], true)
    marks.sync([note('a', 'ministre'), note('c', 'La fin')], true)
    expect(drawn(root)).toEqual(['a: ministre', 'c: La fin'])
    expect(marks.marksOf('b').size).toBe(0)
    marks.sync([], true)
    expect(drawn(root)).toEqual([])
  })

  test('a note reaching past the text loaded so far waits for the rest, then is drawn whole', () => {
    const { editor, root, marks } = setUp(PARAGRAPHS.slice(0, 2))
    const across = note('a', 'première.\n\nLa fin')
    marks.sync([across], true)
    expect(drawn(root)).toEqual([])
    append(editor, PARAGRAPHS.slice(2))
    marks.sync([across], true)
    expect(drawn(root)).toEqual(['a: première.', 'a: La fin'])
  })

  test('a note anchored elsewhere is drawn again at its new range', () => {
    const { root, marks } = setUp()
    marks.sync([note('a', 'ministre')], true)
    marks.sync([note('a', 'commission')], true)
    expect(drawn(root)).toEqual(['a: commission'])
  })

  test('a note further down is drawn once its text has arrived', () => {
    const { editor, root, marks } = setUp(PARAGRAPHS.slice(0, 1))
    const later = note('b', 'La fin')
    marks.sync([note('a', 'ministre'), later], true)
    expect(drawn(root)).toEqual(['a: ministre'])
    append(editor, PARAGRAPHS.slice(1))
    marks.sync([note('a', 'ministre'), later], true)
    expect(drawn(root)).toEqual(['a: ministre', 'b: La fin'])
  })

  test('after the text changes, new notes are placed in the new text', () => {
    const { editor, root, marks } = setUp()
    marks.sync([note('a', 'ministre')], true)
    editor.update(
      () => {
        const paragraph = $getRoot().getFirstChildOrThrow<ParagraphNode>()
        const first = paragraph.getFirstChild()
        if ($isTextNode(first)) first.setTextContent('Alors le ')
      },
      { discrete: true }
    )
    const text = ['Alors le ministre a parlé devant la commission.', ...PARAGRAPHS.slice(1)].join('\n\n')
    marks.sync([note('a', 'ministre', text), note('b', 'deuxième', text)], true)
    expect(drawn(root)).toEqual(['a: ministre', 'b: deuxième'])
  })

  test('marks drawn before registering are known, so their notes are not drawn twice', () => {
    const { editor, root, marks } = setUp()
    marks.sync([note('a', 'ministre')], true)
    marks.dispose()
    const again = registerNoteMarks(editor, () => {})
    cleanups.push(again.dispose)
    again.sync([note('a', 'ministre')], true)
    expect(drawn(root)).toEqual(['a: ministre'])
    expect(again.marksOf('a').size).toBe(1)
  })
})
