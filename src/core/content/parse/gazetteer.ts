/**
 * The gazetteer of the "Countries & organisations" cross-references: the
 * countries and territories of the world (UN member and observer states and
 * the usual territories, with the short names and demonyms the document
 * uses: "Swiss", "Guatemalan", "Filipino"), the world regions a delegate looks
 * up, and the organisations the document names, each with its abbreviation
 * (IOM = International Organization for Migration).
 *
 * Constraint: data only, matched case-sensitively as whole words (entities.ts),
 * so "WHO" is the organisation and "who" is not; an alias is listed only when
 * it cannot be an ordinary word of the text ("Chad" yes, "US" no).
 */

/** `Name` or `Name=alias;alias` (aliases: other names, demonyms). */
const COUNTRIES = `Afghanistan=Afghan|Albania=Albanian|Algeria=Algerian|Andorra|Angola=Angolan|Antigua and Barbuda|Argentina=Argentine;Argentinian|Armenia=Armenian|Australia=Australian|Austria=Austrian|Azerbaijan|Bahamas|Bahrain|Bangladesh=Bangladeshi|Barbados|Belarus|Belgium=Belgian|Belize|Benin|Bhutan|Bolivia=Bolivian|Bosnia and Herzegovina|Botswana|Brazil=Brazilian|Brunei Darussalam=Brunei|Bulgaria=Bulgarian|Burkina Faso|Burundi|Cabo Verde=Cape Verde|Cambodia=Cambodian|Cameroon|Canada=Canadian;Pan-Canadian|Central African Republic|Chad|Chile=Chilean|China=Chinese|Colombia=Colombian|Comoros|Congo|Costa Rica|Côte d’Ivoire=Côte d'Ivoire;Ivory Coast|Croatia|Cuba|Cyprus|Czechia=Czech Republic|Democratic Republic of the Congo=DR Congo|Denmark=Danish|Djibouti|Dominica|Dominican Republic|Ecuador=Ecuadorian|Egypt=Egyptian|El Salvador=Salvadoran|Equatorial Guinea|Eritrea=Eritrean|Estonia|Eswatini=Swaziland|Ethiopia=Ethiopian|Fiji|Finland=Finnish|France=French|Gabon|Gambia|Georgia|Germany=German|Ghana=Ghanaian|Greece=Greek|Grenada|Guatemala=Guatemalan;Guatemalans|Guinea|Guinea-Bissau|Guyana|Haiti=Haitian|Honduras|Hungary=Hungarian|Iceland|India=Indian|Indonesia=Indonesian|Iran|Iraq=Iraqi|Ireland=Irish|Israel|Italy=Italian|Jamaica=Jamaican|Japan=Japanese|Jordan=Jordanian|Kazakhstan|Kenya=Kenyan|Kiribati|Kuwait|Kyrgyzstan|Lao People’s Democratic Republic=Laos|Latvia|Lebanon=Lebanese|Lesotho|Liberia|Libya=Libyan|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia=Malaysian|Maldives|Mali=Malian|Malta|Marshall Islands|Mauritania|Mauritius|Mexico=Mexican|Micronesia|Monaco|Mongolia|Montenegro|Morocco=Moroccan|Mozambique|Myanmar|Namibia|Nauru|Nepal=Nepalese|Netherlands=Dutch|New Zealand|Nicaragua|Niger|Nigeria=Nigerian|North Macedonia|Norway=Norwegian|Oman|Pakistan=Pakistani|Palau|Panama|Papua New Guinea|Paraguay|Peru=Peruvian|Philippines=Philippine;Filipino;Filipinos|Poland=Polish|Portugal=Portuguese|Qatar|Republic of Korea=Korea;Korean;South Korea|Republic of Moldova=Moldova;Moldovan|Romania=Romanian|Russian Federation=Russia|Rwanda|Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|Sao Tome and Principe|Saudi Arabia|Senegal=Senegalese|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia=Somali|South Africa=South African|South Sudan|Spain=Spanish|Sri Lanka=Sri Lankan|Sudan|Suriname|Sweden=Swedish|Switzerland=Swiss|Syrian Arab Republic=Syria;Syrian|Tajikistan|Thailand=Thai|Timor-Leste|Togo|Tonga|Trinidad and Tobago|Tunisia=Tunisian|Turkey=Türkiye;Turkish|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates=UAE|United Kingdom=UK;British|United Republic of Tanzania=Tanzania|United States of America=United States;USA|Uruguay|Uzbekistan|Vanuatu|Venezuela=Venezuelan|Viet Nam=Vietnam|Yemen|Zambia|Zimbabwe|Holy See|State of Palestine=Palestine|Kosovo|Taiwan|Hong Kong|Macao|Puerto Rico|Greenland|New Caledonia|French Polynesia|Guam`;

