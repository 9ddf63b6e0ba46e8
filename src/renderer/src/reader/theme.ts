/** Class names Lexical puts on the nodes it renders; the look lives in styles.css. */
import type { EditorThemeClasses } from 'lexical'

export const readerTheme: EditorThemeClasses = {
  paragraph: 'article-paragraph',
  quote: 'article-quote',
  heading: {
    h1: 'article-heading article-heading--title',
    h2: 'article-heading',
    h3: 'article-heading',
    h4: 'article-heading',
    h5: 'article-heading',
    h6: 'article-heading'
  },
  list: {
    ul: 'article-list',
    ol: 'article-list article-list--ordered',
    listitem: 'article-listitem',
    nested: { listitem: 'article-listitem--nested' }
  },
  link: 'article-link',
  mark: 'note-mark',
  markOverlap: 'note-mark--overlap',
  text: {
    bold: 'text-bold',
    italic: 'text-italic',
    underline: 'text-underline',
    strikethrough: 'text-strike',
    code: 'text-code',
    superscript: 'text-sup',
    subscript: 'text-sub'
  }
}
