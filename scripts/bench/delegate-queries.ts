/**
 * Judged queries as delegates who did not write the document type them: in
 * everyday words (paraphrase), in French, in Spanish, and as a pasted,
 * reworded paragraph of 20 words or more.
 *
 * Constraints: written by READING the document
 * (resources/gfmd-thematic-recollection-2007-2017.txt), never from the
 * thesaurus, the glossary or any subject index, and never from what a search
 * engine returned. A paraphrase shares no content word with the passage it
 * wants. Each class is split once, before any tuning, into a tuning half and a
 * held-out half (`half`, alternating in the order written); the benchmark
 * reports the two apart, and nothing in the app is tuned on the held-out half.
 * `relevant` lists every block that fully answers the query (any one counts).
 */

export const DELEGATE_CLASSES = ['paraphrase', 'french', 'spanish', 'pasted'] as const;
export type DelegateClass = (typeof DELEGATE_CLASSES)[number];
export type Half = 'tune' | 'held';

export interface DelegateQuery {
  q: string;
  cls: DelegateClass;
  half: Half;
  relevant: readonly string[];
}

type Entry = [q: string, relevant: string[]];

const REMITTANCE_COSTS = ['c4.f2.po.1', 'c4.f2.pa.1', 'c4.f2.pa.3', 'c4.f2.ex.1'];
const DOMESTIC_WORKERS = ['c1.f2.po.2', 'c1.f1.pa.3', 'c2.f1.po.2'];
const TRAFFICKING = ['c6.f1.ex.1', 'c6.f1.ex.2', 'c6.f2.po.2', 'c6.f2.ex.2', 'c6.f2.ex.3', 'c6.f2.pa.3'];
const SOCIAL_SECURITY = ['c4.f5.pa.1', 'c4.f5.po.2', 'c4.f5.ex.1', 'c4.f5.ex.2'];
const DISASTER = ['c5.f1.ex.3', 'c5.f1.pa.1', 'c5.f1.po.1', 'c5.f1.pa.7', 'c5.f1.po.5', 'c5.f1.pa.8', 'c5.f1.ex.2'];
const DISAGGREGATED = ['c3.f2.po.1', 'c2.f1.pa.3', 'c3.f2.pa.4', 'c5.f2.po.1'];
const FINANCIAL_LITERACY = ['c1.f2.pa.3', 'c2.f4.pa.2', 'c4.f2.pa.2', 'c4.f2.po.3'];
const QUALIFICATIONS = ['c2.f3.ex.2', 'c2.f3.pa.1', 'c4.f4.pa.1', 'c2.f3.po.1'];

