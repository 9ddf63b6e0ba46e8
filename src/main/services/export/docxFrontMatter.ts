/**
 * The top of a Word briefing: Word's Title style, subtitle, byline, classification line,
 * and the key points as a Word bulleted list.
 */
import { HeadingLevel, Paragraph } from 'docx'
import type { BriefingDocument } from '../../../shared/briefing/document'
import { emphasisRuns, heading, runs } from './docxRuns'
import { formatDate, keyPointLines, type BriefingLabels } from './labels'

export function frontMatterParagraphs(document: BriefingDocument, labels: BriefingLabels): Paragraph[] {
  const { title, subtitle, author, date, classification } = document.frontMatter
  const paragraphs = [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(title.trim() || labels.untitled) })]
  if (subtitle.trim()) paragraphs.push(new Paragraph({ style: 'Subtitle', children: runs(subtitle.trim()) }))
  if (author.trim()) {
    paragraphs.push(
      new Paragraph({ style: 'Byline', children: runs(`${labels.colon(labels.author)} ${author.trim()}`) })
    )
  }
  if (date.trim()) {
    const formatted = formatDate(date, document.language)
    paragraphs.push(new Paragraph({ style: 'Byline', children: runs(`${labels.colon(labels.date)} ${formatted}`) }))
  }
  if (classification.trim()) {
    paragraphs.push(new Paragraph({ style: 'Classification', children: runs(classification.trim()) }))
  }
  return paragraphs
}

export function keyPointParagraphs(keyPoints: string, labels: BriefingLabels): Paragraph[] {
  const points = keyPointLines(keyPoints)
  if (!points.length) return []
  return [
    heading(labels.keyPoints, 1),
    ...points.map((point) => new Paragraph({ bullet: { level: 0 }, children: emphasisRuns(point, false) }))
  ]
}
