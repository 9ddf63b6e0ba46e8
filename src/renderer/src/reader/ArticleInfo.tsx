/**
 * The article's provenance and bibliographic details, as imported and as corrected by the
 * analyst: type, title, author, outlet, dates, address, pages, place, publisher and
 * language are editable (dates in the interface's own order), and can be filled from a
 * reference file (CSL-JSON, BibTeX, RIS); when and from what file it was imported, and its
 * length, are facts. A newer version of the text can replace it from a file, keeping these
 * details and the notes.
 */
import { useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { effectiveItemType } from '../../../shared/bibliography/cslItem'
import { REFERENCE_FILE_EXTENSIONS, type ReferenceEntry } from '../../../shared/bibliography/formats'
import {
  ARTICLE_ITEM_TYPES,
  type ArticleItemType,
  type ArticleMeta,
  type ArticleMetaChanges
} from '../../../shared/domain/article'
import { IMPORTABLE_EXTENSIONS } from '../../../shared/import/limits'
import { useApp } from '../app/AppContext'
import { formatDateTime } from '../lib/format'
import { interfaceLocale } from '../lib/i18n'
import { datePlaceholder, formatLocalDate, parseLocalDate } from './localDate'
import { ReferencePicker } from './ReferencePicker'

const TEXT_FIELDS = [
  'author',
  'outlet',
  'publishedAt',
  'accessedAt',
  'sourceUrl',
  'pages',
  'place',
  'publisher',
  'language'
] as const
type TextField = (typeof TEXT_FIELDS)[number]
const DATE_FIELDS: ReadonlySet<TextField> = new Set(['publishedAt', 'accessedAt'])

/** Types published on their own, by someone, somewhere: their place is worth asking for. */
const PLACED_TYPES: ReadonlySet<ArticleItemType> = new Set(['report', 'book', 'chapter', 'document'])

function formValues(meta: ArticleMeta, locale: string): Record<TextField, string> {
  const values = {} as Record<TextField, string>
  for (const field of TEXT_FIELDS) {
    const value = meta[field] ?? ''
    values[field] = DATE_FIELDS.has(field) ? formatLocalDate(value, locale) : value
  }
  return values
}

type Status = { level: 'info' | 'error'; text: string }

export function ArticleInfo({
  meta,
  onSave,
  onReplaceText,
  onClose
}: {
  meta: ArticleMeta
  onSave: (changes: ArticleMetaChanges) => Promise<boolean>
  /** Replaces the article's text with the file's; resolves once the outcome has been shown. */
  onReplaceText: (file: File) => Promise<unknown>
  onClose: () => void
}): React.JSX.Element {
  const { t } = useTranslation('reader')
  const { library } = useApp()
  const locale = interfaceLocale()
  const initial = useMemo(
    () => ({
      itemType: effectiveItemType({ ...meta, url: meta.sourceUrl }),
      values: formValues(meta, locale)
    }),
    [meta, locale]
  )
  const [title, setTitle] = useState(meta.title)
  const [itemType, setItemType] = useState<ArticleItemType>(initial.itemType)
  const [values, setValues] = useState(initial.values)
  const [badDates, setBadDates] = useState<ReadonlySet<TextField>>(new Set())
  const [status, setStatus] = useState<Status | null>(null)
  const [picking, setPicking] = useState<{ fileName: string; entries: ReferenceEntry[] } | null>(null)
  const [saving, setSaving] = useState(false)
  const [replacing, setReplacing] = useState(false)
  const [filling, setFilling] = useState(false)
  const replaceInput = useRef<HTMLInputElement>(null)
  const fillInput = useRef<HTMLInputElement>(null)
  const ids = { replaceHint: useId(), fillHint: useId(), dateError: useId() }

  const letters = {
    day: t('info.dateLetters.day'),
    month: t('info.dateLetters.month'),
    year: t('info.dateLetters.year')
  }
  const pattern = datePlaceholder(locale, letters)
  const monthPattern = datePlaceholder(locale, letters, false)

  const setValue = (field: TextField, value: string): void => {
    setValues((current) => ({ ...current, [field]: value }))
    if (badDates.has(field)) setBadDates((current) => new Set([...current].filter((bad) => bad !== field)))
  }

  const checkDate = (field: TextField): boolean => {
    const valid = parseLocalDate(values[field], locale) !== undefined
    setBadDates((current) => {
      const next = new Set(current)
      if (valid) next.delete(field)
      else next.add(field)
      return next
    })
    return valid
  }

  const replaceText = async (file: File): Promise<void> => {
    setReplacing(true)
    try {
      await onReplaceText(file)
    } finally {
      setReplacing(false)
    }
  }

  const fill = (entry: ReferenceEntry, fileName: string): void => {
    const { changes } = entry
    if (changes.title) setTitle(changes.title)
    if (changes.itemType) setItemType(changes.itemType)
    setValues((current) => {
      const next = { ...current }
      for (const field of TEXT_FIELDS) {
        const value = changes[field]
        if (typeof value === 'string') next[field] = DATE_FIELDS.has(field) ? formatLocalDate(value, locale) : value
      }
      return next
    })
    setBadDates(new Set())
    setPicking(null)
    setStatus({ level: 'info', text: t('info.filled', { fileName }) })
  }

  const readReferences = async (file: File): Promise<void> => {
    setFilling(true)
    setStatus(null)
    try {
      const entries = await library.readReferenceFile(file)
      if (entries === null) return
      const [only] = entries
      if (entries.length === 0) setStatus({ level: 'error', text: t('info.unreadable', { fileName: file.name }) })
      else if (entries.length === 1 && only) fill(only, file.name)
      else setPicking({ fileName: file.name, entries })
    } finally {
      setFilling(false)
    }
  }

  const save = async (): Promise<void> => {
    const invalid = [...DATE_FIELDS].filter((field) => parseLocalDate(values[field], locale) === undefined)
    if (invalid.length > 0) {
      setBadDates(new Set(invalid))
      return
    }
    const changes: ArticleMetaChanges = { title: title.trim() }
    if (itemType !== initial.itemType) changes.itemType = itemType
    for (const field of TEXT_FIELDS) {
      const typed = values[field].trim()
      if (typed === initial.values[field].trim()) continue
      const value = DATE_FIELDS.has(field) ? (parseLocalDate(typed, locale) ?? '') : typed
      changes[field] = value === '' ? null : value
    }
    setSaving(true)
    const saved = await onSave(changes)
    setSaving(false)
    if (saved) onClose()
  }

  const form: FieldForm = { values, badDates, errorId: ids.dateError, datePattern: pattern, setValue, checkDate }

  const imported = formatDateTime(meta.importedAt)
  return (
    <form
      className="article-info"
      aria-label={t('info.label')}
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <label className="field">
        <span className="field__label">{t('info.type')}</span>
        <select
          className="input"
          name="itemType"
          value={itemType}
          onChange={(event) => setItemType(event.target.value as ArticleItemType)}
        >
          {ARTICLE_ITEM_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`info.types.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <InfoField name="language" form={form} label={t('info.language')} placeholder={t('info.languagePlaceholder')} />
      <label className="field field--wide">
        <span className="field__label">{t('info.title')}</span>
        <input
          className="input"
          name="title"
          value={title}
          required
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <InfoField name="author" form={form} label={t('info.author')} placeholder={t('info.authorPlaceholder')} />
      <InfoField
        name="outlet"
        form={form}
        label={t(`info.container.${itemType}`)}
        placeholder={t('info.outletPlaceholder')}
      />
      <InfoField name="publishedAt" form={form} label={t('info.published')} />
      <InfoField name="accessedAt" form={form} label={t('info.accessed')} />
      {badDates.size > 0 && (
        <p id={ids.dateError} className="article-info__error field--wide" role="alert">
          {t('info.badDate', { pattern, monthPattern })}
        </p>
      )}
      <InfoField
        name="sourceUrl"
        form={form}
        label={t('info.sourceUrl')}
        placeholder={t('info.urlPlaceholder')}
        url
        wide
      />
      <InfoField name="pages" form={form} label={t('info.pages')} placeholder={t('info.pagesPlaceholder')} />
      {(PLACED_TYPES.has(itemType) || values.place !== '') && (
        <InfoField name="place" form={form} label={t('info.place')} placeholder={t('info.placePlaceholder')} />
      )}
      {(itemType === 'chapter' || values.publisher !== '') && (
        <InfoField name="publisher" form={form} label={t('info.publisher')} />
      )}
      <p className="article-info__facts field--wide">
        {meta.sourceFile
          ? t('info.importedFrom', { date: imported, file: meta.sourceFile })
          : t('info.imported', { date: imported })}
        {' · '}
        {t('info.words', { count: meta.wordCount })}
      </p>
      <div className="article-info__replace field--wide">
        <button
          type="button"
          className="button"
          disabled={filling}
          aria-describedby={ids.fillHint}
          onClick={() => fillInput.current?.click()}
        >
          {filling ? t('info.filling') : t('info.fill')}
        </button>
        <p id={ids.fillHint} className="article-info__hint">
          {t('info.fillHint')}
        </p>
        <input
          ref={fillInput}
          type="file"
          hidden
          aria-label={t('info.fillFile')}
          accept={REFERENCE_FILE_EXTENSIONS.join(',')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            event.currentTarget.value = ''
            if (file) void readReferences(file)
          }}
        />
      </div>
      <div className="article-info__replace field--wide">
        <button
          type="button"
          className="button"
          disabled={replacing}
          aria-describedby={ids.replaceHint}
          onClick={() => replaceInput.current?.click()}
        >
          {replacing ? t('info.replacing') : t('info.replace')}
        </button>
        <p id={ids.replaceHint} className="article-info__hint">
          {t('info.replaceHint')}
        </p>
        <input
          ref={replaceInput}
          type="file"
          hidden
          aria-label={t('info.replaceFile')}
          accept={IMPORTABLE_EXTENSIONS.join(',')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            event.currentTarget.value = ''
            if (file) void replaceText(file)
          }}
        />
      </div>
      {status && (
        <p
          className={`article-info__status article-info__status--${status.level} field--wide`}
          role={status.level === 'error' ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
      <div className="article-info__actions field--wide">
        <button type="button" className="button" onClick={onClose}>
          {t('info.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('info.save')}
        </button>
      </div>
      {picking && (
        <ReferencePicker
          fileName={picking.fileName}
          entries={picking.entries}
          onPick={(entry) => fill(entry, picking.fileName)}
          onClose={() => setPicking(null)}
        />
      )}
    </form>
  )
}

/** What every field of the form shares: the values, which dates could not be read, and how to change them. */
interface FieldForm {
  values: Record<TextField, string>
  badDates: ReadonlySet<TextField>
  errorId: string
  /** The locale's date pattern, shown in an empty date field. */
  datePattern: string
  setValue: (field: TextField, value: string) => void
  checkDate: (field: TextField) => boolean
}

/** One text field of the form; a date field shows the locale's pattern and says when it cannot be read. */
function InfoField({
  name,
  form,
  label,
  placeholder,
  url,
  wide
}: {
  name: TextField
  form: FieldForm
  label: string
  placeholder?: string
  url?: boolean
  wide?: boolean
}): React.JSX.Element {
  const isDate = DATE_FIELDS.has(name)
  const bad = form.badDates.has(name)
  return (
    <label className={wide ? 'field field--wide' : 'field'}>
      <span className="field__label">{label}</span>
      <input
        className="input"
        name={name}
        type={url ? 'url' : 'text'}
        inputMode={isDate ? 'numeric' : undefined}
        placeholder={isDate ? form.datePattern : placeholder}
        value={form.values[name]}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? form.errorId : undefined}
        onChange={(event) => form.setValue(name, event.target.value)}
        onBlur={isDate ? () => void form.checkDate(name) : undefined}
      />
    </label>
  )
}
