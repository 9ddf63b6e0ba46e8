/**
 * An author's long paragraphs survive the import whole (issue 14): a French text of six
 * paragraphs of 1,000 to 1,400 characters, with an inline « → Lire aussi : … » inside the
 * fifth, is shown as six paragraphs and stored as six blocks, and a passage highlighted in
 * the fifth is cited as « § 5 » in the exported briefing: the source's paragraph number.
 */
import fs from 'node:fs'
import path from 'node:path'
import { readJson, storedLibrary } from './support/disk'
import { download, makeNote } from './support/briefingSteps'
import { expect, test } from './support/fixtures'
import { shotsDir } from './support/shots'

const NBSP = '\u00a0'
const SHOTS = shotsDir('long-paragraphs')

/** Six paragraphs as an analyst's source has them, one blank line between them. */
const PARAGRAPHS = [
  'Dans la région de Mopti, les éleveurs peuls racontent la même histoire depuis trois saisons : les pâturages reculent, les points d’eau se tarissent plus tôt et les couloirs de transhumance, tracés il y a des générations, traversent désormais des champs que les agriculteurs dogons ne veulent plus laisser piétiner. Les autorités locales ont multiplié les comités de conciliation, mais leurs décisions ne sont guère appliquées lorsque les représentants de l’État se replient vers les chefs-lieux. Un responsable d’organisation non gouvernementale, qui travaille dans le cercle de Bankass depuis quinze ans, résume la situation en une phrase : « Chaque puits est devenu une frontière. » Les chiffres publiés par le bureau de coordination des affaires humanitaires confirment cette impression, puisque le nombre d’incidents liés à l’accès à l’eau a presque doublé entre 2019 et 2022, et que la plupart ont eu lieu pendant la période de soudure, lorsque les réserves de grain sont au plus bas et que les troupeaux redescendent vers le fleuve.',
  'Les gouvernements de la région ont pourtant signé, au printemps, une déclaration commune sur la gestion partagée des ressources hydriques, saluée à Niamey comme « un tournant historique ». Le texte prévoit la création d’un observatoire régional, le partage des données pluviométriques et la réhabilitation de deux cents forages d’ici à la fin de la décennie. Sur le terrain, les techniciens restent prudents : les financements annoncés ne couvrent qu’une fraction des besoins, et les entreprises chargées des travaux hésitent à envoyer leurs équipes dans des zones où les enlèvements se sont multipliés. Plusieurs bailleurs de fonds conditionnent désormais leur aide à la présence d’observateurs indépendants, ce que certaines capitales jugent contraire à leur souveraineté. Entre ces exigences contradictoires, les projets avancent lentement, et les communautés qui attendaient un forage depuis des années continuent de parcourir chaque jour plusieurs kilomètres pour remplir leurs bidons. Dans les villages du plateau, ce sont souvent les filles qui quittent l’école pour accomplir cette tâche.',
  'À Gao, la question de l’eau se confond avec celle de la sécurité. Les convois qui ravitaillent les quartiers périphériques en citernes circulent sous escorte, et leur passage donne lieu à des négociations longues avec les groupes armés qui contrôlent certaines pistes. Un commerçant explique qu’il paie « deux fois l’eau », une fois au fournisseur et une fois aux hommes qui tiennent le carrefour, sans que personne ne sache vraiment à qui profite cet argent. Les habitants les plus modestes se tournent vers les puits traditionnels, dont l’eau n’est pas toujours potable, et les centres de santé signalent une hausse des maladies diarrhéiques chez les enfants de moins de cinq ans. Les responsables municipaux, eux, réclament une présence durable des services techniques de l’État, seule capable selon eux de rétablir une distribution régulière et de mettre fin à une économie parallèle qui prospère sur la pénurie. En attendant, les prix de l’eau vendue au bidon ont triplé depuis l’an dernier, et les familles consacrent à cette dépense une part croissante de revenus déjà très faibles.',
  'Les chercheurs qui suivent ces dynamiques insistent sur la diversité des situations locales. Dans le delta intérieur du Niger, les crues saisonnières structurent encore l’agriculture et la pêche, tandis que plus au nord, les oasis dépendent entièrement des nappes souterraines, dont le renouvellement se compte en siècles. Les politiques nationales, pensées depuis les capitales, peinent à tenir compte de ces différences, et les programmes standardisés de forage ont parfois aggravé les tensions en attirant vers un même point d’eau des troupeaux venus de très loin. Une géographe de l’université de Bamako plaide pour des accords négociés au niveau des communes, associant éleveurs, agriculteurs et pêcheurs, plutôt que pour de grands plans régionaux. Elle rappelle que les conventions locales qui fonctionnaient dans les années 1990 reposaient sur une connaissance fine des saisons et des chemins, et sur des arbitres reconnus par tous. Ces arbitres, chefs de village, imams ou anciens, ont souvent été chassés ou tués depuis, et personne ne les a remplacés.',
  'Le rapport publié en juin par un consortium d’instituts de recherche met en garde contre une lecture purement climatique de ces conflits. Ses auteurs montrent que la baisse des précipitations, bien réelle, ne suffit pas à expliquer la flambée des violences, et que la gouvernance des ressources pèse au moins autant que la météo. → Lire aussi : Au Niger, la bataille de l’eau potable se joue aussi dans les villes Selon les hydrologues interrogés, les nappes phréatiques du bassin de Taoudeni pourraient pourtant alimenter durablement une grande partie de la région, à condition que leur exploitation soit encadrée et que les forages profonds ne soient pas réservés aux exploitations agricoles les plus riches. Le rapport recommande de publier les autorisations de prélèvement, de former des techniciens locaux à la maintenance des pompes et de confier aux communes une part des redevances, afin que chaque village ait un intérêt direct à la préservation de la ressource plutôt qu’à sa captation. Les gouvernements concernés n’ont pas encore répondu.',
  'Reste la question du financement, sur laquelle les partenaires internationaux se montrent de plus en plus divisés. Certains veulent concentrer l’aide sur les infrastructures, visibles et mesurables, quand d’autres estiment que sans institutions locales solides, les forages neufs tomberont en panne faute d’entretien, comme tant d’autres avant eux. Les organisations de la société civile demandent, elles, que les populations concernées soient consultées avant chaque projet, et que les femmes, qui assurent l’essentiel de la corvée d’eau, participent aux décisions. Lors de la dernière réunion des ministres, à Ouagadougou, aucune de ces positions ne l’a emporté, et le communiqué final se contente d’appeler à « redoubler d’efforts ». Pour les éleveurs de Mopti comme pour les habitants de Gao, cette formule résume assez bien des années de promesses, et la saison sèche qui commence ne leur laissera pas le loisir d’attendre la prochaine conférence. Les premiers troupeaux sont déjà partis vers le sud, plus tôt que d’habitude, et les maires des communes d’accueil redoutent de nouveaux affrontements.'
]
/** In the fifth paragraph only, with no space the import would make a no-break one. */
const QUOTE = 'les nappes phréatiques du bassin de Taoudeni'
const TEASER = '→ Lire aussi'

