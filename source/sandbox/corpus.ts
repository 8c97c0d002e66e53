/**
 * Word lists the seed generator draws from. Multilingual on purpose (French, German, Luxembourgish, English, with
 * accents) so that the app's rendering, truncation and accent-insensitive search are exercised by realistic text.
 */

/** A language an object is "written" in; drives the description sentences. */
export type Language = 'fr' | 'de' | 'lb' | 'en';

/** Named organizations seeded first (in this order), before generated ones. */
export const NAMED_ORGANIZATIONS: ReadonlyArray<{name: string; acronym: string | null; language: Language; badges: readonly string[]; url: string | null}> = [
	{name: 'Institut national de la statistique et des études économiques', acronym: 'INSEE', language: 'fr', badges: ['public-service', 'certified'], url: 'https://www.insee.example'},
	{name: 'Institut national de la statistique et des études économiques du Grand-Duché de Luxembourg', acronym: 'STATEC', language: 'fr', badges: ['public-service', 'certified'], url: 'https://statistiques.example.lu'},
	{name: 'Ville de Luxembourg', acronym: 'VdL', language: 'fr', badges: ['public-service', 'local-authority'], url: 'https://www.vdl.example.lu'},
	{name: 'Administration du cadastre et de la topographie', acronym: 'ACT', language: 'fr', badges: ['public-service', 'certified'], url: 'https://act.example.lu'},
	{name: 'Lëtzebuerger Statistikamt', acronym: null, language: 'lb', badges: ['public-service'], url: null},
	{name: 'Ministère de la Mobilité et des Travaux publics', acronym: 'MMTP', language: 'fr', badges: ['public-service', 'certified'], url: 'https://mobilite.example.lu'},
	{name: 'Service des Vélos partagés', acronym: 'Vël’OH!', language: 'fr', badges: ['public-service'], url: 'https://velos.example.lu'},
	{name: 'Administration de l’environnement', acronym: 'AEV', language: 'fr', badges: ['public-service'], url: 'https://environnement.example.lu'},
	{name: 'Administration de la gestion de l’eau', acronym: 'AGE', language: 'fr', badges: ['public-service'], url: 'https://eau.example.lu'},
	{name: 'Ministère de l’Éducation nationale, de l’Enfance et de la Jeunesse', acronym: 'MENJE', language: 'fr', badges: ['public-service'], url: 'https://men.example.lu'},
	{name: 'Société nationale des chemins de fer luxembourgeois', acronym: 'CFL', language: 'fr', badges: ['company'], url: 'https://cfl.example.lu'},
	{name: 'Verkéiersverbond', acronym: null, language: 'lb', badges: ['public-service'], url: 'https://mobiliteit.example.lu'},
	{name: 'Statistisches Landesamt Rheinland-Pfalz', acronym: null, language: 'de', badges: ['public-service'], url: 'https://statistik.example.de'},
	{name: 'Stadtwerke Trier', acronym: 'SWT', language: 'de', badges: ['company'], url: 'https://swt.example.de'},
	{name: 'Landesamt für Vermessung und Geobasisinformation', acronym: 'LVermGeo', language: 'de', badges: ['public-service'], url: null},
	{name: 'Météo-France', acronym: null, language: 'fr', badges: ['public-service', 'certified'], url: 'https://meteo.example.fr'},
	{name: 'Agence de l’environnement et de la maîtrise de l’énergie', acronym: 'ADEME', language: 'fr', badges: ['public-service'], url: 'https://ademe.example.fr'},
	{name: 'Observatoire régional de la qualité de l’air du Grand Est', acronym: 'ATMO Grand Est', language: 'fr', badges: ['association'], url: 'https://atmo.example.fr'},
	{name: 'Open Knowledge Foundation Luxembourg', acronym: 'OKFN LU', language: 'en', badges: ['association'], url: 'https://okfn.example.lu'},
	{name: 'Luxembourg Institute of Socio-Economic Research', acronym: 'LISER', language: 'en', badges: ['public-service'], url: 'https://liser.example.lu'},
	{name: 'Direction interministérielle du numérique et du système d’information et de communication de l’État, service de la donnée ouverte et des plateformes publiques', acronym: 'DINUM', language: 'fr', badges: ['public-service'], url: 'https://numerique.example.fr'},
	{name: 'Syndicat intercommunal pour l’assainissement, la gestion des eaux pluviales et la protection des cours d’eau du bassin supérieur de l’Alzette et de ses affluents', acronym: 'SIDERO', language: 'fr', badges: ['local-authority'], url: null},
	{name: 'Centre des technologies de l’information de l’État', acronym: 'CTIE', language: 'fr', badges: ['public-service'], url: 'https://ctie.example.lu'},
	{name: 'Gemeng Esch-Uelzecht', acronym: null, language: 'lb', badges: ['local-authority'], url: 'https://esch.example.lu'},
	{name: 'Chambre de Commerce du Grand-Duché de Luxembourg', acronym: 'CC', language: 'fr', badges: ['company'], url: 'https://cc.example.lu'},
];

