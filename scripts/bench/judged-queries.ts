/**
 * The judged query set of the relevance run: a query a delegate might type
 * and the block(s) that answer it.
 *
 * Constraint: judged by READING the document
 * (resources/gfmd-thematic-recollection-2007-2017.txt) with the block ids of
 * src/core/content/parse/__snapshots__/ids.txt — never by copying what a
 * search engine returned, or the set would only measure agreement with
 * itself. `relevant` lists every block that fully answers the query (any of
 * them counts as a success); the comment above each entry says what in the
 * text makes those blocks the answer.
 * Queries vary on purpose: names of programs, paraphrases, British spellings,
 * typos, acronyms and codes. The relevance run refuses an id that is not in
 * the document, so a renumbering cannot silently turn a query into a miss.
 */

/** Kinds of query, reported separately: a delegate asks questions and paraphrases, not only keywords. */
export const QUERY_CLASSES = ['keyword', 'question', 'paraphrase', 'identifier', 'entity', 'misspelling'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface JudgedQuery {
  q: string;
  /** Every block (or footnote `fn.N`) that answers the query; any of them counts as a success. */
  relevant: readonly string[];
  /** The kind of query; 'keyword' when absent. */
  cls?: QueryClass;
}

export const classOf = (j: JudgedQuery): QueryClass => j.cls ?? 'keyword';

// Each entry: above it, what in the text makes those blocks the answer.
export const JUDGED_QUERIES: readonly JudgedQuery[] = [
  // ------------------------------------------------ Cluster 1: human rights, empowerment, inclusion
  // develop alternatives to detention, in particular of migrant children
  { q: 'alternatives to detention for children', relevant: ['c1.f1.pa.4'] },
  // avert criminalization of humanitarian assistance (British spelling in the query)
  { q: 'criminalisation of humanitarian assistance', relevant: ['c1.f1.pa.3'] },
  // Five-year Development Plan (2014-2019) of El Salvador
  { q: 'El Salvador five-year development plan', relevant: ['c1.f1.ex.1'] },
  // Guatemalan Government with IOM offers a health care scheme
  { q: 'Guatemalan health care scheme for migrant families', relevant: ['c1.f2.ex.1'] },
  // Citoyenneté program of the Swiss Federal Commission on Migration (no accent typed)
  { q: 'Citoyennete political participation Swiss', relevant: ['c1.f2.ex.2'] },
  // Ecuador's campaign Todos Somos Migrantes
  { q: 'Todos Somos Migrantes', relevant: ['c1.f3.ex.1'] },
  // the same campaign, refocused on xenophobia; "campaing" is a typo
  { q: 'xenophobia campaing Ecuador', cls: 'misspelling', relevant: ['c1.f3.ex.1'] },
  // IOM and UN Alliance of Civilizations support the Plural+ Video Festival
  { q: 'Plural+ youth video festival', relevant: ['c1.f3.ex.2'] },
  // Sutherland: SDG 16.9, proof of legal identity including birth registration
  { q: 'SDG 16.9 legal identity birth registration', relevant: ['c1.5'] },

  // ------------------------------------------------ Cluster 2: labor mobility, recruitment, skills, financing
  // reduce worker-paid recruitment fees in line with SDG indicator 10.7.1; a ceiling on the share
  { q: 'recruitment fees ceiling 10.7.1', relevant: ['c2.f1.pa.1'] },
  // Joint Information and Services Bureaus in rural Moldova work like a one-stop-shop
  { q: 'one-stop-shop information for women Moldova', relevant: ['c2.f1.ex.2'] },
  // Guatemala negotiated seasonal movements of agricultural workers to Canada (FERME)
  { q: 'Guatemala seasonal agricultural workers Canada', relevant: ['c2.f1.ex.3'] },
  // prevention of passport, identity document and contract retention
  { q: 'passport retention', relevant: ['c2.f2.po.2'] },
  // facilitate portability of work authorizations, allowing migrants to change employers
  { q: 'portability of work authorizations to change employers', relevant: ['c2.f2.pa.2'] },
  // UK Code of Practice for the Ethical Recruitment of International Healthcare Professionals
  { q: 'code of practice recruitment of healthcare professionals', relevant: ['c2.f2.ex.1'] },
  // International Recruitment Integrity System (IRIS) developed by IOM
  { q: 'IRIS', relevant: ['c2.f2.ex.3'] },
  // IRIS is a certification system and a due diligence tool for labor recruiters
  { q: 'labour recruiters due diligence certification', relevant: ['c2.f2.ex.3'] },
  // the World Employment Confederation adopted a Code of conduct
  { q: 'World Employment Confederation code of conduct', relevant: ['c2.f2.ex.4'] },
  // harmonize certification processes as seen in "skills passports"
  { q: 'skills passports', relevant: ['c2.f3.po.1'] },
  // Pan-Canadian Framework for the Assessment and Recognition of Foreign Qualifications
  { q: 'Pan-Canadian framework foreign qualifications', relevant: ['c2.f3.ex.2'] },
  // South African National Skills Development Framework
  { q: 'South African skills development framework', relevant: ['c2.f3.ex.1'] },
  // Philippine seafarers are not required to pay placement fees
  { q: 'seafarers placement fees', relevant: ['c2.f4.ex.2'] },
  // New Zealand Recognized Seasonal Employers Scheme (British spelling in the query)
  { q: 'Recognised Seasonal Employers New Zealand', relevant: ['c2.f4.ex.3'] },
  // employer-pays principle (2.4 PA 1) and its two examples
  { q: 'employers pay the cost of recruitment', relevant: ['c2.f4.pa.1', 'c2.f4.ex.2', 'c2.f4.ex.3'] },

  // ------------------------------------------------ Cluster 3: cooperation and governance
  // JMDI study: regional committee on migration and development (CMD) in the Philippines
  { q: 'committee on migration and development Philippines', relevant: ['c3.f1.ex.1'] },
  // Swiss migration partnerships with African and Western Balkan countries
  { q: 'Swiss migration partnerships Western Balkans', relevant: ['c3.f1.ex.3'] },
  // the UK established a Migration Impacts Forum
  { q: 'UK Migration Impacts Forum', relevant: ['c3.f1.ex.4'] },
  // Moldova: whole-of-Government approach on Migration and Diaspora
  { q: 'Moldova whole-of-government diaspora policies', relevant: ['c3.f1.ex.5'] },
  // establish inter-ministerial working groups for policy coherence
  { q: 'inter-ministerial working groups', relevant: ['c3.f1.pa.1'] },
  // ask basic census questions and make the data publicly available (item 1 of 3.2 PA 1)
  { q: 'basic census questions', relevant: ['c3.f2.pa.1.1', 'c3.f2.pa.1'] },
  // provide access to microdata, not just tabulations (item 4 of 3.2 PA 1)
  { q: 'access to microdata', relevant: ['c3.f2.pa.1.4', 'c3.f2.pa.1'] },
  // centralize Labor Force Surveys (item 3), in British spelling
  { q: 'centralise labour force surveys', relevant: ['c3.f2.pa.1.3', 'c3.f2.pa.1'] },
  // establish an observatory to collect data and experiences of reintegration
  { q: 'observatory on reintegration', relevant: ['c3.f2.pa.5'] },
  // Migration Governance Framework (MiGOF) developed by IOM
  { q: 'MiGOF', relevant: ['c3.f2.ex.1'] },
  // Integrated Migration Information System Project (IMIS), Egypt
  { q: 'Egypt migration information system', relevant: ['c3.f2.ex.3'] },
  // Nigeria adopted a National Policy on Migration in 2015
  { q: 'Nigeria national migration policy', relevant: ['c3.f2.ex.4'] },
  // ECLAC Montevideo Consensus on Population and Development ("Montevido" is a typo)
  { q: 'Montevido consensus', cls: 'misspelling', relevant: ['c3.f3.ex.1'] },
  // ECOWAS has introduced the ECOWAS Passport
  { q: 'ECOWAS passport', relevant: ['c3.f3.ex.2'] },
  // ICTC of Canada informs policies on the admission of tech and IT talent
  { q: 'tech talent Canada ICTC', relevant: ['c3.f3.ex.3'] },
  // returnee program Returning to New Opportunities, commissioned by Germany
  { q: 'Returning to New Opportunities', relevant: ['c3.f4.ex.1'] },
  // National Reintegration Centre for Overseas Filipino Workers
  { q: 'reintegration centre for Filipino workers', relevant: ['c3.f4.ex.2'] },
  // the Happy Return Program by the Korean government (British spelling in the query)
  { q: 'Happy Return Programme Korean', relevant: ['c3.f4.ex.3'] },
  // Nepal: public-private partnerships for skills training of returning migrants
  { q: 'Nepal skills training returning migrants', relevant: ['c3.f4.ex.4'] },
  // non-refoulement and the 1984 UN Convention against Torture
  { q: 'non-refoulement torture', relevant: ['c3.6'] },

  // ------------------------------------------------ Cluster 4: diaspora, remittances, portability
  // SDG target 10.c: remittance transaction costs below 3% by 2030
  { q: 'SDG 10.c remittance transaction costs 3%', relevant: ['c4.3'] },
  // issuing diaspora bonds to fund development projects
  { q: 'diaspora bonds', relevant: ['c4.f1.pa.2'] },
  // BAMF supports migrant organizations in building capacities (British spelling)
  { q: 'BAMF support for migrant organisations', relevant: ['c4.f1.ex.2'] },
  // online portals to compare remittance costs; envoidargent.fr compares 26 corridors
  { q: 'compare remittance costs online', relevant: ['c4.f2.pa.1', 'c4.f2.ex.1'] },
  // a methodology to distinguish remittances from illicit flows
  { q: 'distinguish remittances from illicit flows', relevant: ['c4.f2.pa.5'] },
  // IDFR, celebrated every year on 16 June
  { q: 'International Day of Family Remittances', relevant: ['c4.f2.ex.3'] },
  // the Ecuadorian initiative "Prometeo"
  { q: 'Prometeo Ecuador', relevant: ['c4.f3.ex.1'] },
  // African-Europe Diaspora Development Platform (ADEPT)
  { q: 'African diaspora development platform Europe', relevant: ['c4.f3.ex.2'] },
  // enabling environment for diaspora: multiple re-entry visas, dual citizenship
  { q: 'dual citizenship multiple re-entry visas', relevant: ['c4.f3.pa.2'] },
  // UNWomen Empowering Women Migrant Workers in Asia program
  { q: 'UNWomen women migrant workers Asia', relevant: ['c4.f4.ex.1'] },
  // UN Trust Fund for Human Security: shelters, migrants in transit through southern Mexico
  { q: 'migrant shelters southern Mexico', relevant: ['c4.f4.ex.2'] },
  // Ghana operates a three-tier social security system
  { q: 'Ghana social security tiers', relevant: ['c4.f5.ex.1'] },
  // Sweden has social security agreements with 11 countries
  { q: 'Sweden social security agreements', relevant: ['c4.f5.ex.2'] },
  // ILO Maintenance of Social Security Rights Recommendation, 1983 (No. 167)
  { q: 'Maintenance of Social Security Rights', relevant: ['c4.f5.ex.4'] },

  // ------------------------------------------------ Cluster 5: drivers, climate, crises
  // the so-called "trapped populations", unable to migrate for lack of resources
  { q: 'trapped populations', relevant: ['c5.2'] },
  // COP 2010 in Cancun: climate change induced displacement, migration and planned relocation
  { q: 'Cancun planned relocation', relevant: ['c5.4'] },
  // create safe regular pathways: humanitarian visa, family reunification, student visa
  { q: 'humanitarian visa family reunification student visa', relevant: ['c5.f1.po.9'] },
  // conduct skills mapping of migrant populations in situations of crises
  { q: 'skills mapping of migrants in crises', relevant: ['c5.f1.po.8'] },
  // IOM sensitization campaign in Mauritius on climate change and mobility
  { q: 'Mauritius climate change awareness campaign', relevant: ['c5.f1.ex.2'] },
  // Platform on Disaster Displacement (PDD), following up the Nansen Initiative
  { q: 'Platform on Disaster Displacement', relevant: ['c5.f1.ex.3'] },
  // Talent Beyond Boundaries (TBB); "Boundries" is a typo
  { q: 'Talent Beyond Boundries', cls: 'misspelling', relevant: ['c5.f1.ex.4'] },
  // Eurostat-NIDI project on push and pull factors of international migration
  { q: 'Eurostat push and pull factors', relevant: ['c5.f2.ex.1'] },

  // ------------------------------------------------ Cluster 6: smuggling, trafficking, identification
  // Cyprus Multidisciplinary Coordinating Group (MCG) against THB
  { q: 'Cyprus coordinating group trafficking', relevant: ['c6.f1.ex.1'] },
  // Manila Declaration to Enhance International Cooperation in Combating Human Trafficking
  { q: 'Manila Declaration', relevant: ['c6.f1.ex.2'] },
  // companies identify and eliminate abusive practices and slavery in supply chains
  { q: 'slavery in supply chains', relevant: ['c6.f2.pa.3'] },
  // 6Degree.org crowdfunding portal by IOM and Microsoft
  { q: 'crowdfunding for trafficking victims Microsoft', relevant: ['c6.f2.ex.1'] },
  // Australia-Asia Program to Combat Trafficking in Persons
  { q: 'AAPTIP', relevant: ['c6.f2.ex.2'] },
  // the Bali Process on people smuggling and trafficking
  { q: 'Bali Process', relevant: ['c6.f2.ex.3'] },
  // Mexico: child protection officers (OPI) for unaccompanied migrant children
  { q: 'child protection officers unaccompanied children Mexico', relevant: ['c6.f3.ex.1'] },
  // the Netherlands established a National Rapporteur on Trafficking in Human Beings
  { q: 'National Rapporteur on Trafficking', relevant: ['c6.f3.ex.2'] },

  // ------------------------------------------------ Parts III and IV
  // the Chatham house rule proved a successful tool at GFMD
  { q: 'Chatham house rule', relevant: ['p3.s1.6'] },
  // GFMD self-conception as a "space for creativity rather than accountability"
  { q: 'space for creativity rather than accountability', relevant: ['p3.s2.1'] },
  // exchange with the 4th Mayoral Forum on Human Migration, Mobility and Human Development
  { q: 'Mayoral Forum', relevant: ['p3.s1.8'] },
  // Sutherland's quotation: a multi-year program of work and a more robust secretariat
  { q: 'GFMD secretariat multi-year programme of work', relevant: ['p3.q.1'] },
  // Dhaka: GFMD needs a standing agenda item on follow-up and review of the 2030 Agenda
  { q: 'standing agenda item on the 2030 Agenda', relevant: ['p3.s3.2'] },

  // ------------------------------------------------ how people really type: variants the text does not contain
  // typo of "Prometeo", the Ecuadorian diaspora initiative
  { q: 'Prometo', cls: 'misspelling', relevant: ['c4.f3.ex.1'] },
  // typo of "Citoyenneté", the Swiss participation program
  { q: 'Citoyenete', cls: 'misspelling', relevant: ['c1.f2.ex.2'] },
  // TBB's online "Talent Catalog", in British spelling
  { q: 'Talent Catalogue', relevant: ['c5.f1.ex.4'] },
  // groups prone to labor exploitation (British spelling)
  { q: 'labour exploitation', relevant: ['c1.f2.po.2'] },
  // efforts to harmonize certification processes ("skills passports")
  { q: 'harmonise skills certification', relevant: ['c2.f3.po.1'] },
  // Sutherland: a multi-stakeholder platform on skills mobility (joined spelling)
  { q: 'multistakeholder platform on skills mobility', relevant: ['c2.11'] },
  // financial support of favorable tax regimes (British spelling)
  { q: 'favourable tax regimes', relevant: ['c1.f2.pa.1'] },
  // the Sendai Framework for Disaster Risk Reduction; "framwork" is a typo
  { q: 'Sendai framwork', cls: 'misspelling', relevant: ['c5.6'] },
  // identification of unaccompanied children; Mexico's model for unaccompanied migrant children
  { q: 'unaccompanied minors', relevant: ['c6.f3.pa.1', 'c6.f3.ex.1'] },
  // the Philippines seafarers pay no placement fees ("Philipines" is a typo)
  { q: 'Philipines seafarers', cls: 'misspelling', relevant: ['c2.f4.ex.2'] },
  // foster competition in remittance markets (Sutherland), its policy option and envoidargent.fr
  { q: 'remmitance market competition', cls: 'misspelling', relevant: ['c4.5', 'c4.f2.po.1', 'c4.f2.ex.1'] },
  // Germany's Centers for Jobs, Migration and Reintegration (British spelling)
  { q: 'centre for jobs migration and reintegration', relevant: ['c3.f4.ex.1'] },
  // licensing and certification systems for recruiters; certification mechanisms for recruitment agencies
  { q: 'licensing of recruitment agencies', relevant: ['c2.f2.pa.3', 'c2.f2.pa.1'] },
  // every block asking for sex/gender and age disaggregated data
  {
    q: 'data disaggregated by sex and age',
    relevant: ['c2.f1.pa.3', 'c3.f2.po.1', 'c3.f2.pa.4', 'c5.f2.po.1', 'c3.5'],
  },

  // ================================================ classes of queries, judged by reading the text
  // ------------------------------------------------ keyword
  // Ghana operates a three-tier social security system
  { q: 'three-tier social security system', cls: 'keyword', relevant: ['c4.f5.ex.1'] },
  // Promote training of emergency responders and consular officers
  { q: 'training emergency responders consular officers', cls: 'keyword', relevant: ['c5.f1.pa.3'] },
  // processing fees that are transparent and reasonably related to the application
  { q: 'transparent processing fees work authorization', cls: 'keyword', relevant: ['c3.f2.pa.6'] },
  // Prioritize conflict prevention, environmental degradation and peace building
  { q: 'conflict prevention peace building', cls: 'keyword', relevant: ['c5.f2.po.2'] },
  // While in Germany, a telephone hotline and a website … (Returning to New Opportunities)
  { q: 'telephone hotline returnees Germany', cls: 'keyword', relevant: ['c3.f4.ex.1'] },
  // standardization and comparability of data on migrant health
  { q: 'comparability of data on migrant health', cls: 'keyword', relevant: ['c1.f2.pa.2'] },
  // Facilitate access to banking services … financial autonomy and literacy
  { q: 'financial autonomy banking services', cls: 'keyword', relevant: ['c1.f2.pa.3'] },
  // Promote regular immigration as a part of a broader solution to demographic challenges
  { q: 'regular immigration demographic challenges', cls: 'keyword', relevant: ['c2.f1.po.5', 'c3.f1.po.1'] },
  // Leverage technology to link migrant talent to work opportunities
  { q: 'technology migrant talent work opportunities', cls: 'keyword', relevant: ['c2.f1.po.6'] },
  // Recognize the increasingly mixed character of irregular movements
  { q: 'mixed character of irregular movements', cls: 'keyword', relevant: ['c6.f2.po.1'] },
  // 5) Include migration modules in more existing household surveys
  { q: 'migration modules household surveys', cls: 'keyword', relevant: ['c3.f2.pa.1.5', 'c3.f2.pa.1'] },
  // commissioning an Independent Expert Panel
  { q: 'Independent Expert Panel', cls: 'keyword', relevant: ['c6.3'] },

  // ------------------------------------------------ question (the answer is the passage that says what to do)
  // "bring down high remittance costs", "compare remittances costs", "reduction of transaction costs"
  {
    q: 'how can governments reduce remittance costs',
    cls: 'question',
    relevant: ['c4.f2.pa.3', 'c4.f2.pa.1', 'c4.f2.po.1', 'c4.3', 'c4.10'],
  },
  // "As part of efforts to tackle xenophobia, adopt and implement legislation…"; the campaigns against it
  {
    q: 'what can governments do about xenophobia',
    cls: 'question',
    relevant: ['c1.f3.po.4', 'c1.f3.pa.3', 'c1.f3.ex.1', 'c1.f3.ex.2'],
  },
  // fair recruitment initiatives, the ILO principles, codes of fair and ethical recruitment
  {
    q: 'why is fair recruitment important',
    cls: 'question',
    relevant: ['c2.f2.po.3', 'c2.f2.ex.2', 'c2.f2.pa.1', 'c2.18', 'c2.9'],
  },
  // "Facilitate portability of work authorizations, allowing migrants to change employers"
  { q: 'how can migrants change employers', cls: 'question', relevant: ['c2.f2.pa.2'] },
  // "alternatives to detention of migrant children"
  { q: 'what are the alternatives to detention for children', cls: 'question', relevant: ['c1.f1.pa.4'] },
  // "Develop a methodology to distinguish remittances from illicit flows"; "stop equating remittances with money-laundering"
  {
    q: 'how do we tell remittances apart from money laundering',
    cls: 'question',
    relevant: ['c4.f2.pa.5', 'c4.6'],
  },
  // New Zealand RSE: "recruitment fees are paid for by employers"
  { q: 'who pays recruitment fees in New Zealand', cls: 'question', relevant: ['c2.f4.ex.3'] },
  // social security agreements facilitating portability; contributions are portable (Ghana)
  {
    q: 'what should countries do to make social security portable',
    cls: 'question',
    relevant: ['c4.f5.pa.1', 'c4.f5.po.2', 'c4.f5.ex.1', 'c4.13', 'c4.f5.pa.3'],
  },
  // "Improve the collection, analysis and sharing of data on migration"
  {
    q: 'how can data on migration be improved',
    cls: 'question',
    relevant: ['c3.f2.po.1', 'c3.f2.pa.2', 'c3.f2.pa.3', 'c3.3'],
  },
  // "develop a working definition of 'migrants in vulnerable situations'"
  { q: 'is there a definition of migrants in vulnerable situations', cls: 'question', relevant: ['c6.3'] },
  // systems of migrant identification; mechanisms for the identification of migrants with protection needs
  {
    q: 'how are trafficking victims identified',
    cls: 'question',
    relevant: ['c6.f3.pa.1', 'c6.f3.po.1', 'c6.9', 'c6.f1.ex.1'],
  },
  // emergency assistance in times of crisis; the MICIC Guidelines
  {
    q: 'what can be done for migrants stranded in a crisis',
    cls: 'question',
    relevant: ['c5.f1.po.4', 'c5.8', 'c5.f1.pa.3', 'c5.f1.pa.4', 'c5.f1.pa.2', 'c5.f1.ex.1', 'c5.10'],
  },

  // ------------------------------------------------ paraphrase (the delegate's words, not the document's)
  // "return, readmission and reintegration"; "safe and sustainable return, readmission"
  { q: 'deportation', cls: 'paraphrase', relevant: ['c3.4', 'c3.f4.po.1', 'c3.f4.pa.3', 'c3.11'] },
  // UK Code of Practice for the Ethical Recruitment of International Healthcare Professionals; codes in the health sector
  { q: 'brain drain of nurses', cls: 'paraphrase', relevant: ['c2.f2.ex.1', 'c2.f2.pa.1', 'c2.2'] },
  // "persons are displaced across borders in the context of disaster and climate change"; Nansen; PDD
  { q: 'climate refugees', cls: 'paraphrase', relevant: ['c5.2', 'c5.7', 'c5.f1.ex.3', 'c5.5', 'c5.12'] },
  // "access to basic services and emergency treatment irrespective of their legal status"
  {
    q: 'undocumented migrants access to health care',
    cls: 'paraphrase',
    relevant: ['c1.f1.pa.3', 'c6.f1.po.4'],
  },
  // "rights-based circular or temporary labor migration schemes"; seasonal schemes
  {
    q: 'guest worker programs',
    cls: 'paraphrase',
    relevant: ['c2.f1.po.1', 'c2.f1.ex.3', 'c2.f4.ex.3', 'c2.17', 'c2.f1.pa.4'],
  },
  // "contemporary forms of slavery"; slavery in the supply chains
  { q: 'modern slavery', cls: 'paraphrase', relevant: ['c6.8', 'c6.f2.pa.3', 'c6.4'] },
  // non-refoulement: no return to where life or freedom would be threatened
  { q: 'pushbacks', cls: 'paraphrase', relevant: ['c3.6'] },
  // racism, racial discrimination, xenophobia and related intolerance against migrants
  { q: 'hate speech against migrants', cls: 'paraphrase', relevant: ['c1.3', 'c1.f3.po.4', 'c1.f3.ex.2'] },
  // migrant organizations, migrant and diaspora associations
  {
    q: 'hometown associations',
    cls: 'paraphrase',
    relevant: ['c4.f1.ex.2', 'c4.f4.po.1', 'c4.f4.pa.2', 'c4.12', 'c4.f1.pa.1'],
  },
  // "proof of legal identity, including birth registration"
  { q: 'statelessness', cls: 'paraphrase', relevant: ['c1.5'] },
  // "seasonal movements of agricultural workers"; Recognized Seasonal Employers
  { q: 'seasonal farm workers', cls: 'paraphrase', relevant: ['c2.f1.ex.3', 'c2.f4.ex.3'] },
  // compare remittances costs; bring down high remittance costs
  {
    q: 'cost of sending money home',
    cls: 'paraphrase',
    relevant: ['c4.f2.pa.1', 'c4.f2.ex.1', 'c4.f2.pa.3', 'c4.10', 'c4.3'],
  },
  // "Ensure that irregular migration is not criminalized"; "non-criminalization of irregular migrants"
  { q: 'illegal migrants not criminalised', cls: 'paraphrase', relevant: ['c6.f2.po.4', 'c2.f1.ex.1'] },

  // ------------------------------------------------ identifier (a footnote and the block citing it both answer)
  // footnote 55: http://gfmd.org/pfp/ppd/5424, cited by the ILO fair recruitment principles
  { q: 'ppd 5424', cls: 'identifier', relevant: ['fn.55', 'c2.f2.ex.2'] },
  // footnote 33: http://gfmd.org/pfp/ppd/2623, cited by the IOM awareness programs
  { q: 'PfP 2623', cls: 'identifier', relevant: ['fn.33', 'c1.f3.ex.2'] },
  // footnote 105: http://gfmd.org/pfp/ppd/468, cited by envoidargent.fr
  { q: 'gfmd.org/pfp/ppd/468', cls: 'identifier', relevant: ['fn.105', 'c4.f2.ex.1'] },
  // footnote 29: http://gfmd.org/pfp/ppd/2334, cited by El Salvador's development plan
  { q: 'https://www.gfmd.org/pfp/ppd/2334', cls: 'identifier', relevant: ['fn.29', 'c1.f1.ex.1'] },
  // footnote 90: http://gfmd.org/pfp/ppd/5714, cited by Returning to New Opportunities
  { q: 'pfp 5714', cls: 'identifier', relevant: ['fn.90', 'c3.f4.ex.1'] },
  // the app's own link to Ghana's social security example
  { q: 'recollection://block/c4.f5.ex.1', cls: 'identifier', relevant: ['c4.f5.ex.1'] },
  // footnote 54 (the UK Code of Practice)
  { q: 'footnote 54', cls: 'identifier', relevant: ['fn.54', 'c2.f2.ex.1'] },
  // footnote 141: the Optional Protocol on the Sale of Children, cited in Cluster 6
  { q: 'fn 141', cls: 'identifier', relevant: ['fn.141', 'c6.2'] },
  // "SDG target 10.c on the reduction of transaction costs for remittances"
  { q: '10.c', cls: 'identifier', relevant: ['c4.3'] },
  // "(SDG 3.c)": recruitment and retention of the health workforce
  { q: 'target 3.c', cls: 'identifier', relevant: ['c2.2'] },
  // "SDG 16.9 obliges states to … proof of legal identity"
  { q: 'SDG 16.9', cls: 'identifier', relevant: ['c1.5'] },
  // the label of Cluster 2 (2), Policy option 1
  { q: '2.2 PO 1', cls: 'identifier', relevant: ['c2.f2.po.1'] },
  // a block id
  { q: 'c4.f2.pa.1', cls: 'identifier', relevant: ['c4.f2.pa.1'] },
  // footnote 69 "Ibid., Recommendation 12." (Sutherland), cited in c3.3; 12(a) in footnote 82
  {
    q: 'Sutherland recommendation 12',
    cls: 'identifier',
    relevant: ['c3.3', 'fn.69', 'fn.82', 'c3.f2.pa.1.5'],
  },
  // "in line with SDG indicator 10.7.1"
  { q: 'SDG indicator 10.7.1', cls: 'identifier', relevant: ['c2.f1.pa.1'] },

  // ------------------------------------------------ entity (a country or organisation)
  { q: 'Sweden', cls: 'entity', relevant: ['c4.f5.ex.2'] },
  { q: 'Cyprus', cls: 'entity', relevant: ['c6.f1.ex.1'] },
  { q: 'Nepal', cls: 'entity', relevant: ['c3.f4.ex.4'] },
  { q: 'Mauritius', cls: 'entity', relevant: ['c5.f1.ex.2'] },
  { q: 'Microsoft', cls: 'entity', relevant: ['c6.f2.ex.1'] },
  { q: 'ECLAC', cls: 'entity', relevant: ['c3.f3.ex.1'] },
  // IFAD's investment opportunities for Senegalese migrants
  { q: 'IFAD Senegal', cls: 'entity', relevant: ['c2.f4.ex.1'] },
  // the text writes "UNWomen"
  { q: 'UN Women', cls: 'entity', relevant: ['c4.f4.ex.1'] },
  // "The Guatemalan Government, in cooperation with IOM" (the full name for the abbreviation)
  { q: 'International Organization for Migration Guatemala', cls: 'entity', relevant: ['c1.f2.ex.1'] },
  // PDD established by Germany (Chair) and Bangladesh (Vice-Chair)
  { q: 'Bangladesh Germany', cls: 'entity', relevant: ['c5.f1.ex.3'] },
  // the Bali Process, co-chaired by Indonesia and Australia
  { q: 'Indonesia Australia', cls: 'entity', relevant: ['c6.f2.ex.3'] },
  // "performing artists and entertainers bound for Japan"
  { q: 'Japan entertainers', cls: 'entity', relevant: ['c2.f4.ex.2'] },

  // ------------------------------------------------ misspelling
  { q: 'seafarrers placement fees', cls: 'misspelling', relevant: ['c2.f4.ex.2'] },
  { q: 'trafficing victims crowdfunding', cls: 'misspelling', relevant: ['c6.f2.ex.1'] },
  { q: 'reintegraton observatory', cls: 'misspelling', relevant: ['c3.f2.pa.5'] },
  { q: 'diaspora engagment evaluations', cls: 'misspelling', relevant: ['c4.f3.pa.3'] },
  { q: 'portabilty of work authorisations', cls: 'misspelling', relevant: ['c2.f2.pa.2'] },
  { q: 'unacompanied migrant children Mexico', cls: 'misspelling', relevant: ['c6.f3.ex.1'] },
  { q: 'alternatives to detension', cls: 'misspelling', relevant: ['c1.f1.pa.4'] },
  { q: 'Nansen Initiatve protection agenda', cls: 'misspelling', relevant: ['c5.7', 'c5.f1.pa.2'] },
  { q: 'xenophobia legislaton racial discrimination', cls: 'misspelling', relevant: ['c1.f3.po.4'] },
  { q: 'Guatamala seasonal workers Canada', cls: 'misspelling', relevant: ['c2.f1.ex.3'] },
  { q: 'remitances data private-sector investment', cls: 'misspelling', relevant: ['c4.f2.po.4'] },
];
