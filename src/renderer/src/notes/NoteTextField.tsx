/**
 * A note's labelled text field as both note editors show it (the passage note's and the whole
 * article's): it saves itself (useAutosavedText), says « Saved », and, when the note was just
 * made from the keyboard, keeps the letters typed before the field existed, caret after them.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { takeTypeAhead } from '../lib/typeAhead'
import { useAutosavedText } from './useAutosavedText'

export function NoteTextField(props: {
  id: string
  label: string
  placeholder: string
  rows: number
  /** The note was just made from the keyboard: the field takes the focus and the keys typed ahead. */
  takesFocus: boolean
  stored: string
  onSave: (value: string) => Promise<boolean>
}): React.JSX.Element {
  const { t } = useTranslation('notes')
  const [typedAhead] = useState(() => (props.takesFocus ? takeTypeAhead() : ''))
  const field = useAutosavedText(props.stored, props.onSave, typedAhead)
  const textField = useRef<HTMLTextAreaElement>(null)

  const saveTypedAhead = useEffectEvent(() => {
    if (!typedAhead) return
    // The caret goes after the letters already typed, so the next ones follow them.
    textField.current?.setSelectionRange(field.text.length, field.text.length)
    field.saveLater(props.stored + typedAhead)
  })
  // Only once, for the keys typed before this field existed.
  useEffect(() => saveTypedAhead(), [])

  return (
    <div className="field">
      <div className="note-detail__label-row">
        <label className="field__label" htmlFor={props.id}>
          {props.label}
        </label>
        <span className="note-detail__status" aria-live="polite">
          {field.status === 'saved' ? t('editor.saved') : field.status === 'saving' ? t('editor.saving') : ''}
        </span>
      </div>
      <textarea
        ref={textField}
        id={props.id}
        autoFocus={props.takesFocus}
        className="input note-detail__text"
        rows={props.rows}
        placeholder={props.placeholder}
        value={field.text}
        onChange={(event) => field.change(event.target.value)}
        onBlur={field.flush}
      />
    </div>
  )
}