const REGIONS = `Africa=African|Asia=Asian|Europe=European|Latin America|Caribbean|Western Balkans=Western Balkan|Pacific Island countries=Pacific Islands;Pacific Island|West Africa=West African|North Africa|Middle East|North America|Central America|South America|Southeast Asia|South Asia|Asia-Pacific|Mediterranean|Sahel|Horn of Africa`;

/** `ABBR=Full name;alias` or `Name` (no abbreviation). */
const ORGANISATIONS = `IOM=International Organization for Migration|ILO=International Labour Organization;International Labor Organization|UNHCR=United Nations Refugee Agency;UN Refugee Agency;United Nations High Commissioner for Refugees|UNDP=United Nations Development Programme|UNICEF=United Nations Children’s Fund|UNODC=United Nations Office on Drugs and Crime|OHCHR=Office of the High Commissioner for Human Rights|UNFPA=United Nations Population Fund|UN DESA=United Nations Department of Economic and Social Affairs;UNDESA|UN Women=United Nations Entity for Gender Equality and the Empowerment of Women;UNWomen;UN-Women|ECLAC=Economic Commission for Latin America and the Caribbean|ECOWAS=Economic Community of West African States|IFAD=International Fund for Agricultural Development|World Bank|OECD=Organisation for Economic Co-operation and Development|EU=European Union|AU=African Union|ASEAN=Association of Southeast Asian Nations|GFMD=Global Forum on Migration and Development|JMDI=Joint Migration and Development Initiative|KNOMAD=Global Knowledge Partnership on Migration and Development|PDD=Platform on Disaster Displacement|TBB=Talent Beyond Boundaries|World Employment Confederation|BAMF=Federal Office for Migration and Refugees|INM=National Migration Institute|ICTC=Information and Communication Technology Council|Swiss Federal Commission on Migration|Eurostat|NIDI=Netherlands Interdisciplinary Demographic Institute|Microsoft|WHO=World Health Organization|UNCTAD|UNESCO|UNEP|WFP=World Food Programme|OSCE|IGAD|SADC|CARICOM|MERCOSUR|UN=United Nations`;

export type EntityKind = 'country' | 'region' | 'organisation';

export interface Entity {
  kind: EntityKind;
  /** The facet key: the abbreviation of an organisation that has one, else the name. */
  key: string;
  /** Shown in the panel: "International Organization for Migration (IOM)", "Guatemala". */
  display: string;
  /** Every form matched in the text, key and display included. */
  names: string[];
}

function parse(kind: EntityKind, data: string): Entity[] {
  return data.split('|').map((item) => {
    const [head, rest] = item.split('=');
    const aliases = rest ? rest.split(';') : [];
    if (kind === 'organisation' && rest) {
      const full = aliases[0];
      return { kind, key: head, display: `${full} (${head})`, names: [head, ...aliases] };
    }
    return { kind, key: head, display: head, names: [head, ...aliases] };
  });
}

export const GAZETTEER: readonly Entity[] = [
  ...parse('country', COUNTRIES),
  ...parse('region', REGIONS),
  ...parse('organisation', ORGANISATIONS),
];
