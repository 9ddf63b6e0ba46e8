/**
 * The two edits of a tag manager row that need more than a click: a new name, and a merge.
 * A merge rewrites notes across the library, so choosing the target only chooses it: nothing
 * happens until **Merge** is pressed (the arrow keys in the list once merged at once, issue 14).
 */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Tag } from '../../../shared/tags/tags'

interface FormProps {
  path: string
  /** Where the row's own content starts, in pixels from the list's edge. */
  indent: number
  onDone: () => void
}

export function RenameForm({ path, indent, onRename, onDone }: FormProps & { onRename: (path: string) => void }) {
  const { t } = useTranslation('tags')
  const [value, setValue] = useState(path)
  return (
    <form
      className="tag-tree__form"
      style={{ marginLeft: `${indent}px` }}
      onSubmit={(event) => {
        event.preventDefault()
        onDone()
        if (value.trim() && value.trim() !== path) onRename(value)
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        // Escape leaves the form, not the whole dialog.
        event.preventDefault()
        onDone()
      }}
    >
      <input
        className="input input--small tag-tree__form-field"
        aria-label={t('manager.newName', { path })}
        value={value}
        autoFocus
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button button--small button--primary">
        {t('manager.renameSubmit')}
      </button>
      <button type="button" className="button button--small" onClick={onDone}>
        {t('manager.cancel')}
      </button>
    </form>
  )
}

export function MergeForm({
  path,
  indent,
  targets,
  onMerge,
  onDone
}: FormProps & { targets: readonly Tag[]; onMerge: (into: Tag) => void }) {
  const { t } = useTranslation('tags')
  const [intoId, setIntoId] = useState('')
  const explainId = useId()
  const into = targets.find((target) => target.id === intoId)
  return (
    <form
      className="tag-tree__form"
      style={{ marginLeft: `${indent}px` }}
      onSubmit={(event) => {
        event.preventDefault()
        if (!into) return
        onDone()
        onMerge(into)
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        onDone()
      }}
    >
      <select
        className="input input--small tag-tree__form-field"
        aria-label={t('manager.mergeInto', { path })}
        aria-describedby={explainId}
        value={intoId}
        autoFocus
        onChange={(event) => setIntoId(event.target.value)}
      >
        <option value="">{t('manager.mergeChoose')}</option>
        {targets.map((target) => (
          <option key={target.id} value={target.id}>
            {target.path}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small button--primary" disabled={!into}>
        {t('manager.mergeConfirm')}
      </button>
      <button type="button" className="button button--small" onClick={onDone}>
        {t('manager.cancel')}
      </button>
      <p className="tag-tree__form-hint" id={explainId}>
        {t('manager.mergeExplain')}
      </p>
    </form>
  )
}
