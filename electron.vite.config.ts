import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

// ESM-only packages are bundled into the CommonJS main bundle instead of being required at run time.
const bundledInMain = ['lowdb', 'approx-string-match', 'steno']

/**
 * The page's entry only sends the first requests, then imports the interface's chunk. Named in
 * index.html, that chunk and the chunks it imports download (and compile) while the entry runs,
 * instead of after it. The views and dialogs loaded later are left out.
 */
function preloadInterfaceChunk(interfaceChunkName: string): Plugin {
  return {
    name: 'dossier:preload-interface-chunk',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return []
        const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []))
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
        const entry = chunks.find((chunk) => chunk.isEntry)
        const interfaceChunk = chunks.find((chunk) => chunk.isDynamicEntry && chunk.name === interfaceChunkName)
        if (!entry || !interfaceChunk) return []
        const files = new Set<string>()
        const add = (fileName: string): void => {
          if (fileName === entry.fileName || files.has(fileName)) return
          files.add(fileName)
          for (const imported of byFile.get(fileName)?.imports ?? []) add(imported)
        }
        add(interfaceChunk.fileName)
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const
        }))
      }
    }
  }
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundledInMain },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          host: resolve(__dirname, 'src/main/host.ts'),
          launcher: resolve(__dirname, 'src/main/launcher.ts'),
          importWorker: resolve(__dirname, 'src/main/services/import/importWorker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react(), preloadInterfaceChunk('renderApp')],
    build: {
      minify: true,
      // React and Lexical make one large chunk on purpose: it loads while the first requests are in flight.
      // The views and dialogs the first screen does not show are chunks of their own (app/deferredParts.ts).
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') }
      }
    }
  }
})