/** Places: Luxembourg, the Greater Region, France and Germany. */
export const PLACES: readonly string[] = [
	'Luxembourg', 'Esch-sur-Alzette', 'Differdange', 'Dudelange', 'Ettelbruck', 'Diekirch', 'Wiltz', 'Echternach',
	'Remich', 'Grevenmacher', 'Mersch', 'Clervaux', 'Vianden', 'Bettembourg', 'Pétange', 'Sanem', 'Hesperange',
	'Strassen', 'Bertrange', 'Mamer', 'Kayl', 'Schifflange', 'Mondorf-les-Bains', 'Steinfort', 'Junglinster',
	'Niederanven', 'Walferdange', 'Käerjeng', 'Rumelange', 'Redange', 'Contern', 'Sandweiler', 'Lorentzweiler',
	'Mondercange', 'Roeser', 'Weiler-la-Tour', 'Schengen', 'Beaufort', 'Larochette', 'Lëtzebuerg', 'Uelzecht',
	'Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Strasbourg', 'Montpellier', 'Bordeaux', 'Lille', 'Rennes',
	'Reims', 'Saint-Étienne', 'Le Havre', 'Grenoble', 'Dijon', 'Angers', 'Nîmes', 'Besançon', 'Metz', 'Nancy',
	'Thionville', 'Orléans', 'Clermont-Ferrand', 'Île-de-France', 'Auvergne-Rhône-Alpes',
	'Provence-Alpes-Côte d’Azur', 'Hauts-de-France', 'Grand Est', 'Bretagne', 'Occitanie', 'Nouvelle-Aquitaine',
	'Trier', 'Saarbrücken', 'Köln', 'München', 'Düsseldorf', 'Koblenz', 'Bitburg', 'Mainz', 'Stuttgart', 'Nürnberg',
	'Göttingen', 'Lübeck', 'Zweibrücken', 'Arlon', 'Liège', 'Bastogne', 'Namur', 'Eupen', 'Longwy', 'Forbach',
	'Sarreguemines', 'Épinal', 'Mulhouse', 'Colmar', 'Châlons-en-Champagne', 'Troyes',
];

/** Years used to tell datasets of the same theme and place apart. */
export const YEARS: readonly number[] = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

/** Dataset themes: a title, its language, its tags and the topic its reuses usually fall under. */
export type Theme = {title: string; language: Language; tags: readonly string[]; topic: string; formats: readonly string[]};

