/** French interface texts of the settings namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/settings'

export default {} satisfies Translation<typeof en>