const PARAPHRASE: Entry[] = [
  // "Grant regular migrants political … rights (e.g. voting …)"; the Swiss Citoyenneté program
  ['foreigners casting ballots in local elections', ['c1.f2.po.1', 'c1.f2.ex.2']],
  // "alternatives to detention of migrant children because of their migration status"
  ['kids locked up because their papers are not in order', ['c1.f1.pa.4']],
  // "Avert criminalization of humanitarian assistance"
  ['punishing volunteers who rescue boat arrivals', ['c1.f1.pa.3']],
  // bring down remittance costs; online portals to compare them; envoidargent.fr
  ['cutting the price of wiring cash to relatives abroad', REMITTANCE_COSTS],
  // portability of social security benefits; Sweden's agreements cover retirement pensions
  ['old-age income that follows you abroad', SOCIAL_SECURITY],
  // "prevention of passport, other identity document and contract retention"
  ['bosses confiscating staff travel papers', ['c2.f2.po.2']],
  // Returning to New Opportunities: "a telephone hotline and a website" on voluntary return
  ['phone advice for people going back to their homeland', ['c3.f4.ex.1']],
  // "identify and eliminate abusive practices and slavery in the supply chains"
  ['firms checking their suppliers for forced servitude', ['c6.f2.pa.3']],
  // campaigns on the "serious risks" of smuggling of persons
  ['warning people about the dangers of paying someone to sneak them over', ['c6.f2.pa.4']],
  // Talent Beyond Boundaries: an online "Talent Catalog" for skilled migrants forced to flee
  ['internet listing connecting uprooted engineers to firms short of staff', ['c5.f1.ex.4']],
  // "Improve and shape public perceptions of migrants … communication and awareness campaigns"
  ['changing what locals think of newcomers through adverts and TV', ['c1.f3.pa.3', 'c1.f3.ex.2', 'c1.f3.ex.1']],
  // "Ask basic census questions"; "Include migration modules in more existing household surveys"
  ['asking about birthplace in the national headcount', ['c3.f2.pa.1.1', 'c3.f2.pa.1', 'c3.f2.pa.1.5']],
  // Plural+ Youth Video Festival on migration, diversity and social inclusion
  ['teenagers making short films about diversity', ['c1.f3.ex.2']],
  // human mobility in disaster risk reduction plans; Platform on Disaster Displacement
  ['floods and droughts forcing households to flee', DISASTER],
  // "issuing diaspora bonds to fund development projects"
  ['savings certificates sold to citizens living overseas to fund public works', ['c4.f1.pa.2']],
  // "allowing migrants to change employers with minimal administrative processes"
  ['letting foreign staff switch to a new boss without red tape', ['c2.f2.pa.2']],
  // "a ceiling of the share of migrants' remuneration that can be charged to cover recruitment fees"
  ['a cap on what a middleman can take out of pay packets', ['c2.f1.pa.1']],
  // UK Code of Practice: healthcare professionals not actively recruited from developing countries
  ['not luring hospital employees away from poor nations', ['c2.f2.ex.1', 'c2.f2.pa.1']],
  // Mexico's child protection officers for unaccompanied migrant children
  ['specially trained staff caring for youngsters travelling alone', ['c6.f3.ex.1', 'c6.f3.pa.1', 'c6.f3.po.1']],
  // one-stop-shops for information on the migration cycle; the Moldovan JISBs
  ['one office where newcomers get all the answers', ['c2.f1.pa.4', 'c2.f1.ex.2']],
  // "pre-departure language and vocational training"; local integration by language courses
  ['classes in the tongue of the host nation before setting off', ['c3.f4.pa.1', 'c4.f4.pa.1']],
  // BAMF supports migrant organizations in building capacities; civil society support
  ['money for grassroots clubs run by newcomers', ['c4.f1.ex.2', 'c1.f2.pa.1', 'c4.f4.po.1', 'c4.f4.pa.2']],
  // "a methodology to distinguish remittances from illicit flows"
  ['separating household support payments from crime proceeds', ['c4.f2.pa.5']],
  // financial literacy so the migration process "does not spiral into further indebtedness"
  ['teaching newcomers to budget and avoid debt', FINANCIAL_LITERACY],
];

const FRENCH: Entry[] = [
  ['coût des transferts de fonds des migrants', REMITTANCE_COSTS],
  ['droits des employées de maison', DOMESTIC_WORKERS],
  ['alternatives à la détention des enfants migrants', ['c1.f1.pa.4']],
  ['retour volontaire et réintégration durable', ['c3.f4.ex.1', 'c3.f4.pa.2', 'c3.f4.po.2', 'c3.f4.pa.3']],
  ['lutte contre la traite des êtres humains', TRAFFICKING],
  ['trafic illicite de migrants', ['c6.f2.po.1', 'c6.f2.pa.4', 'c6.f2.pa.2', 'c6.f2.po.4']],
  ['reconnaissance des qualifications étrangères', QUALIFICATIONS],
  ["frais de recrutement payés par l'employeur", ['c2.f4.pa.1', 'c2.f4.ex.3', 'c2.f4.ex.2']],
  ['portabilité des droits à la sécurité sociale', SOCIAL_SECURITY],
  ['xénophobie et discrimination raciale', ['c1.f3.po.4', 'c1.f3.ex.2']],
  ['changement climatique et déplacements liés aux catastrophes', DISASTER],
  ['données migratoires ventilées par sexe et par âge', DISAGGREGATED],
  ['obligations de la diaspora pour financer des projets', ['c4.f1.pa.2']],
  ['enfants non accompagnés', ['c6.f3.ex.1', 'c6.f3.pa.1', 'c6.f3.po.1']],
  ['travailleurs agricoles saisonniers au Canada', ['c2.f1.ex.3']],
  ['éducation financière des familles de migrants', FINANCIAL_LITERACY],
  ["migration circulaire et temporaire de main-d'œuvre", ['c2.f1.po.1', 'c2.f1.pa.4', 'c6.f1.pa.2']],
  ["guichet unique d'information pour les migrants", ['c2.f1.pa.4', 'c2.f1.ex.2']],
  ['groupes de travail interministériels', ['c3.f1.pa.1']],
  ['accès aux soins de santé quel que soit le statut', ['c1.f1.pa.3', 'c6.f1.po.4']],
  ['passeports de compétences', ['c2.f3.po.1']],
  ['recrutement éthique des professionnels de santé', ['c2.f2.ex.1', 'c2.f2.pa.1']],
];