export const THEMES: readonly Theme[] = [
	{title: 'Accidents de la route', language: 'fr', tags: ['accidents', 'securite-routiere', 'transport'], topic: 'transport_and_mobility', formats: ['csv', 'xlsx']},
	{title: 'Accidents corporels de la circulation routière', language: 'fr', tags: ['accidents', 'circulation', 'securite-routiere'], topic: 'transport_and_mobility', formats: ['csv', 'json']},
	{title: 'Qualité de l\'air', language: 'fr', tags: ['qualite-de-l-air', 'environnement', 'pollution'], topic: 'environment_and_climate', formats: ['csv', 'json']},
	{title: 'Mesures de la qualité de l\'air (NO2, PM10, O3)', language: 'fr', tags: ['qualite-de-l-air', 'no2', 'pm10', 'ozone'], topic: 'environment_and_climate', formats: ['csv', 'json', 'xml']},
	{title: 'Stations de vélos partagés', language: 'fr', tags: ['velos', 'mobilite', 'velo-en-libre-service'], topic: 'transport_and_mobility', formats: ['json', 'csv', 'geojson']},
	{title: 'Disponibilité des vélos en libre-service en temps réel', language: 'fr', tags: ['velos', 'mobilite', 'temps-reel'], topic: 'transport_and_mobility', formats: ['json', 'gbfs']},
	{title: 'Pistes cyclables et aménagements pour les vélos', language: 'fr', tags: ['velos', 'amenagements-cyclables', 'mobilite'], topic: 'transport_and_mobility', formats: ['geojson', 'shp', 'csv']},
	{title: 'Plan de mobilité urbaine durable', language: 'fr', tags: ['mobilite', 'urbanisme', 'transport'], topic: 'transport_and_mobility', formats: ['pdf', 'zip']},
	{title: 'Enquête mobilité des ménages', language: 'fr', tags: ['mobilite', 'enquete', 'deplacements'], topic: 'transport_and_mobility', formats: ['csv', 'pdf']},
	{title: 'Horaires des transports publics (GTFS)', language: 'fr', tags: ['transport', 'gtfs', 'horaires', 'mobilite'], topic: 'transport_and_mobility', formats: ['zip', 'gtfs']},
	{title: 'Arrêts de bus et lignes régulières', language: 'fr', tags: ['bus', 'transport', 'arrets'], topic: 'transport_and_mobility', formats: ['csv', 'geojson']},
	{title: 'Parkings et places disponibles', language: 'fr', tags: ['stationnement', 'parkings', 'mobilite'], topic: 'transport_and_mobility', formats: ['json', 'csv']},
	{title: 'Bornes de recharge pour véhicules électriques', language: 'fr', tags: ['irve', 'electromobilite', 'energie'], topic: 'transport_and_mobility', formats: ['csv', 'geojson']},
	{title: 'Comptages routiers permanents', language: 'fr', tags: ['trafic', 'comptages', 'routes'], topic: 'transport_and_mobility', formats: ['csv']},
	{title: 'Budget communal primitif et compte administratif', language: 'fr', tags: ['budget', 'finances-publiques'], topic: 'economy_and_business', formats: ['csv', 'xlsx', 'pdf']},
	{title: 'Subventions accordées aux associations', language: 'fr', tags: ['subventions', 'associations', 'finances-publiques'], topic: 'economy_and_business', formats: ['csv', 'xlsx']},
	{title: 'Marchés publics attribués', language: 'fr', tags: ['marches-publics', 'commande-publique'], topic: 'economy_and_business', formats: ['csv', 'xml', 'json']},
	{title: 'Délibérations du conseil communal', language: 'fr', tags: ['deliberations', 'conseil-communal'], topic: 'others', formats: ['pdf', 'csv']},
	{title: 'Population par commune et par sexe', language: 'fr', tags: ['population', 'demographie', 'statistiques'], topic: 'society', formats: ['csv', 'xlsx']},
	{title: 'Naissances, décès et mariages', language: 'fr', tags: ['etat-civil', 'demographie'], topic: 'society', formats: ['csv']},
	{title: 'Recensement de la population — résultats détaillés', language: 'fr', tags: ['recensement', 'population', 'statistiques'], topic: 'society', formats: ['csv', 'xlsx', 'zip']},
	{title: 'Prix de l’immobilier résidentiel', language: 'fr', tags: ['logement', 'immobilier', 'prix'], topic: 'housing_and_development', formats: ['csv', 'xlsx']},
	{title: 'Permis de bâtir délivrés', language: 'fr', tags: ['urbanisme', 'permis-de-construire'], topic: 'housing_and_development', formats: ['csv']},
	{title: 'Cadastre — plan parcellaire', language: 'fr', tags: ['cadastre', 'parcelles', 'foncier'], topic: 'territory', formats: ['shp', 'geojson', 'gml']},
	{title: 'Limites administratives des communes', language: 'fr', tags: ['limites-administratives', 'communes', 'geographie'], topic: 'territory', formats: ['geojson', 'shp']},
	{title: 'Adresses géolocalisées', language: 'fr', tags: ['adresses', 'geocodage', 'base-adresse'], topic: 'territory', formats: ['csv', 'geojson']},
	{title: 'Orthophotos haute résolution', language: 'fr', tags: ['orthophoto', 'imagerie', 'geographie'], topic: 'territory', formats: ['tiff', 'wms']},
	{title: 'Arbres remarquables et alignements', language: 'fr', tags: ['arbres', 'espaces-verts', 'biodiversite'], topic: 'environment_and_climate', formats: ['csv', 'geojson']},
	{title: 'Collecte des déchets ménagers', language: 'fr', tags: ['dechets', 'collecte', 'environnement'], topic: 'environment_and_climate', formats: ['csv', 'pdf']},
	{title: 'Points d’apport volontaire du verre', language: 'fr', tags: ['dechets', 'recyclage', 'verre'], topic: 'environment_and_climate', formats: ['csv', 'geojson']},
	{title: 'Consommation d’eau potable', language: 'fr', tags: ['eau', 'consommation'], topic: 'environment_and_climate', formats: ['csv']},
	{title: 'Qualité des eaux de baignade', language: 'fr', tags: ['eau', 'baignade', 'sante'], topic: 'health', formats: ['csv', 'json']},
	{title: 'Niveaux et débits des cours d’eau', language: 'fr', tags: ['hydrologie', 'crues', 'eau'], topic: 'environment_and_climate', formats: ['csv', 'json']},
	{title: 'Observations météorologiques horaires', language: 'fr', tags: ['meteo', 'climat', 'temperature'], topic: 'environment_and_climate', formats: ['csv', 'json']},
	{title: 'Production d’électricité photovoltaïque', language: 'fr', tags: ['energie', 'photovoltaique', 'electricite'], topic: 'energy', formats: ['csv']},
	{title: 'Consommation d’énergie des bâtiments publics', language: 'fr', tags: ['energie', 'batiments-publics'], topic: 'energy', formats: ['csv', 'xlsx']},
	{title: 'Établissements scolaires et effectifs', language: 'fr', tags: ['education', 'ecoles', 'effectifs'], topic: 'education_and_research', formats: ['csv', 'json']},
	{title: 'Résultats aux examens de fin d’études secondaires', language: 'fr', tags: ['education', 'examens'], topic: 'education_and_research', formats: ['csv', 'xlsx']},
	{title: 'Offres d’emploi publiées', language: 'fr', tags: ['emploi', 'travail'], topic: 'work', formats: ['csv', 'json']},
	{title: 'Taux de chômage trimestriel', language: 'fr', tags: ['chomage', 'emploi', 'statistiques'], topic: 'work', formats: ['csv', 'xlsx']},
	{title: 'Entreprises immatriculées au registre de commerce', language: 'fr', tags: ['entreprises', 'registre'], topic: 'economy_and_business', formats: ['csv', 'zip']},
	{title: 'Tourisme — arrivées et nuitées', language: 'fr', tags: ['tourisme', 'hebergement'], topic: 'culture', formats: ['csv', 'xlsx']},
	{title: 'Monuments historiques protégés', language: 'fr', tags: ['patrimoine', 'monuments', 'culture'], topic: 'culture', formats: ['csv', 'geojson']},
	{title: 'Bibliothèques et médiathèques', language: 'fr', tags: ['culture', 'bibliotheques'], topic: 'culture', formats: ['csv']},
	{title: 'Équipements sportifs', language: 'fr', tags: ['sport', 'equipements'], topic: 'sport', formats: ['csv', 'geojson']},
	{title: 'Pharmacies de garde', language: 'fr', tags: ['sante', 'pharmacies'], topic: 'health', formats: ['csv', 'json']},
	{title: 'Défibrillateurs automatisés externes (DAE)', language: 'fr', tags: ['sante', 'defibrillateurs', 'secours'], topic: 'health', formats: ['csv', 'json']},
	{title: 'Élections — résultats par bureau de vote', language: 'fr', tags: ['elections', 'resultats'], topic: 'others', formats: ['csv', 'xlsx']},
	{title: 'Indice des prix à la consommation harmonisé', language: 'fr', tags: ['prix', 'inflation', 'statistiques'], topic: 'economy_and_business', formats: ['csv', 'xlsx', 'sdmx']},
	{title: 'Comptes nationaux annuels', language: 'fr', tags: ['economie', 'comptes-nationaux', 'pib'], topic: 'economy_and_business', formats: ['csv', 'xlsx']},
	{title: 'Commerce extérieur par produit et par pays partenaire', language: 'fr', tags: ['commerce-exterieur', 'douanes'], topic: 'economy_and_business', formats: ['csv']},
	{title: 'Surfaces agricoles cultivées', language: 'fr', tags: ['agriculture', 'cultures'], topic: 'agriculture_and_food', formats: ['csv', 'shp']},
	{title: 'Forêts publiques et peuplements', language: 'fr', tags: ['foret', 'biodiversite'], topic: 'environment_and_climate', formats: ['shp', 'geojson']},
	{title: 'Cartes stratégiques du bruit routier', language: 'fr', tags: ['bruit', 'environnement', 'routes'], topic: 'environment_and_climate', formats: ['shp', 'pdf', 'wms']},
	{title: 'Zones inondables et aléas', language: 'fr', tags: ['inondations', 'risques'], topic: 'environment_and_climate', formats: ['shp', 'wms']},
	{title: 'Radars de contrôle de vitesse', language: 'fr', tags: ['securite-routiere', 'radars', 'accidents'], topic: 'transport_and_mobility', formats: ['csv']},
	{title: 'Travaux et chantiers sur la voirie', language: 'fr', tags: ['travaux', 'voirie', 'mobilite'], topic: 'transport_and_mobility', formats: ['json', 'geojson']},
	{title: 'Fréquentation des gares ferroviaires', language: 'fr', tags: ['train', 'gares', 'mobilite'], topic: 'transport_and_mobility', formats: ['csv', 'xlsx']},
	{title: 'Logements sociaux', language: 'fr', tags: ['logement', 'social'], topic: 'housing_and_development', formats: ['csv']},
	{title: 'Nomenclature des activités économiques (NACE)', language: 'fr', tags: ['nomenclature', 'nace', 'economie'], topic: 'economy_and_business', formats: ['csv', 'xml']},
	{title: 'Verkehrsunfälle mit Personenschaden', language: 'de', tags: ['verkehr', 'unfaelle', 'accidents'], topic: 'transport_and_mobility', formats: ['csv']},
	{title: 'Luftqualität — Messstationen', language: 'de', tags: ['luftqualitaet', 'umwelt', 'qualite-de-l-air'], topic: 'environment_and_climate', formats: ['csv', 'json']},
	{title: 'Fahrradverleih — Stationen und Verfügbarkeit', language: 'de', tags: ['fahrrad', 'velos', 'mobilitaet'], topic: 'transport_and_mobility', formats: ['json']},
	{title: 'Haushaltsplan der Gemeinde', language: 'de', tags: ['haushalt', 'finanzen'], topic: 'economy_and_business', formats: ['csv', 'pdf']},
	{title: 'Bevölkerungsstand nach Altersgruppen', language: 'de', tags: ['bevoelkerung', 'statistik'], topic: 'society', formats: ['csv', 'xlsx']},
	{title: 'Wahlergebnisse der Kommunalwahl', language: 'de', tags: ['wahlen', 'ergebnisse'], topic: 'others', formats: ['csv']},
	{title: 'Bebauungspläne', language: 'de', tags: ['bauleitplanung', 'urbanisme'], topic: 'housing_and_development', formats: ['pdf', 'shp']},
	{title: 'Öffentliche Toiletten', language: 'de', tags: ['toiletten', 'oeffentlicher-raum'], topic: 'others', formats: ['csv', 'geojson']},
	{title: 'Straßenbäume im Stadtgebiet', language: 'de', tags: ['baeume', 'umwelt'], topic: 'environment_and_climate', formats: ['csv', 'geojson']},
	{title: 'Hochwassergefahrenkarten', language: 'de', tags: ['hochwasser', 'risiken'], topic: 'environment_and_climate', formats: ['shp', 'wms']},
	{title: 'Statistiken iwwer d’Bevëlkerung', language: 'lb', tags: ['bevelkerung', 'statistiken'], topic: 'society', formats: ['csv', 'xlsx']},
	{title: 'Vëlosweeër an der Gemeng', language: 'lb', tags: ['velos', 'mobiliteit'], topic: 'transport_and_mobility', formats: ['geojson', 'kml']},
	{title: 'Ëffentlechen Transport — Fahrpläng', language: 'lb', tags: ['transport', 'gtfs', 'mobiliteit'], topic: 'transport_and_mobility', formats: ['zip']},
	{title: 'Gemengebudget', language: 'lb', tags: ['budget', 'gemeng'], topic: 'economy_and_business', formats: ['csv', 'pdf']},
	{title: 'Schoulen a Crèchen', language: 'lb', tags: ['schoulen', 'education'], topic: 'education_and_research', formats: ['csv']},
	{title: 'Waasserqualitéit vun de Baachen', language: 'lb', tags: ['waasser', 'eau'], topic: 'environment_and_climate', formats: ['csv']},
	{title: 'Road traffic accidents', language: 'en', tags: ['accidents', 'road-safety', 'transport'], topic: 'transport_and_mobility', formats: ['csv', 'json']},
	{title: 'Air quality measurements', language: 'en', tags: ['air-quality', 'environment', 'qualite-de-l-air'], topic: 'environment_and_climate', formats: ['csv', 'parquet']},
	{title: 'Bike sharing stations and trips', language: 'en', tags: ['velos', 'bike-sharing', 'mobility'], topic: 'transport_and_mobility', formats: ['csv', 'json', 'parquet']},
	{title: 'Public transport timetables', language: 'en', tags: ['transport', 'gtfs', 'timetables'], topic: 'transport_and_mobility', formats: ['zip', 'gtfs']},
	{title: 'Electric vehicle charging points', language: 'en', tags: ['ev-charging', 'energy', 'mobility'], topic: 'transport_and_mobility', formats: ['csv', 'geojson']},
	{title: 'Population by municipality', language: 'en', tags: ['population', 'statistics'], topic: 'society', formats: ['csv', 'xlsx']},
	{title: 'Energy consumption of households', language: 'en', tags: ['energy', 'households'], topic: 'energy', formats: ['csv']},
	{title: 'Open budget data', language: 'en', tags: ['budget', 'public-finance'], topic: 'economy_and_business', formats: ['csv', 'json']},
	{title: 'Mobility survey results', language: 'en', tags: ['mobility', 'survey', 'mobilite'], topic: 'transport_and_mobility', formats: ['csv', 'pdf']},
	{title: 'Weather observations (hourly)', language: 'en', tags: ['weather', 'climate'], topic: 'environment_and_climate', formats: ['csv', 'netcdf']},
];

