/**
 * The only bridge between the sandboxed page and the main process: one function per
 * contract method, each bound to its own IPC channel. The page never sees ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { API_METHODS, ipcChannel } from '../shared/api/methods'

const api = Object.fromEntries(
  API_METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input)])
)

contextBridge.exposeInMainWorld('dossierApi', Object.freeze(api))