test('a text of six long paragraphs keeps all six, and a passage of the fifth is cited as § 5', async ({
  dossier
}, testInfo) => {
  test.skip(dossier.mode === 'electron', 'Electron: Playwright cannot drive the file chooser in an Electron window')
  const { page } = dossier
  for (const paragraph of PARAGRAPHS) expect(paragraph.length).toBeGreaterThanOrEqual(1000)
  for (const paragraph of PARAGRAPHS) expect(paragraph.length).toBeLessThanOrEqual(1400)
  const articleText = page.getByRole('textbox', { name: 'Article text' })
  await expect(articleText).toContainText('Kochavi')

  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import files…' }).click()
  await (
    await chooser
  ).setFiles([
    { name: 'eau-sahel.txt', mimeType: 'text/plain', buffer: Buffer.from(`${PARAGRAPHS.join('\n\n')}\n`, 'utf8') }
  ])
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article.' })).toBeVisible()
  await expect(articleText).toContainText('Dans la région de Mopti')

  // The reader: six paragraphs, the teaser inside the fifth rather than lifted out as an aside.
  const paragraphs = articleText.locator('p')
  await expect(paragraphs).toHaveCount(6)
  await expect(paragraphs.nth(4)).toContainText(`${TEASER}${NBSP}: Au Niger`)
  await expect(paragraphs.nth(4)).toContainText(QUOTE)
  await expect(articleText.locator('aside')).toHaveCount(0)

  // The disk: six blocks, each the author's paragraph.
  const imported = storedLibrary(dossier.dataDir).articles.find((article) => article.title.startsWith('Dans la'))
  expect(imported).toBeDefined()
  const body = readJson<{ blocks: { type: string; text: string }[] }>(
    path.join(dossier.dataDir, 'articles', `${imported!.id}.json`)
  )
  expect(body.blocks.map((block) => block.type)).toEqual([
    'paragraph',
    'paragraph',
    'paragraph',
    'paragraph',
    'paragraph',
    'paragraph'
  ])
  expect(body.blocks[4]!.text).toContain(`la météo. ${TEASER}${NBSP}: Au Niger`)
  expect(body.blocks[4]!.text).toContain(`dans les villes Selon les hydrologues interrogés, ${QUOTE}`)
  expect(body.blocks[5]!.text.startsWith('Reste la question du financement')).toBe(true)

  // A note on the fifth paragraph, then a briefing of it, exported.
  await makeNote(page, QUOTE, 'Sahel/Eau', 'Chiffres à vérifier.')
  await page.getByRole('button', { name: 'Briefings' }).click()
  await page.getByRole('button', { name: 'New briefing' }).click()
  const composer = page.getByRole('region', { name: 'Composer' })
  await expect(composer.getByText('This briefing has no notes yet.')).toBeVisible()
  await composer.getByRole('group', { name: 'Tags' }).getByText('Sahel', { exact: true }).click()
  await expect(page.getByRole('group', { name: 'Export' })).toContainText('Export 1 note', { timeout: 15_000 })
  await expect(page.getByTestId('briefing-preview').locator('figcaption')).toContainText(`§${NBSP}5`)
  for (const [width, height] of [
    [1440, 900],
    [1024, 700]
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: path.join(SHOTS, `composer-${width}x${height}.png`) })
  }

  const dir = testInfo.outputPath('exports')
  fs.mkdirSync(dir, { recursive: true })
  const markdown = fs.readFileSync(await download(page, 'Markdown', dir), 'utf8')
  expect(markdown).toContain(`> ${QUOTE}`)
  const citation = markdown.split('\n').find((line) => line.startsWith('> — [1]'))
  expect(citation).toMatch(new RegExp(`§${NBSP}5\\.?$`))
})
