/**
 * Serves the API contract over Electron IPC: one channel per contract method, each
 * handler checking who is calling before validating the input, so a frame that is not
 * the app's own page (an injected iframe, a navigated-away window) cannot reach the data.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { ApiHandlers } from '../../shared/api/contract'
import { dispatchApiCall } from '../../shared/api/dispatch'
import { API_METHODS, ipcChannel } from '../../shared/api/methods'
import { fail } from '../../shared/result'

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

export function registerApiIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: ApiHandlers, isTrusted: SenderCheck): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, input: unknown) => {
      if (!isTrusted(event)) return fail('unauthorized', 'This call did not come from the Dossier window.')
      return dispatchApiCall(handlers, method, input)
    })
  }
}

/** Trusts only the top frame of the app's own window, showing the app's own page. */
export function senderCheckFor(getWindowContentsId: () => number | null, rendererUrl: string): SenderCheck {
  return (event) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    if (event.sender.id !== getWindowContentsId()) return false
    return frame.url.split('#')[0] === rendererUrl
  }
}
