/** French interface texts shared by the shell and lib/; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/common'

export default {
  appName: 'Dossier',
  couldNotStart: 'Dossier n’a pas pu démarrer.'
} satisfies Translation<typeof en>
