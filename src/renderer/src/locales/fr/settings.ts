/** French interface texts of the settings namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/settings'

export default {
  title: 'Réglages',
  language: 'Langue de l’interface',
  languageHint: 'La langue des menus, des boutons et des messages. Les articles et les notes gardent la leur.',
  system: 'Comme cet ordinateur ({{language}})',
  saveFailed: 'La langue ne vaut que pour cette session : {{reason}}'
} satisfies Translation<typeof en>
