// Reading an edited article back out of the editor must give the blocks that were put
// in: anything else would silently rewrite the analyst's article on the first save.
import { LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import { MarkNode, $wrapSelectionInMarkNode } from '@lexical/mark'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { $getRoot, $createParagraphNode, $createTextNode, createEditor, type LexicalEditor } from 'lexical'
import { describe, expect, it } from 'vitest'
import type { ArticleBlock } from '../../../../../shared/domain/article'
import { AsideNode } from '../../nodes/AsideNode'
import { $rangeSelectionFor } from '../../textOffsets'
import { $appendBlocks } from '../ArticleContentPlugin'
import { $articleBlocks } from './articleBlocks'

function editorWith(blocks: ArticleBlock[]): LexicalEditor {
  const editor = createEditor({
    namespace: 'test',
    nodes: [MarkNode, AsideNode, HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode],
    onError: (error) => {
      throw error
    }
  })
  editor.update(() => void $appendBlocks(blocks, 0, blocks.length), { discrete: true })
  return editor
}

const read = (editor: LexicalEditor) => editor.getEditorState().read(() => $articleBlocks())

const ARTICLE: ArticleBlock[] = [
  { type: 'heading', level: 2, text: 'Le Maroc et Israël' },
  {
    type: 'paragraph',
    text: 'Le chef d’état-major a démarré « lundi » sa visite.',
    runs: [
      { text: 'Le chef d’état-major ' },
      { text: 'a démarré', marks: ['bold'] },
      { text: ' « lundi » sa ' },
      { text: 'visite', marks: ['italic'], href: 'https://example.org/visite' },
      { text: '.' }
    ]
  },
  { type: 'aside', text: '→ Lire aussi : un mémorandum' },
  { type: 'quote', text: '« Tout n’est pas une question de sécurité »' },
  { type: 'listitem', listType: 'bullet', depth: 0, text: 'Barak' },
  { type: 'listitem', listType: 'bullet', depth: 1, text: 'défense aérienne' },
  { type: 'listitem', listType: 'number', depth: 0, text: 'Pegasus' }
]

describe('reading blocks back out of the editor', () => {
  it('gives back exactly the blocks that were loaded: headings, runs, links, asides, quotes, nested lists', () => {
    expect(read(editorWith(ARTICLE))).toEqual(ARTICLE)
  })

  it('sees through highlight marks: text inside a note belongs to its block', () => {
    const editor = editorWith(ARTICLE)
    editor.update(
      () => {
        const selection = $rangeSelectionFor({ start: 20, end: 45 })
        if (selection) $wrapSelectionInMarkNode(selection, false, 'note-1')
      },
      { discrete: true }
    )
    expect(read(editor)).toEqual(ARTICLE)
  })

  it('drops emptied blocks and white space left at a block edge by a deletion', () => {
    const editor = editorWith([{ type: 'paragraph', text: 'Un.' }])
    editor.update(
      () => {
        $getRoot().append($createParagraphNode())
        $getRoot().append($createParagraphNode().append($createTextNode('  Deux phrases.  ')))
      },
      { discrete: true }
    )
    expect(read(editor)).toEqual([
      { type: 'paragraph', text: 'Un.' },
      { type: 'paragraph', text: 'Deux phrases.' }
    ])
  })

  it('keeps only links the import would keep', () => {
    const editor = editorWith([
      { type: 'paragraph', text: 'voir ici', runs: [{ text: 'voir ' }, { text: 'ici', href: 'https://example.org' }] }
    ])
    editor.update(
      () => {
        const link = $getRoot().getFirstDescendant()?.getNextSibling()
        if (link instanceof LinkNode) link.setURL('javascript:alert(1)')
      },
      { discrete: true }
    )
    expect(read(editor)).toEqual([{ type: 'paragraph', text: 'voir ici' }])
  })
})