/** Short acronyms some datasets carry. */
export const DATASET_ACRONYMS: readonly string[] = ['GTFS', 'BD TOPO', 'RGP', 'IRVE', 'DAE', 'PLU', 'PCN', 'IPCH', 'BAN', 'RNA'];

/** Generic tags sprinkled on datasets and reuses. */
export const GENERIC_TAGS: readonly string[] = ['open-data', 'luxembourg', 'statistiques', 'geodata', 'hvd', 'inspire', 'temps-reel', 'historique', 'annuel', 'communes', 'grande-region', 'donnees-ouvertes'];

/** udata license ids (API.md §5.3: `license` is an id string, default `notspecified`). */
export const LICENSES: ReadonlyArray<{id: string; title: string; url: string | null; flags: readonly string[]}> = [
	{id: 'cc-by', title: 'Creative Commons Attribution', url: 'http://www.opendefinition.org/licenses/cc-by', flags: ['domain_content', 'domain_data', 'okd_compliant', 'osi_compliant']},
	{id: 'cc-by-sa', title: 'Creative Commons Attribution Share-Alike', url: 'http://www.opendefinition.org/licenses/cc-by-sa', flags: ['domain_content', 'domain_data', 'okd_compliant']},
	{id: 'cc-zero', title: 'Creative Commons CCZero', url: 'http://www.opendefinition.org/licenses/cc-zero', flags: ['domain_content', 'domain_data', 'okd_compliant']},
	{id: 'odc-odbl', title: 'Open Data Commons Open Database License (ODbL)', url: 'http://www.opendefinition.org/licenses/odc-odbl', flags: ['domain_data', 'okd_compliant']},
	{id: 'odc-by', title: 'Open Data Commons Attribution License', url: 'http://opendatacommons.org/licenses/by/', flags: ['domain_data', 'okd_compliant']},
	{id: 'lov2', title: 'Licence Ouverte / Open Licence version 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence', flags: ['domain_content', 'domain_data', 'okd_compliant']},
	{id: 'fr-lo', title: 'Licence Ouverte / Open Licence', url: 'https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf', flags: ['domain_content', 'domain_data', 'okd_compliant']},
	{id: 'other-open', title: 'Other (Open)', url: null, flags: ['generic']},
	{id: 'notspecified', title: 'License Not Specified', url: null, flags: ['generic']},
];