const SPANISH: Entry[] = [
  ['costo del envío de remesas', REMITTANCE_COSTS],
  ['derechos de las trabajadoras del hogar', DOMESTIC_WORKERS],
  ['alternativas a la detención de niños migrantes', ['c1.f1.pa.4']],
  ['cooperación internacional contra la trata de personas', TRAFFICKING],
  ['campañas de información sobre el tráfico ilícito de migrantes', ['c6.f2.pa.4']],
  ['reconocimiento de títulos y competencias', QUALIFICATIONS],
  ['comisiones de contratación cobradas a los trabajadores', ['c2.f1.pa.1', 'c2.f4.pa.1']],
  ['portabilidad de las pensiones y la seguridad social', SOCIAL_SECURITY],
  ['xenofobia y discriminación racial', ['c1.f3.po.4', 'c1.f3.ex.2']],
  ['desplazamiento por desastres y cambio climático', DISASTER],
  ['datos migratorios desglosados por sexo y edad', DISAGGREGATED],
  ['bonos de la diáspora', ['c4.f1.pa.2']],
  ['protección de niños no acompañados', ['c6.f3.ex.1', 'c6.f3.pa.1', 'c6.f3.po.1']],
  ['trabajadores agrícolas temporales en Canadá', ['c2.f1.ex.3']],
  ['educación financiera para familias migrantes', FINANCIAL_LITERACY],
  ['participación política de los migrantes y derecho al voto', ['c1.f2.po.1', 'c1.f2.ex.2']],
  ['ventanilla única de información', ['c2.f1.pa.4', 'c2.f1.ex.2']],
  ['grupos de trabajo interministeriales', ['c3.f1.pa.1']],
  ['acceso a servicios básicos sin importar la situación migratoria', ['c1.f1.pa.3', 'c6.f1.po.4']],
  ['reinserción laboral de los migrantes retornados', ['c2.f3.pa.4', 'c3.f4.ex.1', 'c3.f4.ex.3', 'c3.f4.ex.4']],
  ['gente de mar exenta de pagar tarifas de colocación', ['c2.f4.ex.2']],
  ['contratación ética de profesionales de la salud', ['c2.f2.ex.1', 'c2.f2.pa.1']],
];

