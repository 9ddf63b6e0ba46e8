/** English interface texts of the tags namespace; the source of truth for its keys. */
export default {
  chip: {
    remove: 'Remove tag {{path}}'
  },
  picker: {
    label: 'Add a tag',
    placeholder: 'Add a tag… (Acteurs/Israël)',
    options: 'Tags',
    create: 'Create tag “{{path}}”',
    alreadyThere: '“{{path}}” is already on this note',
    pinned: 'Pinned tags: press the digit in an empty field'
  },
  manager: {
    label: 'Tag manager',
    title: 'Tags',
    empty: 'No tags yet. Tag a note from its panel: type “Acteurs/Israël” and press Enter.',
    hint: 'Rename to move a tag and everything under it (“Maroc” → “Acteurs/Maroc”). A pinned tag is applied with its digit key in an empty tag field. Ctrl+Z undoes any change.',
    tree: 'Tags',
    close: 'Close',
    count_one: '{{count}} note',
    count_other: '{{count}} notes',
    ownCount_one: '({{count}} on this tag itself)',
    ownCount_other: '({{count}} on this tag itself)',
    impliedTitle: 'A parent of other tags: its actions apply to every tag under it',
    colour: 'Colour of {{path}}',
    branchColour: 'Colour of every tag under {{path}}',
    rename: 'Rename…',
    newName: 'New name for {{path}}',
    renameSubmit: 'Rename',
    cancel: 'Cancel',
    pin: 'Pin {{path}} to a digit key',
    notPinned: 'Not pinned',
    pinKey: 'Key {{key}}',
    merge: 'Merge…',
    mergeInto: 'Merge {{path}} into',
    mergeChoose: 'Choose a tag…',
    mergeConfirm: 'Merge',
    mergeExplain: 'Its notes will carry the chosen tag instead, and the tags under it move under that tag.',
    delete: 'Delete',
    description: 'Description of {{path}}',
    descriptionPlaceholder: 'What this tag means (optional)'
  },
  outcome: {
    deleted: 'Tag “{{path}}” deleted; its notes keep their other tags.',
    merged: 'Merged “{{from}}” into “{{into}}”.',
    branchRenamed: 'Moved every tag under “{{from}}” to “{{to}}”.'
  },
  undoLabel: {
    rename: 'tag rename',
    colour: 'tag colour',
    description: 'tag description',
    deletion: 'tag deletion',
    merge: 'tag merge'
  },
  filter: {
    tags: 'Tags',
    match: 'Tag match',
    any: 'any of them',
    all: 'all of them',
    branchTitle: '{{path}}: every tag under it',
    articles: 'Articles',
    colours: 'Colours'
  }
} as const