/** Dataset update frequencies (ids and English labels). */
export const FREQUENCIES: ReadonlyArray<{id: string; label: string}> = [
	{id: 'unknown', label: 'Unknown'},
	{id: 'punctual', label: 'Punctual'},
	{id: 'continuous', label: 'Real time'},
	{id: 'hourly', label: 'Hourly'},
	{id: 'daily', label: 'Daily'},
	{id: 'weekly', label: 'Weekly'},
	{id: 'monthly', label: 'Monthly'},
	{id: 'quarterly', label: 'Quarterly'},
	{id: 'semiannual', label: 'Biannual'},
	{id: 'annual', label: 'Annual'},
	{id: 'biennial', label: 'Biennial'},
	{id: 'irregular', label: 'Irregular'},
];

/** Reuse types (API.md §5.5). */
export const REUSE_TYPES: readonly string[] = ['api', 'application', 'idea', 'news_article', 'paper', 'post', 'visualization', 'hardware'];

/** Reuse topics (API.md §5.5). */
export const REUSE_TOPICS: readonly string[] = [
	'agriculture_and_food', 'culture', 'economy_and_business', 'education_and_research', 'energy',
	'environment_and_climate', 'health', 'housing_and_development', 'law_and_justice', 'safety_and_security',
	'society', 'sport', 'territory', 'transport_and_mobility', 'work', 'others',
];

