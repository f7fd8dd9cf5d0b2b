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

export interface JudgedQuery {
  q: string;
  /** Every block that answers the query; any of them counts as a success. */
  relevant: readonly string[];
}

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
  { q: 'xenophobia campaing Ecuador', relevant: ['c1.f3.ex.1'] },
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
  { q: 'Montevido consensus', relevant: ['c3.f3.ex.1'] },
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
  { q: 'Talent Beyond Boundries', relevant: ['c5.f1.ex.4'] },
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
  { q: 'Prometo', relevant: ['c4.f3.ex.1'] },
  // typo of "Citoyenneté", the Swiss participation program
  { q: 'Citoyenete', relevant: ['c1.f2.ex.2'] },
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
  { q: 'Sendai framwork', relevant: ['c5.6'] },
  // identification of unaccompanied children; Mexico's model for unaccompanied migrant children
  { q: 'unaccompanied minors', relevant: ['c6.f3.pa.1', 'c6.f3.ex.1'] },
  // the Philippines seafarers pay no placement fees ("Philipines" is a typo)
  { q: 'Philipines seafarers', relevant: ['c2.f4.ex.2'] },
  // foster competition in remittance markets (Sutherland), its policy option and envoidargent.fr
  { q: 'remmitance market competition', relevant: ['c4.5', 'c4.f2.po.1', 'c4.f2.ex.1'] },
  // Germany's Centers for Jobs, Migration and Reintegration (British spelling)
  { q: 'centre for jobs migration and reintegration', relevant: ['c3.f4.ex.1'] },
  // licensing and certification systems for recruiters; certification mechanisms for recruitment agencies
  { q: 'licensing of recruitment agencies', relevant: ['c2.f2.pa.3', 'c2.f2.pa.1'] },
  // every block asking for sex/gender and age disaggregated data
  {
    q: 'data disaggregated by sex and age',
    relevant: ['c2.f1.pa.3', 'c3.f2.po.1', 'c3.f2.pa.4', 'c5.f2.po.1', 'c3.5'],
  },
];
