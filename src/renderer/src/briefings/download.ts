/**
 * Hands an exported file to the user. In both transports the file arrives as base64 and
 * is saved the way the browser saves a download: in Electron that opens the native save
 * dialog, in browser mode it goes where the browser puts downloads.
 */
export function saveDownload(file: { fileName: string; mimeType: string; dataBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.dataBase64), (char) => char.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by now; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