/** Templates for reuse titles; `{}` receives a (lower-cased) theme. */
export const REUSE_TEMPLATES: ReadonlyArray<{template: string; type: string}> = [
	{template: 'Carte interactive — {}', type: 'visualization'},
	{template: 'Tableau de bord : {}', type: 'visualization'},
	{template: 'Application mobile pour suivre {}', type: 'application'},
	{template: 'Analyse exploratoire : {}', type: 'paper'},
	{template: 'Visualisation des données « {} »', type: 'visualization'},
	{template: 'API non officielle — {}', type: 'api'},
	{template: 'Article : ce que disent les données sur {}', type: 'news_article'},
	{template: 'Interaktive Karte: {}', type: 'visualization'},
	{template: 'Dashboard — {}', type: 'visualization'},
	{template: 'Open-source explorer for {}', type: 'application'},
	{template: 'Capteur connecté et {}', type: 'hardware'},
	{template: 'Idée : croiser {} avec la météo', type: 'idea'},
	{template: 'Billet de blog : {}', type: 'post'},
];

/** First names (all four languages, with accents). */
export const FIRST_NAMES: readonly string[] = [
	'Jean', 'Marie', 'Lucie', 'Jérôme', 'Léa', 'Thierry', 'Anaïs', 'François', 'Hélène', 'Zoé', 'Chloé', 'Mathéo',
	'Benoît', 'Cécile', 'Gaëlle', 'Noël', 'Joël', 'Maëlle', 'Raphaël', 'Inès', 'Aurélie', 'Clément', 'Sébastien',
	'Jürgen', 'Käthe', 'Jörg', 'Grete', 'Lukas', 'Niklas', 'Björn', 'Anja', 'Sören', 'Müge', 'Fränz', 'Mathëis',
	'Léon', 'Lëtz', 'Nathalie', 'Pol', 'Jang', 'Marc', 'Sophie', 'Tom', 'Laura', 'Ben', 'Emma', 'Liam', 'Olivia',
	'Noah', 'Charlotte', 'Sven', 'Yasmine', 'Mohamed', 'Fatima', 'Ana', 'João', 'Inês', 'Gonçalo', 'Zoë', 'Ciarán',
];

