/** What the preload puts on the page's window, typed from the contract. */
import type { ApiClient } from '../shared/api/contract'

declare global {
  interface Window {
    dossierApi?: ApiClient
  }
}

export {}
