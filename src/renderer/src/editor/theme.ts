/** Class names Lexical puts on the nodes it renders; the look lives in styles.css. */
import type { EditorThemeClasses } from 'lexical'

export const readerTheme: EditorThemeClasses = {
  paragraph: 'article-paragraph',
  mark: 'note-mark',
  markOverlap: 'note-mark--overlap',
  text: {
    bold: 'text-bold',
    italic: 'text-italic',
    underline: 'text-underline'
  }
}