/** Last names. */
export const LAST_NAMES: readonly string[] = [
	'Dupont', 'Martin', 'Bernard', 'Lefèvre', 'Leroy', 'Moreau', 'Girard', 'Fournier', 'Müller', 'Schmit', 'Weber',
	'Hoffmann', 'Wagner', 'Thill', 'Kieffer', 'Reuter', 'Faber', 'Schäfer', 'Großmann', 'Kremer', 'Becker', 'Klein',
	'Schroeder', 'Meyer', 'Hansen', 'Gonçalves', 'Da Silva', 'Pereira', 'Ferreira', 'Rodrigues', 'Nguyen', 'Lambert',
	'Bonnet', 'François', 'Mercier', 'Dubois', 'Gérard', 'Noël', 'Goedert', 'Kayser', 'Origer', 'Steichen', 'Wirtz',
	'Bettendorff', 'Fischbach', 'Hengen', 'Mersch', 'Thein', 'Zeimet', 'Zimmer', 'Ó Súilleabháin', 'Van den Berg',
];

/** Sentences per language for descriptions; `{}` receives the object's title. */
export const SENTENCES: Readonly<Record<Language, readonly string[]>> = {
	fr: [
		'Ce jeu de données présente {} sous une forme directement exploitable.',
		'Les données sont mises à jour régulièrement par les services concernés et publiées sous licence ouverte.',
		'Chaque enregistrement comporte un identifiant unique, une date et, le cas échéant, des coordonnées géographiques (WGS 84).',
		'Les valeurs manquantes sont signalées par une cellule vide ; les montants sont exprimés en euros.',
		'Pour toute question sur la méthodologie, consultez la documentation jointe ou contactez le producteur.',
		'Les séries antérieures à 2015 ont été reconstituées à partir des archives papier et peuvent contenir des lacunes.',
		'Le fichier est encodé en UTF-8, le séparateur est le point-virgule.',
		'**Attention** : la nomenclature a changé en cours de période, voir la table de correspondance.',
	],
	de: [
		'Dieser Datensatz enthält {} in maschinenlesbarer Form.',
		'Die Daten werden regelmäßig von den zuständigen Stellen aktualisiert und unter einer offenen Lizenz veröffentlicht.',
		'Jeder Eintrag verfügt über eine eindeutige Kennung, ein Datum und gegebenenfalls Koordinaten (ETRS89).',
		'Fehlende Werte sind als leere Zellen gekennzeichnet; Beträge sind in Euro angegeben.',
		'Bei Fragen zur Methodik wenden Sie sich bitte an die veröffentlichende Stelle.',
		'Die Datei ist UTF-8-kodiert, Trennzeichen ist das Semikolon.',
	],
	lb: [
		'Dësen Datesaz beschreift {} an enger Form, déi direkt ka benotzt ginn.',
		'D’Donnéeë ginn regelméisseg vun de Servicer aktualiséiert an ënner enger oppener Lizenz publizéiert.',
		'All Androung huet eng eendeiteg Identifikatioun, en Datum an, wann et gëtt, geographesch Koordinaten.',
		'Fir Froen iwwer d’Methodologie, kuckt w.e.g. an d’Dokumentatioun oder kontaktéiert de Produzent.',
		'De Fichier ass an UTF-8 kodéiert.',
	],
	en: [
		'This dataset provides {} in a machine-readable form.',
		'The data is updated regularly by the responsible departments and published under an open licence.',
		'Each record has a unique identifier, a date and, where relevant, geographic coordinates (WGS 84).',
		'Missing values are left empty; amounts are in euros.',
		'For questions about the methodology, see the attached documentation or contact the publisher.',
		'The file is UTF-8 encoded and uses commas as separators.',
	],
};

