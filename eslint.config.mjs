// Lint rules, above all the process layers: which code may import what.
//   src/shared   pure domain + API contract: no Electron, no Node, no DOM, no other layer
//   src/main     services (storage, import, notes, anchoring, host) are plain Node: no Electron;
//                only src/main/index.ts and src/main/electron/** are Electron glue
//   src/preload  only electron + the contract's method names
//   src/renderer UI: no Node, no Electron, no main-process code
import js from '@eslint/js'
import i18next from 'eslint-plugin-i18next'
import i18nextDefaults from 'eslint-plugin-i18next/lib/options/defaults.js'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url']

// Inside the renderer, one folder per feature. A feature uses lib/, app/ and the contract, and of
// another feature only what that feature's index.ts exports; lib/ uses no feature and not the shell.
const rendererRoot = './src/renderer/src'
const features = ['library', 'reader', 'notes', 'tags', 'search', 'workspace', 'briefings', 'notices', 'settings']
const featureZones = [
  ...features.flatMap((feature) =>
    features
      .filter((other) => other !== feature)
      .map((other) => ({
        target: `${rendererRoot}/${feature}`,
        from: `${rendererRoot}/${other}`,
        except: ['./index.ts'],
        message: `A feature uses another only through its index.ts: add what ${feature}/ needs to ${other}/index.ts.`
      }))
  ),
  {
    target: `${rendererRoot}/lib`,
    from: [...features.map((feature) => `${rendererRoot}/${feature}`), `${rendererRoot}/app`],
    message: 'lib/ holds helpers every feature shares: it imports no feature and not the shell.'
  }
]

// No interface text written into the markup (issue 14): every text and every attribute a person reads
// or hears (aria-label, title, placeholder, alt) goes through i18next's t(). Attributes that are
// markup or machine values are not texts; neither are symbols that read the same in every language.
const NOT_INTERFACE_TEXT_ATTRIBUTES = [
  ...i18nextDefaults['jsx-attributes'].exclude,
  'role',
  'name',
  'value',
  'htmlFor',
  'lang',
  'dir',
  'href',
  'rel',
  'target',
  'accept',
  'autoComplete',
  'inputMode',
  'enterKeyHint',
  'spellCheck',
  'wrap',
  'sandbox',
  'src',
  'srcDoc',
  'dateTime',
  'step',
  'min',
  'max',
  'pattern',
  'viewBox',
  'd',
  'fill',
  'stroke',
  'xmlns',
  'data-.*',
  // Event handlers are code: a string there is a value, never shown.
  'on[A-Z].*',
  'aria-(keyshortcuts|live|hidden|haspopup|autocomplete|controls|labelledby|describedby|orientation|current|owns|activedescendant|expanded|selected|checked|pressed|sort|level|posinset|setsize|multiselectable|modal|atomic|relevant|busy)'
]
const SYMBOLS_IN_EVERY_LANGUAGE = '[\\s×·—–…→←↑↓⌘«»•✓✕▾▸▴▲▼#]+'

const restrict = (message, ...groups) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups.flat(), message }] }]
})

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })]
    },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/shared',
              from: ['./src/main', './src/renderer', './src/preload'],
              message: 'src/shared is the pure core: it imports no other layer.'
            },
            {
              target: './src/renderer',
              from: ['./src/main', './src/preload/index.ts'],
              message: 'The renderer reaches the services only through the API contract.'
            },
            {
              target: './src/main',
              from: ['./src/renderer', './src/preload'],
              message: 'Main-process code does not import UI code.'
            },
            ...featureZones
          ]
        }
      ]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    // Tests may read fixtures from disk; the code under test may not.
    ignores: ['src/shared/**/*.test.ts'],
    rules: restrict(
      'src/shared must run anywhere: no Electron, Node or UI imports.',
      ['electron', 'react', 'react-dom', 'lexical', '@lexical/*'],
      nodeBuiltins
    )
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: restrict('Services are plain Node so browser mode and tests can run them: no Electron here.', [
      'electron',
      'electron/*'
    ])
  },
  {
    // Hooks called conditionally, or effects reading values they do not list, are bugs that only show at run time.
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      'The renderer is a sandboxed web page: no Node or Electron.',
      ['electron', 'electron/*'],
      nodeBuiltins
    )
  },
  {
    // Every interface text through i18next: a literal in JSX text or in a text attribute
    // (aria-label, title, placeholder…) fails lint. Plain modules use `t()` by convention.
    files: ['src/renderer/src/**/*.tsx'],
    ignores: ['src/renderer/src/**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { exclude: NOT_INTERFACE_TEXT_ATTRIBUTES },
          words: { exclude: [...i18nextDefaults.words.exclude, SYMBOLS_IN_EVERY_LANGUAGE] }
        }
      ]
    }
  },
  {
    // Benchmarks and e2e specs pass functions to the page, where browser globals exist.
    files: ['bench/**/*.mjs', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(
      'The sandboxed preload can only use electron and the contract method names.',
      ['zod', 'lowdb', 'react'],
      nodeBuiltins
    )
  }
)
