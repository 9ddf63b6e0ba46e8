import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

// ESM-only packages are bundled into the CommonJS main bundle instead of being required at run time.
const bundledInMain = ['lowdb', 'approx-string-match', 'steno']

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
    plugins: [react()],
    build: {
      minify: true,
      // React and Lexical make one large chunk on purpose: it loads while the first requests are in flight.
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') }
      }
    }
  }
})
