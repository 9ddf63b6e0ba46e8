/** A note's text with its **strong** and *emphasis* shown; built from runs, never from HTML. */
import { parseEmphasis } from '../../../shared/text/emphasis'

export function NoteText({ text, className }: { text: string; className?: string }): React.JSX.Element {
  return (
    <span className={className}>
      {parseEmphasis(text).map((run, index) =>
        run.strong ? <strong key={index}>{run.text}</strong> : run.em ? <em key={index}>{run.text}</em> : run.text
      )}
    </span>
  )
}
