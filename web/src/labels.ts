// Names of the shipped lexicons' categories in the three languages, as the report
// names them (src/listen/study_report.cpp, Labels()): results.json holds only keys.
// A key missing here is shown as it is.
import { lang } from './i18n';

type Names = [en: string, ru: string, kk: string];

const LABELS: Record<string, Names> = {
  abuse: ['bullying and violence', 'травля и насилие', 'қорлау және зорлық-зомбылық'],
  'abuse/bullying': ['bullying', 'травля (буллинг)', 'қорлау (буллинг)'],
  'abuse/violence': ['violence', 'насилие', 'зорлық-зомбылық'],
  access: ['physical access', 'физическая доступность', 'физикалық қолжетімділік'],
  'access/general': ['accessibility in general', 'доступность в целом', 'жалпы қолжетімділік'],
  'access/lift': ['lifts', 'лифты', 'лифттер'],
  'access/ramp': ['ramps', 'пандусы', 'пандустар'],
  'access/toilet': ['accessible toilets', 'доступные туалеты', 'қолжетімді дәретханалар'],
  assessment: ['assessment (PMPC)', 'обследование (ПМПК)', 'тексеру (ПМПК)'],
  'assessment/pmpc': ['PMPC assessment', 'ПМПК', 'ПМПК'],
  attitudes: ['attitudes', 'отношение', 'көзқарас'],
  'attitudes/prejudice': ['prejudice', 'предрассудки', 'алалау'],
  'attitudes/rejection': [
    'rejection by school or parents',
    'отказ школы или родителей',
    'мектептің не ата-аналардың қабылдамауы',
  ],
  capacity: ['teacher capacity', 'подготовка педагогов', 'педагогтердің дайындығы'],
  'capacity/training': ['teacher training', 'обучение педагогов', 'педагогтерді оқыту'],
  funding: ['funding', 'финансирование', 'қаржыландыру'],
  'funding/budget': ['budget and costs', 'бюджет и расходы', 'бюджет және шығындар'],
  materials: ['learning materials', 'учебные материалы', 'оқу материалдары'],
  'materials/kazakh_language': ['materials in Kazakh', 'материалы на казахском', 'қазақ тіліндегі материалдар'],
  specialists: ['specialists', 'специалисты', 'мамандар'],
  'specialists/assistant': ['teaching assistants', 'ассистенты педагога', 'педагог ассистенттері'],
  'specialists/defectologist': ['special educators (defectologists)', 'дефектологи', 'дефектологтар'],
  'specialists/psychologist': ['psychologists', 'психологи', 'психологтар'],
  'specialists/shortage': ['shortage of specialists', 'нехватка специалистов', 'мамандардың жетіспеуі'],
  'specialists/speech_therapist': ['speech therapists', 'логопеды', 'логопедтер'],
  'specialists/tutor': ['tutors', 'тьюторы', 'тьюторлар'],
  transport: ['transport', 'транспорт', 'көлік'],
  'transport/school_bus': ['school transport', 'школьный транспорт', 'мектеп көлігі'],
  programme: ['state programmes', 'государственные программы', 'мемлекеттік бағдарламалар'],
  'programme/educated_nation': [
    'Educated Nation (national project)',
    '«Образованная нация» (нацпроект)',
    '«Білімді ұлт» (ұлттық жоба)',
  ],
  'programme/comfort_school': [
    'Comfort School (national project)',
    '«Комфортная школа» (нацпроект)',
    '«Жайлы мектеп» (ұлттық жоба)',
  ],
  'programme/gpron_2020_2025': [
    'State Programme of Education and Science Development 2020–2025',
    'ГПРОН 2020–2025',
    'Білім беруді және ғылымды дамытудың 2020–2025 мемлекеттік бағдарламасы',
  ],
  'programme/gpro_2011_2020': [
    'State Programme of Education Development 2011–2020',
    'ГПРО 2011–2020',
    'Білім беруді дамытудың 2011–2020 мемлекеттік бағдарламасы',
  ],
  'programme/balapan': ['Balapan (pre-school)', '«Балапан» (дошкольное)', '«Балапан» (мектепке дейінгі)'],
  disability: [
    'disability and special educational needs',
    'инвалидность и ООП',
    'ерекше білім беру қажеттіліктері (ЕБҚ)',
  ],
  'disability/autism': ['children with autism', 'дети с аутизмом', 'аутизмі бар балалар'],
  'disability/cerebral_palsy': ['children with cerebral palsy', 'дети с ДЦП', 'церебральды салы бар балалар'],
  'disability/down_syndrome': ['children with Down syndrome', 'дети с синдромом Дауна', 'Даун синдромы бар балалар'],
  'disability/hearing': [
    'children with hearing impairments',
    'дети с нарушениями слуха',
    'есту қабілеті бұзылған балалар',
  ],
  'disability/intellectual': [
    'children with intellectual disabilities',
    'дети с интеллектуальными нарушениями',
    'зияты бұзылған балалар',
  ],
  'disability/physical': [
    'children with physical disabilities',
    'дети с нарушениями опорно-двигательного аппарата',
    'тірек-қимыл аппараты бұзылған балалар',
  ],
  'disability/sen': [
    'children with disabilities / SEN (general)',
    'дети с инвалидностью / с ООП (в целом)',
    'ерекше білім беру қажеттіліктері бар балалар (жалпы)',
  ],
  'disability/speech': ['children with speech and language needs', 'дети с нарушениями речи', 'сөйлеу тілі бұзылған балалар'],
  'disability/visual': ['children with visual impairments', 'дети с нарушениями зрения', 'көру қабілеті бұзылған балалар'],
  groups: ['groups at risk', 'группы риска', 'тәуекел топтары'],
  'groups/conflict_with_law': [
    'children in conflict with the law',
    'дети в конфликте с законом',
    'заңмен қайшылыққа түскен балалар',
  ],
  'groups/language_minority': ['children of language minorities', 'дети языковых меньшинств', 'тілдік азшылық балалары'],
  'groups/low_income': [
    'children from low-income families',
    'дети из малообеспеченных семей',
    'аз қамтылған отбасылардың балалары',
  ],
  'groups/migrants': [
    'children of migrants and kandas',
    'дети мигрантов и кандасов',
    'мигранттар мен қандастардың балалары',
  ],
  'groups/rural': ['children in rural areas', 'дети в сельской местности', 'ауылдағы балалар'],
  'groups/without_parental_care': [
    'children without parental care',
    'дети без попечения родителей',
    'ата-ана қамқорлығынсыз балалар',
  ],
};

export function categoryLabel(key: string): string {
  const names = LABELS[key];
  if (!names) return key;
  const index = { en: 0, ru: 1, kk: 2 }[lang()];
  return names[index];
}
