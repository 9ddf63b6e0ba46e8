/**
 * Every interface text, by language and namespace. One namespace per feature folder so that
 * each feature keeps its texts beside its owners; English is the source of every key.
 */
import enBriefings from './en/briefings'
import enCommon from './en/common'
import enLibrary from './en/library'
import enMessages from './en/messages'
import enNotes from './en/notes'
import enReader from './en/reader'
import enSearch from './en/search'
import enSettings from './en/settings'
import enTags from './en/tags'
import enWorkspace from './en/workspace'
import frBriefings from './fr/briefings'
import frCommon from './fr/common'
import frLibrary from './fr/library'
import frMessages from './fr/messages'
import frNotes from './fr/notes'
import frReader from './fr/reader'
import frSearch from './fr/search'
import frSettings from './fr/settings'
import frTags from './fr/tags'
import frWorkspace from './fr/workspace'

export const en = {
  common: enCommon,
  library: enLibrary,
  reader: enReader,
  notes: enNotes,
  tags: enTags,
  search: enSearch,
  workspace: enWorkspace,
  briefings: enBriefings,
  settings: enSettings,
  messages: enMessages
} as const

export const fr = {
  common: frCommon,
  library: frLibrary,
  reader: frReader,
  notes: frNotes,
  tags: frTags,
  search: frSearch,
  workspace: frWorkspace,
  briefings: frBriefings,
  settings: frSettings,
  messages: frMessages
}

export const INTERFACE_LANGUAGES = ['en', 'fr'] as const
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number]
export const NAMESPACES = Object.keys(en) as (keyof typeof en)[]
