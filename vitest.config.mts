import { defineConfig } from 'vitest/config'

// Unit tests only: e2e specs belong to Playwright and live in e2e/ (their support code has unit tests of its own).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/support/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true
  }
})
