/**
 * The Word styles of an exported briefing, apart from the document they style: Word's own
 * Title and Heading styles and a Quote style (so Word shows them as its built-in ones), the
 * marks on notes needing review, and the numbered list of sources.
 */
import { AlignmentType, BorderStyle, LevelFormat, type IBaseParagraphStyleOptions, type IStylesOptions } from 'docx'

export const QUOTE_STYLE = 'Quote'

function paragraphStyle(
  id: string,
  name: string,
  options: Omit<IBaseParagraphStyleOptions, 'name'>
): IBaseParagraphStyleOptions & { id: string } {
  return { id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true, ...options }
}

function headingStyle(level: number, size: number): IBaseParagraphStyleOptions {
  return {
    run: { bold: true, size, color: '1F3864' },
    // keepNext in the style as well: a heading typed later in Word is not orphaned either.
    paragraph: { keepNext: true, keepLines: true, outlineLevel: level - 1, spacing: { before: 280, after: 120 } }
  }
}

/** `wordLanguage` is the language with a region, as Word picks its dictionary from it. */
export function documentStyles(wordLanguage: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { size: 22, language: { value: wordLanguage } },
        paragraph: { spacing: { after: 120, line: 276 } }
      },
      title: {
        run: { size: 48, bold: true, color: '1F3864' },
        paragraph: { keepNext: true, spacing: { after: 120 } }
      },
      heading1: headingStyle(1, 32),
      heading2: headingStyle(2, 28),
      heading3: headingStyle(3, 26),
      heading4: headingStyle(4, 24),
      heading5: headingStyle(5, 22),
      heading6: headingStyle(6, 22)
    },
    paragraphStyles: [
      paragraphStyle('Subtitle', 'Subtitle', {
        run: { size: 28, color: '44546A' },
        paragraph: { keepNext: true, spacing: { after: 160 } }
      }),
      paragraphStyle('Byline', 'Byline', { run: { color: '44546A' }, paragraph: { spacing: { after: 40 } } }),
      paragraphStyle('Classification', 'Classification', {
        run: { bold: true, allCaps: true, color: 'C00000' },
        paragraph: { spacing: { before: 120, after: 240 } }
      }),
      paragraphStyle('Intro', 'Section Intro', { paragraph: { spacing: { after: 160 } } }),
      // Word's own name, so Word shows it as its built-in Quote style (« Citation » in French Word).
      paragraphStyle(QUOTE_STYLE, 'Quote', {
        run: { italics: true, color: '262626' },
        paragraph: {
          indent: { left: 567, right: 567 },
          spacing: { before: 200, after: 60 },
          keepLines: true,
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'A6A6A6', space: 8 } }
        }
      }),
      paragraphStyle('ReviewMark', 'Review Mark', {
        run: { bold: true, size: 18, color: '7A4B00' },
        paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 200, after: 0 }, keepNext: true }
      }),
      paragraphStyle('ReviewMarkOrphaned', 'Review Mark (orphaned)', {
        basedOn: 'ReviewMark',
        run: { bold: true, size: 18, color: 'A4262C' }
      }),
      paragraphStyle('QuoteSource', 'Quote Source', {
        run: { size: 18, color: '595959' },
        paragraph: { indent: { left: 567, right: 567 }, spacing: { after: 120 } }
      }),
      paragraphStyle('CommentLabel', 'Comment Label', {
        run: { bold: true, size: 18, color: '595959' },
        paragraph: { indent: { left: 850 }, spacing: { before: 60, after: 20 }, keepNext: true }
      }),
      paragraphStyle('Comment', 'Comment', {
        paragraph: {
          indent: { left: 850 },
          spacing: { after: 120 },
          border: { left: { style: BorderStyle.SINGLE, size: 6, color: 'BFBFBF', space: 6 } }
        }
      }),
      paragraphStyle('Tags', 'Tags', { run: { size: 18, color: '595959' }, paragraph: { spacing: { after: 200 } } }),
      paragraphStyle('SourceEntry', 'Source Entry', { paragraph: { spacing: { after: 80 } } })
    ]
  }
}

/** The sources list: « [1] », « [2] »… with a hanging indent. */
export const SOURCES_NUMBERING = {
  config: [
    {
      reference: 'sources',
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '[%1]',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 567, hanging: 567 } } }
        }
      ]
    }
  ]
}