const PASTED: Entry[] = [
  [
    'Governments should make sure that children who arrive without their parents are identified quickly when they reach the country, and that they get adequate help and protection as soon as possible.',
    ['c6.f3.po.1'],
  ],
  [
    'States could set up a fund and help poorer countries build the institutions they need to gather, keep, study and publish information about people who move.',
    ['c3.f2.pa.2'],
  ],
  [
    'We want employers, not the workers themselves, to carry the expense of hiring people from abroad, as already happens for the most highly qualified professionals.',
    ['c2.f4.pa.1'],
  ],
  [
    'Countries should work together so that social insurance systems with different benefit rules fit together and migrants do not lose what they contributed over the years.',
    ['c4.f5.po.2', 'c4.f5.pa.1'],
  ],
  [
    'Create a monitoring body that gathers information on how returnees settle back, and study the effect of their return on jobs in the home region and on children who came back.',
    ['c3.f2.pa.5'],
  ],
  [
    'Online tools where people can compare what it costs to send money to relatives, plus better security and partnerships between banks and transfer companies in both countries.',
    ['c4.f2.pa.1'],
  ],
  [
    'The business community should help fight the trafficking of migrants, and many firms are already trying to find and remove abusive practices and forced labour from what they buy.',
    ['c6.f2.pa.3'],
  ],
  [
    'Give priority to people from places hit by natural hazards, high disaster risk or the impact of a changing climate when choosing who gets into seasonal work schemes and resettlement.',
    ['c5.f1.pa.8'],
  ],
  [
    'Emergency workers and consular staff need training on what migrants need in a crisis, how vulnerable they are and what they are able to do for themselves.',
    ['c5.f1.pa.3'],
  ],
  [
    'Migrants should be able to get basic services and urgent medical care whatever their legal status, including domestic workers, and should be able to complain and obtain justice quickly.',
    ['c1.f1.pa.3'],
  ],
  [
    'A program run by the Korean government gives vocational courses, recruitment help before return and administrative assistance to migrants who plan to go back to their home country.',
    ['c3.f4.ex.3'],
  ],
  [
    'Build the capacity of local and municipal authorities so that they can plan, carry out and then evaluate activities in their own area.',
    ['c3.f1.pa.5'],
  ],
  [
    'Irregular migration should not be treated as a crime, and people who were smuggled should not be prosecuted for it; protect the rights of victims and go after the perpetrators instead.',
    ['c6.f2.po.4'],
  ],
  [
    'Set up working groups across ministries so that the different departments and agencies of government pursue coherent policies and share information with one another.',
    ['c3.f1.pa.1'],
  ],
  [
    'Migrants should be given information before they leave and after they arrive, so they know their rights and duties in every country on the way and can avoid being exploited.',
    ['c1.f1.pa.2'],
  ],
  [
    'Set standards such as a maximum share of a migrant’s pay that can be charged for recruitment, and lower what workers pay to be hired, in line with the SDG indicator.',
    ['c2.f1.pa.1'],
  ],
  [
    'Use new technology in money transfers, encourage competition and transparency in the market and make full use of services that already exist to bring the cost of sending money home down.',
    ['c4.f2.po.1'],
  ],
  [
    'Migrant and diaspora associations have an important part to play in creating jobs, matching skills, starting businesses and investing, and governments should build on that role.',
    ['c2.f3.po.3'],
  ],
  [
    'Countries of origin and destination should cooperate so that skills learned formally or informally are recognised on both sides, for example by harmonising certification as in skills passports.',
    ['c2.f3.po.1'],
  ],
  [
    'Investigate further the root causes of forced and irregular migration, include the voices of migrants in research, and gather reliable data broken down by sex, age and disability.',
    ['c5.f2.po.1'],
  ],
  [
    'Offer visas that allow many re-entries, dual citizenship, recognition of skills and social benefits that can be carried abroad so that diaspora communities can be active in their country of origin.',
    ['c4.f3.pa.2'],
  ],
  [
    'Work towards alternatives to locking people up in immigration detention, especially alternatives for children who are held only because of their migration status.',
    ['c1.f1.pa.4'],
  ],
];

const halves = (cls: DelegateClass, entries: Entry[]): DelegateQuery[] =>
  entries.map(([q, relevant], i) => ({ q, cls, half: i % 2 === 0 ? 'tune' : 'held', relevant }));

export const DELEGATE_QUERIES: readonly DelegateQuery[] = [
  ...halves('paraphrase', PARAPHRASE),
  ...halves('french', FRENCH),
  ...halves('spanish', SPANISH),
  ...halves('pasted', PASTED),
];
