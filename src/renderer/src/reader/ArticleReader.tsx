/**
 * The reading pane: a Lexical rich-text editor showing one article, read-only unless the
 * user switches to Edit, with the notes drawn as marks and the highlight tools on top.
 */
import { LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import { MarkNode } from '@lexical/mark'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import type { LexicalEditor } from 'lexical'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { articlePlainText, type ArticleBody } from '../../../shared/domain/article'
import { AsideNode } from './nodes/AsideNode'
import { AttachEditorPlugin } from './plugins/AttachEditorPlugin'
import { ArticleContentPlugin } from './plugins/ArticleContentPlugin'
import { EditArticlePlugin, type ReadArticleBlocks } from './plugins/EditArticlePlugin'
import { HighlightPlugin, type HighlightRequest } from './plugins/HighlightPlugin'
import { ExternalLinksPlugin } from './plugins/ExternalLinksPlugin'
import { KeyboardSelectionPlugin } from './plugins/KeyboardSelectionPlugin'
import { RevealPlugin, type RevealRequest } from './plugins/RevealPlugin'
import { NoteMarksPlugin, type DrawnNote } from './plugins/NoteMarksPlugin'
import { readerTheme } from './theme'

export interface ArticleReaderProps {
  body: ArticleBody
  /**
   * False while `body` is only the article's start: the rest will come as a body beginning with
   * the same blocks, which are kept; highlighting waits for it.
   */
  complete: boolean
  /**
   * `body`'s plain text when the caller has it already (joining a 3 MB article's blocks is
   * worth doing once per open, not once per component); computed here otherwise.
   */
  plainText?: string
  language: string | null
  notes: readonly DrawnNote[]
  /** Notes the notes panel's filter leaves out: their highlights are dimmed. */
  dimmedNoteIds: ReadonlySet<string>
  selectedNoteId: string | null
  onHighlight: (request: HighlightRequest) => void
  onSelectNote: (noteId: string) => void
  /** Edit mode: the text takes typing, and notes are re-anchored by the caller after each save. */
  editing: boolean
  onEdited: (read: ReadArticleBlocks) => void
  /** What the highlight action does now: make a note, or re-attach an existing one. */
  highlightLabel?: string
  /** A passage to scroll to and select, e.g. a search result. */
  reveal?: RevealRequest | null
  /** Receives the editor, to send it commands (see lib/readerCommands.ts); answers how to let it go. */
  attach: (editor: LexicalEditor) => () => void
}

export function ArticleReader(props: ArticleReaderProps): React.JSX.Element {
  const { t } = useTranslation('reader')
  const given = props.plainText
  const plainText = useMemo(() => given ?? articlePlainText(props.body.blocks), [given, props.body])
  const initialConfig = useMemo(
    () => ({
      namespace: 'dossier-reader',
      theme: readerTheme,
      nodes: [MarkNode, AsideNode, HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode],
      editable: false,
      onError: (error: Error) => {
        throw error
      }
    }),
    []
  )
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <RichTextPlugin
        contentEditable={
          <ContentEditable
            className="article-text"
            aria-label={t('pane.articleText')}
            aria-readonly={!props.editing}
            lang={props.language ?? undefined}
            spellCheck={false}
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      <AttachEditorPlugin attach={props.attach} />
      <ArticleContentPlugin body={props.body} complete={props.complete} />
      <NoteMarksPlugin
        notes={props.notes}
        dimmedNoteIds={props.dimmedNoteIds}
        selectedNoteId={props.selectedNoteId}
        onSelectNote={props.onSelectNote}
      />
      {!props.editing && props.complete && (
        <HighlightPlugin plainText={plainText} onHighlight={props.onHighlight} label={props.highlightLabel} />
      )}
      <KeyboardSelectionPlugin enabled={!props.editing} />
      <RevealPlugin request={props.reveal ?? null} />
      <EditArticlePlugin editing={props.editing} onEdited={props.onEdited} />
      {!props.editing && <ExternalLinksPlugin />}
    </LexicalComposer>
  )
}