/** Organization description sentences; `{}` receives the organization's name. */
export const ORG_SENTENCES: Readonly<Record<Language, readonly string[]>> = {
	fr: [
		'{} publie ici ses données ouvertes.',
		'Nos jeux de données couvrent la mobilité, l’environnement, les finances et la démographie.',
		'Les données sont diffusées sous licence ouverte et mises à jour selon un calendrier public.',
		'Vous avez une question ou repéré une erreur ? Ouvrez une discussion sur le jeu de données concerné.',
	],
	de: [
		'{} veröffentlicht hier seine offenen Daten.',
		'Unsere Datensätze decken Mobilität, Umwelt, Finanzen und Demografie ab.',
		'Fragen oder Fehler? Eröffnen Sie eine Diskussion zum betreffenden Datensatz.',
	],
	lb: [
		'{} publizéiert hei seng oppen Donnéeën.',
		'Eis Datesätz beschreiwen d’Mobilitéit, d’Ëmwelt an d’Bevëlkerung.',
		'Dir hutt eng Fro? Maacht eng Diskussioun op.',
	],
	en: [
		'{} publishes its open data here.',
		'Our datasets cover mobility, the environment, public finance and demography.',
		'Spotted a mistake? Open a discussion on the dataset concerned.',
	],
};

/** Generated organization name patterns; `{}` receives a place. */
export const ORG_PATTERNS: ReadonlyArray<{pattern: string; language: Language; badges: readonly string[]}> = [
	{pattern: 'Commune de {}', language: 'fr', badges: ['local-authority']},
	{pattern: 'Ville de {}', language: 'fr', badges: ['local-authority', 'public-service']},
	{pattern: 'Gemeng {}', language: 'lb', badges: ['local-authority']},
	{pattern: 'Stadt {}', language: 'de', badges: ['local-authority']},
	{pattern: 'Office social de {}', language: 'fr', badges: ['public-service']},
	{pattern: 'Syndicat intercommunal de {}', language: 'fr', badges: ['local-authority']},
	{pattern: 'Office régional du tourisme de {}', language: 'fr', badges: []},
	{pattern: 'Association des cyclistes de {}', language: 'fr', badges: ['association']},
	{pattern: '{} Open Data Initiative', language: 'en', badges: ['association']},
	{pattern: 'Transports urbains de {} S.A.', language: 'fr', badges: ['company']},
	{pattern: 'Energie {} S.à r.l.', language: 'fr', badges: ['company']},
	{pattern: 'Stadtwerke {} GmbH', language: 'de', badges: ['company']},
	{pattern: 'Conseil départemental et direction des routes, des infrastructures, de la mobilité et des transports scolaires de {}', language: 'fr', badges: ['local-authority']},
	{pattern: 'Observatoire de l’habitat et du foncier de {}', language: 'fr', badges: []},
	{pattern: 'Musée d’histoire de {}', language: 'fr', badges: ['public-service']},
	{pattern: 'Universität {}', language: 'de', badges: ['public-service']},
];

/** Dataservice title patterns; `{}` receives a theme title. */
export const DATASERVICE_PATTERNS: readonly string[] = ['API {}', 'Service WMS — {}', 'API temps réel : {}', '{} — REST API', 'Géoservice {}'];

/** File-format metadata for resources. */
export const FORMATS: Readonly<Record<string, {mime: string; extension: string}>> = {
	csv: {mime: 'text/csv', extension: 'csv'},
	json: {mime: 'application/json', extension: 'json'},
	geojson: {mime: 'application/geo+json', extension: 'geojson'},
	xlsx: {mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx'},
	xml: {mime: 'application/xml', extension: 'xml'},
	pdf: {mime: 'application/pdf', extension: 'pdf'},
	zip: {mime: 'application/zip', extension: 'zip'},
	shp: {mime: 'application/zip', extension: 'zip'},
	gml: {mime: 'application/gml+xml', extension: 'gml'},
	kml: {mime: 'application/vnd.google-earth.kml+xml', extension: 'kml'},
	parquet: {mime: 'application/vnd.apache.parquet', extension: 'parquet'},
	gtfs: {mime: 'application/zip', extension: 'zip'},
	gbfs: {mime: 'application/json', extension: 'json'},
	tiff: {mime: 'image/tiff', extension: 'tif'},
	wms: {mime: 'text/xml', extension: 'xml'},
	sdmx: {mime: 'application/xml', extension: 'xml'},
	netcdf: {mime: 'application/x-netcdf', extension: 'nc'},
};

/** Email domains for seeded users. */
export const EMAIL_DOMAINS: readonly string[] = ['example.lu', 'example.fr', 'example.de', 'example.org', 'mail.example.com'];
