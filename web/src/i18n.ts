// The interface's words in Kazakh, Russian and English, and the chosen language. The
// choice is kept in the `lang` cookie, which the server also reads for its error
// messages. Wording is person-first ("children with disabilities").

export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: Lang[] = ['kk', 'ru', 'en'];
export const LANG_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

type Text = { en: string; ru: string; kk: string };

const TEXTS = {
  app_name: { en: 'Tenlik', ru: 'Теңдік', kk: 'Теңдік' },
  app_tagline: {
    en: 'Evidence on inclusive education',
    ru: 'Данные об инклюзивном образовании',
    kk: 'Инклюзивті білім беру туралы дерек',
  },
  skip_to_content: { en: 'Skip to content', ru: 'Перейти к содержанию', kk: 'Мазмұнға өту' },
  nav_label: { en: 'Main menu', ru: 'Главное меню', kk: 'Басты мәзір' },
  nav_studies: { en: 'Studies', ru: 'Исследования', kk: 'Зерттеулер' },
  nav_search: { en: 'Search', ru: 'Поиск', kk: 'Іздеу' },
  nav_users: { en: 'Users', ru: 'Пользователи', kk: 'Пайдаланушылар' },
  nav_audit: { en: 'Audit log', ru: 'Журнал аудита', kk: 'Аудит журналы' },
  language: { en: 'Language', ru: 'Язык', kk: 'Тіл' },
  logout: { en: 'Log out', ru: 'Выйти', kk: 'Шығу' },
  signed_in_as: { en: 'Signed in as {0} ({1})', ru: 'Вы вошли как {0} ({1})', kk: 'Сіз {0} ретінде кірдіңіз ({1})' },
  loading: { en: 'Loading…', ru: 'Загрузка…', kk: 'Жүктелуде…' },
  error_network: {
    en: 'The server cannot be reached. Check the connection and try again.',
    ru: 'Сервер недоступен. Проверьте подключение и попробуйте снова.',
    kk: 'Серверге қосылу мүмкін емес. Байланысты тексеріп, қайталап көріңіз.',
  },
  not_found: { en: 'Page not found.', ru: 'Страница не найдена.', kk: 'Бет табылмады.' },
  not_for_role: {
    en: 'Your role has no access to this page.',
    ru: 'У вашей роли нет доступа к этой странице.',
    kk: 'Сіздің рөліңізге бұл бетке кіруге рұқсат жоқ.',
  },
  back: { en: 'Back', ru: 'Назад', kk: 'Артқа' },

  // Log in
  login_title: { en: 'Log in', ru: 'Вход', kk: 'Кіру' },
  login_user: { en: 'User name', ru: 'Имя пользователя', kk: 'Пайдаланушы аты' },
  login_password: { en: 'Password', ru: 'Пароль', kk: 'Құпиясөз' },
  login_submit: { en: 'Log in', ru: 'Войти', kk: 'Кіру' },
  login_intro: {
    en: 'Tenlik helps ministries, districts, schools and NGOs see whether education is becoming inclusive for all children, including children with disabilities.',
    ru: 'Tenlik помогает министерствам, районам, школам и НКО видеть, становится ли образование инклюзивным для всех детей, в том числе для детей с инвалидностью.',
    kk: 'Tenlik министрліктерге, аудандарға, мектептер мен ҮЕҰ-ға білім берудің барлық балалар, соның ішінде ерекше білім беру қажеттіліктері бар балалар үшін инклюзивті бола ма, соны көруге көмектеседі.',
  },
  // Change password
  password_link: { en: 'Change password', ru: 'Сменить пароль', kk: 'Құпиясөзді өзгерту' },
  password_title: { en: 'Change your password', ru: 'Смена пароля', kk: 'Құпиясөзді өзгерту' },
  password_intro: {
    en: 'Account {0}. After the change, your other sessions end; this one stays.',
    ru: 'Учётная запись {0}. После смены пароля другие ваши сеансы завершатся, этот останется.',
    kk: '{0} тіркелгісі. Құпиясөз өзгерген соң басқа сеанстарыңыз аяқталады, осы сеанс қалады.',
  },
  password_current: { en: 'Current password', ru: 'Текущий пароль', kk: 'Қазіргі құпиясөз' },
  password_new: { en: 'New password', ru: 'Новый пароль', kk: 'Жаңа құпиясөз' },
  password_again: { en: 'New password again', ru: 'Новый пароль ещё раз', kk: 'Жаңа құпиясөз қайтадан' },
  password_submit: { en: 'Change password', ru: 'Сменить пароль', kk: 'Құпиясөзді өзгерту' },
  password_required: { en: 'Enter your current password.', ru: 'Введите текущий пароль.', kk: 'Қазіргі құпиясөзді енгізіңіз.' },
  password_mismatch: {
    en: 'The two new passwords differ.',
    ru: 'Новые пароли не совпадают.',
    kk: 'Жаңа құпиясөздер сәйкес келмейді.',
  },
  password_changed: {
    en: 'Your password is changed. Your other sessions have ended.',
    ru: 'Пароль изменён. Другие ваши сеансы завершены.',
    kk: 'Құпиясөз өзгертілді. Басқа сеанстарыңыз аяқталды.',
  },
  logged_out: { en: 'You have logged out.', ru: 'Вы вышли из системы.', kk: 'Жүйеден шықтыңыз.' },

  // Roles
  role_admin: { en: 'administrator', ru: 'администратор', kk: 'әкімші' },
  role_analyst: { en: 'analyst', ru: 'аналитик', kk: 'талдаушы' },
  role_viewer: { en: 'viewer', ru: 'наблюдатель', kk: 'қараушы' },
  role_school_coordinator: { en: 'school coordinator', ru: 'школьный координатор', kk: 'мектеп үйлестірушісі' },
  role_peer_reviewer: { en: 'peer reviewer', ru: 'внешний рецензент', kk: 'сырттай сарапшы' },
  role_respondent: { en: 'respondent', ru: 'респондент', kk: 'респондент' },

  // Studies
  studies_title: { en: 'Studies', ru: 'Исследования', kk: 'Зерттеулер' },
  studies_none: {
    en: 'There are no studies in the studies folder.',
    ru: 'В папке исследований нет ни одного исследования.',
    kk: 'Зерттеулер қалтасында бірде-бір зерттеу жоқ.',
  },
  study_queries: { en: '{0} queries', ru: 'запросов: {0}', kk: '{0} сұраным' },
  study_never_run: { en: 'Not run yet', ru: 'Ещё не запускалось', kk: 'Әлі іске қосылмаған' },
  study_last_run: {
    en: 'Last run {0}: {1} posts',
    ru: 'Последний запуск {0}: {1} публикаций',
    kk: 'Соңғы іске қосу {0}: {1} жазба',
  },
  study_period: { en: 'Period', ru: 'Период', kk: 'Кезең' },
  study_languages: { en: 'Languages', ru: 'Языки', kk: 'Тілдер' },
  study_corpora: { en: 'Corpora', ru: 'Корпусы', kk: 'Корпустар' },
  posts_n: { en: '{0} posts', ru: 'публикаций: {0}', kk: '{0} жазба' },
  last_run: { en: 'Last run', ru: 'Последний запуск', kk: 'Соңғы іске қосу' },

  // Runs
  run_title: { en: 'Run', ru: 'Запуск', kk: 'Іске қосу' },
  run_button: { en: 'Run the study', ru: 'Запустить исследование', kk: 'Зерттеуді іске қосу' },
  run_read_only: {
    en: 'Your role can read results but not run studies.',
    ru: 'Ваша роль может смотреть результаты, но не запускать исследования.',
    kk: 'Сіздің рөліңіз нәтижелерді көре алады, бірақ зерттеуді іске қоса алмайды.',
  },
  run_already: {
    en: 'This study is already running; showing its progress.',
    ru: 'Исследование уже выполняется; показан его ход.',
    kk: 'Бұл зерттеу қазір орындалып жатыр; барысы көрсетілген.',
  },
  job_queued: { en: 'Waiting to start…', ru: 'Ожидает запуска…', kk: 'Басталуын күтуде…' },
  job_started: { en: 'Running…', ru: 'Выполняется…', kk: 'Орындалуда…' },
  job_running: { en: 'Running: {0}', ru: 'Выполняется: {0}', kk: 'Орындалуда: {0}' },
  job_done: { en: 'Finished.', ru: 'Готово.', kk: 'Дайын.' },
  job_failed: { en: 'The run failed: {0}', ru: 'Запуск не удался: {0}', kk: 'Іске қосу сәтсіз аяқталды: {0}' },
  job_counts: { en: '{0} of {1} posts', ru: '{0} из {1} публикаций', kk: '{1} жазбаның {0}' },
  job_rate: { en: '{0} posts/s', ru: '{0} публ./с', kk: '{0} жазба/с' },
  job_eta: { en: 'about {0} left', ru: 'осталось около {0}', kk: 'шамамен {0} қалды' },
  job_restarts: {
    en: 'resumed after a server restart ({0}×)',
    ru: 'продолжено после перезапуска сервера ({0}×)',
    kk: 'сервер қайта қосылғаннан кейін жалғасты ({0}×)',
  },
  stage_annotate: {
    en: 'annotating and counting posts',
    ru: 'разметка и подсчёт публикаций',
    kk: 'жазбаларды белгілеу және санау',
  },
  stage_topics: { en: 'finding topics', ru: 'поиск тем', kk: 'тақырыптарды анықтау' },
  stage_report: { en: 'writing the report', ru: 'создание отчёта', kk: 'есеп жазу' },
  progress_label: { en: 'Progress of the run', ru: 'Ход выполнения', kk: 'Орындалу барысы' },
  seconds: { en: '{0} s', ru: '{0} с', kk: '{0} с' },
  minutes: { en: '{0} min', ru: '{0} мин', kk: '{0} мин' },

  // Report
  report_title: { en: 'Results', ru: 'Результаты', kk: 'Нәтижелер' },
  report_none: {
    en: 'No results yet: run the study to see them.',
    ru: 'Результатов пока нет: запустите исследование.',
    kk: 'Әзірге нәтиже жоқ: оларды көру үшін зерттеуді іске қосыңыз.',
  },
  report_generated: { en: 'Generated {0}', ru: 'Создано {0}', kk: 'Жасалған уақыты: {0}' },
  report_caveat: {
    en: 'Social-media posts are not representative of the population: counts are of posts, not of people. Regions with few posts are flagged as thin data.',
    ru: 'Публикации в социальных сетях не репрезентативны для населения: считаются публикации, а не люди. Регионы с малым числом публикаций отмечены как «мало данных».',
    kk: 'Әлеуметтік желідегі жазбалар халықтың репрезентативті көрінісі емес: адамдар емес, жазбалар саналады. Жазбасы аз өңірлер «деректер аз» деп белгіленген.',
  },
  kpi_posts: { en: 'posts in scope', ru: 'публикаций в выборке', kk: 'ауқымдағы жазба' },
  kpi_original: { en: 'original posts', ru: 'оригинальных публикаций', kk: 'түпнұсқа жазба' },
  kpi_duplicates: { en: 'near-duplicates and reposts', ru: 'почти дубликатов и репостов', kk: 'ұқсас көшірме мен репост' },
  kpi_regions: { en: 'posts with a region', ru: 'публикаций с регионом', kk: 'өңірі анықталған жазба' },
  fig_months: { en: 'Posts per month', ru: 'Публикации по месяцам', kk: 'Айлар бойынша жазбалар' },
  fig_months_note: {
    en: 'Original posts; marked months are spikes against the months before.',
    ru: 'Оригинальные публикации; отмеченные месяцы — всплески относительно предыдущих.',
    kk: 'Түпнұсқа жазбалар; белгіленген айлар — алдыңғы айлармен салыстырғандағы шарықтау.',
  },
  spike: { en: 'spike', ru: 'всплеск', kk: 'шарықтау' },
  month: { en: 'Month', ru: 'Месяц', kk: 'Ай' },
  posts: { en: 'Posts', ru: 'Публикации', kk: 'Жазбалар' },
  share: { en: 'Share, % [95 % interval]', ru: 'Доля, % [95 % интервал]', kk: 'Үлес, % [95 % аралық]' },
  fig_subtopics: { en: 'Subtopics', ru: 'Подтемы', kk: 'Тақырыпшалар' },
  fig_regions: {
    en: 'Posts per 100,000 people by region',
    ru: 'Публикации на 100 000 жителей по регионам',
    kk: 'Өңірлер бойынша 100 000 тұрғынға шаққандағы жазбалар',
  },
  region: { en: 'Region', ru: 'Регион', kk: 'Өңір' },
  per_100k: { en: 'per 100,000', ru: 'на 100 000', kk: '100 000-ға' },
  no_population: { en: 'no population figure', ru: 'нет данных о населении', kk: 'халық саны белгісіз' },
  thin_data: { en: 'thin data', ru: 'мало данных', kk: 'деректер аз' },
  fig_barriers: { en: 'Barriers to learning', ru: 'Барьеры в обучении', kk: 'Оқудағы кедергілер' },
  fig_programmes: { en: 'State programmes', ru: 'Государственные программы', kk: 'Мемлекеттік бағдарламалар' },
  fig_disability: {
    en: 'Children with disabilities and special educational needs',
    ru: 'Дети с инвалидностью и особыми образовательными потребностями',
    kk: 'Ерекше білім беру қажеттіліктері бар балалар',
  },
  fig_groups: { en: 'Other groups at risk', ru: 'Другие группы риска', kk: 'Басқа тәуекел топтары' },
  fig_gender: { en: 'Girls and boys', ru: 'Девочки и мальчики', kk: 'Қыздар мен ұлдар' },
  fig_comparison: {
    en: 'Change since the previous run',
    ru: 'Изменения с предыдущего запуска',
    kk: 'Алдыңғы іске қосудан бергі өзгерістер',
  },
  comparison_note: {
    en: 'Compared with the run of {0} ({1} original posts then, {2} now). Shares of original posts; “yes” marks a change unlikely to be chance alone (two-proportion z-test, 95 %). Social-media data is not representative of the population.',
    ru: 'Сравнение с запуском от {0} (тогда {1} оригинальных публикаций, сейчас {2}). Доли оригинальных публикаций; «да» отмечает изменение, которое вряд ли объясняется случайностью (z-тест для двух долей, 95 %). Данные социальных сетей не репрезентативны для населения.',
    kk: '{0} күнгі іске қосумен салыстыру (онда {1} түпнұсқа жазба, қазір {2}). Түпнұсқа жазбалар үлесі; «иә» кездейсоқтықпен түсіндірілуі екіталай өзгерісті белгілейді (екі үлеске арналған z-тест, 95 %). Әлеуметтік желі деректері халықтың репрезентативті көрінісі емес.',
  },
  comparison_study_changed: {
    en: 'The queries, lexicons, gazetteer or sentiment model changed between the runs: a change can come from the study file rather than from what was posted.',
    ru: 'Между запусками изменились запросы, словари, справочник мест или модель тональности: изменение может объясняться файлом исследования, а не публикациями.',
    kk: 'Екі іске қосудың арасында сұраныстар, сөздіктер, жер атаулары анықтамалығы не тональдық моделі өзгерді: өзгеріс жазбалардан емес, зерттеу файлынан болуы мүмкін.',
  },
  cmp_figure: { en: 'figure', ru: 'показатель', kk: 'көрсеткіш' },
  cmp_previous: { en: 'previous run', ru: 'предыдущий запуск', kk: 'алдыңғы іске қосу' },
  cmp_now: { en: 'this run', ru: 'этот запуск', kk: 'осы іске қосу' },
  cmp_change: { en: 'change, percentage points', ru: 'изменение, п. п.', kk: 'өзгеріс, п. т.' },
  cmp_significant: { en: 'different at 95 %', ru: 'различие при 95 %', kk: '95 % деңгейде айырмашылық' },
  cmp_yes: { en: 'yes', ru: 'да', kk: 'иә' },
  cmp_no: { en: 'no', ru: 'нет', kk: 'жоқ' },
  cmp_subtopic: { en: 'sub-topic', ru: 'подтема', kk: 'тақырыпша' },
  cmp_barriers: { en: 'barrier', ru: 'барьер', kk: 'кедергі' },
  cmp_programmes: { en: 'programme', ru: 'программа', kk: 'бағдарлама' },
  cmp_disability: { en: 'disability category', ru: 'категория инвалидности', kk: 'мүгедектік санаты' },
  cmp_groups: { en: 'group at risk', ru: 'группа риска', kk: 'тәуекел тобы' },
  cmp_gender_girls: { en: 'posts mentioning girls', ru: 'публикации о девочках', kk: 'қыздар туралы жазбалар' },
  cmp_gender_boys: { en: 'posts mentioning boys', ru: 'публикации о мальчиках', kk: 'ұлдар туралы жазбалар' },
  cmp_stigma_stigmatising: {
    en: 'stigmatising wording, of posts with stigmatising or person-first terms',
    ru: 'стигматизирующие формулировки среди публикаций со стигматизирующими или уважительными словами',
    kk: 'стигмалайтын сөздер, стигмалайтын не адамға бағытталған сөздері бар жазбалар ішінде',
  },
  cmp_sentiment_positive: { en: 'positive posts', ru: 'позитивные публикации', kk: 'оң жазбалар' },
  cmp_sentiment_negative: { en: 'negative posts', ru: 'негативные публикации', kk: 'теріс жазбалар' },
  girls: { en: 'girls', ru: 'девочки', kk: 'қыздар' },
  boys: { en: 'boys', ru: 'мальчики', kk: 'ұлдар' },
  fig_gender_note: {
    en: 'Share of posts about girls or boys that mention each.',
    ru: 'Доля публикаций о девочках или мальчиках, где упомянуты те или другие.',
    kk: 'Қыздар не ұлдар туралы жазбалардың ішінде әрқайсысы аталған үлес.',
  },
  fig_stigma: {
    en: 'Stigmatising wording by quarter',
    ru: 'Стигматизирующие формулировки по кварталам',
    kk: 'Тоқсандар бойынша стигмалы сөздер',
  },
  quarter: { en: 'Quarter', ru: 'Квартал', kk: 'Тоқсан' },
  stigma_any: { en: 'posts about disability', ru: 'публикации об инвалидности', kk: 'ерекше қажеттіліктер туралы жазбалар' },
  stigmatising: { en: 'stigmatising', ru: 'стигматизирующие', kk: 'стигмалы' },
  person_first: { en: 'person-first', ru: 'с уважительными формулировками', kk: 'адамды бірінші атайтын' },
  stigma_terms: { en: 'Stigmatising terms found', ru: 'Найденные стигматизирующие слова', kk: 'Табылған стигмалы сөздер' },
  term: { en: 'Term', ru: 'Слово', kk: 'Сөз' },
  fig_sentiment: { en: 'Sentiment', ru: 'Тональность', kk: 'Көңіл-күй' },
  sentiment_positive: { en: 'positive', ru: 'позитивные', kk: 'оң' },
  sentiment_negative: { en: 'negative', ru: 'негативные', kk: 'теріс' },
  sentiment_not_rated: { en: 'not rated', ru: 'без оценки', kk: 'бағаланбаған' },
  sentiment_unavailable: {
    en: 'Sentiment was not rated in this run (no model).',
    ru: 'Тональность в этом запуске не оценивалась (нет модели).',
    kk: 'Бұл іске қосуда көңіл-күй бағаланбады (модель жоқ).',
  },
  fig_topics: { en: 'Topics', ru: 'Темы', kk: 'Тақырыптар' },
  topic: { en: 'Topic', ru: 'Тема', kk: 'Тақырып' },
  topic_words: { en: 'Most likely words', ru: 'Наиболее вероятные слова', kk: 'Ең ықтимал сөздер' },
  fig_hashtags: { en: 'Hashtags', ru: 'Хештеги', kk: 'Хэштегтер' },
  hashtag: { en: 'Hashtag', ru: 'Хештег', kk: 'Хэштег' },
  data_table: { en: 'Data as a table', ru: 'Данные таблицей', kk: 'Деректер кесте түрінде' },
  chart_of: { en: 'Chart: {0}', ru: 'Диаграмма: {0}', kk: 'Диаграмма: {0}' },

  // Queries and validation
  queries_title: { en: 'Queries and their validation', ru: 'Запросы и их проверка', kk: 'Сұранымдар және олардың тексерілуі' },
  query: { en: 'Query', ru: 'Запрос', kk: 'Сұраным' },
  query_group: { en: 'Subtopic', ru: 'Подтема', kk: 'Тақырыпша' },
  precision: { en: 'Precision [95 % interval]', ru: 'Точность [95 % интервал]', kk: 'Дәлдік [95 % аралық]' },
  labelled_n: { en: '{0} labelled', ru: 'размечено: {0}', kk: '{0} белгіленген' },
  not_validated: { en: 'not validated', ru: 'не проверен', kk: 'тексерілмеген' },
  stale: { en: 'the query changed since', ru: 'запрос с тех пор изменён', kk: 'сұраным содан бері өзгерген' },
  validate: { en: 'Validate', ru: 'Проверить', kk: 'Тексеру' },

  // Exports
  export_title: { en: 'Export', ru: 'Экспорт', kk: 'Экспорт' },
  export_html: { en: 'Report (web page)', ru: 'Отчёт (веб-страница)', kk: 'Есеп (веб-бет)' },
  export_xlsx: { en: 'Tables (Excel)', ru: 'Таблицы (Excel)', kk: 'Кестелер (Excel)' },
  export_json: { en: 'Results (JSON)', ru: 'Результаты (JSON)', kk: 'Нәтижелер (JSON)' },
  export_gexf: { en: 'Hashtag network (GEXF)', ru: 'Сеть хештегов (GEXF)', kk: 'Хэштег желісі (GEXF)' },
  export_csv: { en: 'Table {0} (CSV)', ru: 'Таблица {0} (CSV)', kk: '{0} кестесі (CSV)' },
  export_group_report: { en: 'Report', ru: 'Отчёт', kk: 'Есеп' },
  export_group_workbook: { en: 'Workbook', ru: 'Рабочая книга', kk: 'Жұмыс кітабы' },
  export_group_tables: { en: 'Tables (CSV)', ru: 'Таблицы (CSV)', kk: 'Кестелер (CSV)' },
  export_group_network: { en: 'Network', ru: 'Сеть', kk: 'Желі' },
  size_bytes: { en: '{0} B', ru: '{0} Б', kk: '{0} Б' },
  size_kib: { en: '{0} KB', ru: '{0} КБ', kk: '{0} КБ' },
  size_mib: { en: '{0} MB', ru: '{0} МБ', kk: '{0} МБ' },

  // Search
  search_title: { en: 'Search posts', ru: 'Поиск публикаций', kk: 'Жазбаларды іздеу' },
  search_query: { en: 'Query', ru: 'Запрос', kk: 'Сұраным' },
  search_help: {
    en: 'AND, OR, NOT, "phrases", word*, ~stem, NEAR/3, #hashtag, field:value.',
    ru: 'AND, OR, NOT, "фразы", слово*, ~основа, NEAR/3, #хештег, поле:значение.',
    kk: 'AND, OR, NOT, "тіркестер", сөз*, ~түбір, NEAR/3, #хэштег, өріс:мән.',
  },
  search_submit: { en: 'Search', ru: 'Найти', kk: 'Іздеу' },
  search_checking: { en: 'Checking…', ru: 'Проверка…', kk: 'Тексерілуде…' },
  search_valid_estimated: { en: 'Valid query: about {0} posts match (estimated from a sample).', ru: 'Запрос верен: около {0} публикаций (оценка по выборке).', kk: 'Сұраным дұрыс: шамамен {0} жазба сәйкес келеді (іріктеме бойынша бағалау).' },
  search_valid: { en: 'Valid query: {0} posts match.', ru: 'Запрос верен: найдено публикаций: {0}.', kk: 'Сұраным дұрыс: {0} жазба сәйкес келеді.' },
  search_invalid_at: { en: 'Error at character {0}: {1}', ru: 'Ошибка в символе {0}: {1}', kk: '{0}-таңбадағы қате: {1}' },
  search_found: { en: 'Found there: “{0}”.', ru: 'Там стоит: «{0}».', kk: 'Онда тұрғаны: «{0}».' },
  search_found_end: { en: 'Found there: the end of the query.', ru: 'Там запрос заканчивается.', kk: 'Сұраным сол жерде аяқталады.' },
  search_found_space: { en: 'Found there: a space.', ru: 'Там стоит пробел.', kk: 'Онда бос орын тұр.' },
  search_results: { en: '{0} results', ru: 'Результатов: {0}', kk: '{0} нәтиже' },
  search_no_results: { en: 'No posts match.', ru: 'Ничего не найдено.', kk: 'Сәйкес жазба жоқ.' },
  search_showing: { en: 'showing the first {0}', ru: 'показаны первые {0}', kk: 'алғашқы {0} көрсетілген' },

  // Post
  post_title: { en: 'Post {0}', ru: 'Публикация {0}', kk: '{0} жазба' },
  post_corpus: { en: 'Corpus', ru: 'Корпус', kk: 'Корпус' },
  post_platform: { en: 'Platform', ru: 'Платформа', kk: 'Платформа' },
  post_channel: { en: 'Channel', ru: 'Канал', kk: 'Арна' },
  post_author: { en: 'Author (pseudonym)', ru: 'Автор (псевдоним)', kk: 'Автор (бүркеншік ат)' },
  post_author_type: { en: 'Author type', ru: 'Тип автора', kk: 'Автор түрі' },
  post_published: { en: 'Published', ru: 'Опубликовано', kk: 'Жарияланған' },
  post_lang: { en: 'Language', ru: 'Язык', kk: 'Тіл' },
  post_region: { en: 'Region', ru: 'Регион', kk: 'Өңір' },
  post_engagement: { en: 'Engagement', ru: 'Вовлечённость', kk: 'Белсенділік' },
  post_reply_to: { en: 'Reply to', ru: 'Ответ на', kk: 'Жауап' },
  post_url: { en: 'Address', ru: 'Адрес', kk: 'Мекенжай' },
  post_text: { en: 'Text (pseudonymised, contacts masked)', ru: 'Текст (псевдонимизирован, контакты скрыты)', kk: 'Мәтін (бүркеншіктелген, байланыс деректері жасырылған)' },

  // Labelling
  label_title: { en: 'Validate query {0}', ru: 'Проверка запроса {0}', kk: '{0} сұранымын тексеру' },
  label_intro: {
    en: 'Is each post really about the query\'s subject? Your answers give the query\'s precision.',
    ru: 'Действительно ли публикация относится к теме запроса? Ответы дают точность запроса.',
    kk: 'Әр жазба шынымен сұраным тақырыбына қатысты ма? Жауаптарыңыз сұранымның дәлдігін береді.',
  },
  label_read_only: {
    en: 'Your role can see the sample but not label it.',
    ru: 'Ваша роль может смотреть выборку, но не размечать её.',
    kk: 'Сіздің рөліңіз іріктемені көре алады, бірақ белгілей алмайды.',
  },
  label_relevant: { en: 'Relevant', ru: 'Относится', kk: 'Қатысты' },
  label_not_relevant: { en: 'Not relevant', ru: 'Не относится', kk: 'Қатысты емес' },
  label_skip: { en: 'Skip', ru: 'Пропустить', kk: 'Өткізу' },
  label_back: { en: 'Back', ru: 'Назад', kk: 'Артқа' },
  label_clear: { en: 'Clear label', ru: 'Снять отметку', kk: 'Белгіні алу' },
  label_shortcuts: { en: 'Keyboard shortcuts', ru: 'Клавиши', kk: 'Пернелер' },
  label_progress: {
    en: 'Item {0} of {1}; {2} labelled',
    ru: 'Публикация {0} из {1}; размечено {2}',
    kk: '{1} жазбаның {0}-сі; {2} белгіленген',
  },
  label_precision: { en: 'Precision so far: {0}', ru: 'Точность сейчас: {0}', kk: 'Қазіргі дәлдік: {0}' },
  label_current: { en: 'Current answer: {0}', ru: 'Текущий ответ: {0}', kk: 'Ағымдағы жауап: {0}' },
  label_none: { en: 'none', ru: 'нет', kk: 'жоқ' },
  label_done: {
    en: 'All items in this sample are labelled.',
    ru: 'Все публикации выборки размечены.',
    kk: 'Іріктемедегі барлық жазба белгіленді.',
  },
  label_empty: { en: 'This query has no hits to label.', ru: 'У запроса нет совпадений для разметки.', kk: 'Сұранымда белгілейтін сәйкестік жоқ.' },
  label_saved: { en: 'Saved: {0}', ru: 'Сохранено: {0}', kk: 'Сақталды: {0}' },
  label_hits: { en: '{0} posts match; sample of {1}', ru: 'совпадений: {0}; выборка: {1}', kk: '{0} жазба сәйкес; іріктеме: {1}' },

  // Users
  users_title: { en: 'Users', ru: 'Пользователи', kk: 'Пайдаланушылар' },
  user_name: { en: 'Name', ru: 'Имя', kk: 'Аты' },
  user_role: { en: 'Role', ru: 'Роль', kk: 'Рөлі' },
  user_created: { en: 'Created', ru: 'Создан', kk: 'Құрылған' },
  user_actions: { en: 'Actions', ru: 'Действия', kk: 'Әрекеттер' },
  user_remove: { en: 'Remove {0}', ru: 'Удалить {0}', kk: '{0} жою' },
  user_remove_confirm: {
    en: 'Remove the user {0}? Their sessions end at once.',
    ru: 'Удалить пользователя {0}? Его сеансы сразу завершатся.',
    kk: '{0} пайдаланушысын жою керек пе? Оның сеанстары бірден аяқталады.',
  },
  user_role_of: { en: 'Role of {0}', ru: 'Роль {0}', kk: '{0} рөлі' },
  user_add_title: { en: 'Add a user', ru: 'Добавить пользователя', kk: 'Пайдаланушы қосу' },
  user_add: { en: 'Add', ru: 'Добавить', kk: 'Қосу' },
  user_password_hint: { en: '10 characters or more', ru: 'не короче 10 символов', kk: 'кемінде 10 таңба' },
  user_added: { en: 'User {0} added.', ru: 'Пользователь {0} добавлен.', kk: '{0} пайдаланушысы қосылды.' },
  user_removed: { en: 'User {0} removed.', ru: 'Пользователь {0} удалён.', kk: '{0} пайдаланушысы жойылды.' },
  user_role_changed: { en: '{0} is now {1}.', ru: '{0} теперь {1}.', kk: '{0} енді — {1}.' },

  // Audit
  audit_title: { en: 'Audit log', ru: 'Журнал аудита', kk: 'Аудит журналы' },
  audit_at: { en: 'Time', ru: 'Время', kk: 'Уақыты' },
  audit_actor: { en: 'Who', ru: 'Кто', kk: 'Кім' },
  audit_action: { en: 'Action', ru: 'Действие', kk: 'Әрекет' },
  audit_target: { en: 'Target', ru: 'Объект', kk: 'Нысан' },
  audit_detail: { en: 'Detail', ru: 'Подробности', kk: 'Толығырақ' },
  audit_client: { en: 'Address', ru: 'Адрес', kk: 'Мекенжай' },
  audit_more: { en: 'Older entries', ru: 'Более ранние записи', kk: 'Ертеректегі жазбалар' },
  audit_anonymous: { en: '(anonymous)', ru: '(аноним)', kk: '(анонимді)' },
  // Answering a self-review questionnaire with an access code (/r/CODE).
  respond_title: { en: 'School self-review questionnaire', ru: 'Анкета самооценки школы', kk: 'Мектептің өзін-өзі бағалау сауалнамасы' },
  respond_code_label: { en: 'Access code', ru: 'Код доступа', kk: 'Қол жеткізу коды' },
  respond_code_hint: {
    en: 'The code is on your card, for example ABCDE-FGHJK. Your answers are anonymous.',
    ru: 'Код указан на вашей карточке, например ABCDE-FGHJK. Ваши ответы анонимны.',
    kk: 'Код карточкаңызда жазылған, мысалы ABCDE-FGHJK. Жауаптарыңыз жасырын.',
  },
  respond_open: { en: 'Open the questionnaire', ru: 'Открыть анкету', kk: 'Сауалнаманы ашу' },
  respond_for: { en: '{0} · {1} · answering as: {2}', ru: '{0} · {1} · вы отвечаете как: {2}', kk: '{0} · {1} · сіз жауап бересіз: {2}' },
  respond_anonymous: {
    en: 'Your answers are anonymous: nobody can see who gave them.',
    ru: 'Ваши ответы анонимны: никто не узнает, кто их дал.',
    kk: 'Жауаптарыңыз жасырын: оларды кім бергенін ешкім білмейді.',
  },
  respond_mode: { en: 'How to show the questions', ru: 'Как показывать вопросы', kk: 'Сұрақтарды қалай көрсету' },
  respond_mode_one: { en: 'One question per screen', ru: 'По одному вопросу на экране', kk: 'Экранда бір сұрақтан' },
  respond_mode_all: { en: 'All on one page', ru: 'Все на одной странице', kk: 'Барлығы бір бетте' },
  respond_progress: { en: 'Question {0} / {1}', ru: 'Вопрос {0} / {1}', kk: 'Сұрақ {0} / {1}' },
  respond_answered: { en: '{0} of {1} answered', ru: 'Отвечено: {0} из {1}', kk: '{1} сұрақтың {0}-не жауап берілді' },
  respond_next: { en: 'Next', ru: 'Далее', kk: 'Келесі' },
  respond_previous: { en: 'Previous', ru: 'Назад', kk: 'Алдыңғы' },
  respond_to_send: { en: 'To sending', ru: 'К отправке', kk: 'Жіберуге өту' },
  respond_send: { en: 'Send my answers', ru: 'Отправить ответы', kk: 'Жауаптарды жіберу' },
  respond_send_hint: {
    en: 'After sending, the answers cannot be changed. Questions you skip count as not answered.',
    ru: 'После отправки ответы нельзя изменить. Пропущенные вопросы считаются неотвеченными.',
    kk: 'Жіберілгеннен кейін жауаптарды өзгертуге болмайды. Өткізіп жіберілген сұрақтар жауапсыз болып есептеледі.',
  },
  respond_unanswered: { en: '{0} questions are not answered yet.', ru: 'Без ответа: {0}.', kk: 'Жауапсыз сұрақтар: {0}.' },
  respond_nothing: { en: 'Answer at least one question first.', ru: 'Сначала ответьте хотя бы на один вопрос.', kk: 'Алдымен кемінде бір сұраққа жауап беріңіз.' },
  respond_saved_here: {
    en: 'Saved on this phone. It will be sent when the connection returns.',
    ru: 'Сохранено на этом телефоне. Будет отправлено, когда появится связь.',
    kk: 'Осы телефонда сақталды. Байланыс қалпына келгенде жіберіледі.',
  },
  respond_saved_sent: { en: 'Saved and sent.', ru: 'Сохранено и отправлено.', kk: 'Сақталды және жіберілді.' },
  respond_sending: { en: 'Sending…', ru: 'Отправка…', kk: 'Жіберілуде…' },
  respond_queued: {
    en: 'Your answers are kept on this phone and will be sent as soon as the connection returns. You can close this page.',
    ru: 'Ваши ответы сохранены на этом телефоне и будут отправлены, как только появится связь. Страницу можно закрыть.',
    kk: 'Жауаптарыңыз осы телефонда сақталды, байланыс қалпына келген бойда жіберіледі. Бетті жабуға болады.',
  },
  respond_received: { en: 'Thank you. Your answers were received.', ru: 'Спасибо. Ваши ответы получены.', kk: 'Рақмет. Жауаптарыңыз қабылданды.' },
  respond_closed: {
    en: 'This review has ended; answers are no longer accepted.',
    ru: 'Этот опрос завершён, ответы больше не принимаются.',
    kk: 'Бұл сауалнама аяқталды, жауаптар енді қабылданбайды.',
  },
  respond_unknown_code: {
    en: 'This code is not valid. Check it and type it again.',
    ru: 'Этот код недействителен. Проверьте его и введите снова.',
    kk: 'Бұл код жарамсыз. Тексеріп, қайта енгізіңіз.',
  },
  respond_offline_first: {
    en: 'No connection. Connect once to open the questionnaire; after that it works without a connection.',
    ru: 'Нет связи. Подключитесь один раз, чтобы открыть анкету; дальше она работает и без связи.',
    kk: 'Байланыс жоқ. Сауалнаманы ашу үшін бір рет қосылыңыз; кейін ол байланыссыз да жұмыс істейді.',
  },
  // Review cycles for coordinators.
  nav_cycles: { en: 'Self-review', ru: 'Самооценка', kk: 'Өзін-өзі бағалау' },
  cycles_title: { en: 'Self-review cycles', ru: 'Циклы самооценки', kk: 'Өзін-өзі бағалау циклдері' },
  cycles_none: { en: 'No cycle has been opened yet.', ru: 'Циклов пока нет.', kk: 'Әзірге цикл ашылмаған.' },
  cycle_label: { en: 'Cycle', ru: 'Цикл', kk: 'Цикл' },
  cycle_unit: { en: 'School or district', ru: 'Школа или район', kk: 'Мектеп немесе аудан' },
  cycle_state: { en: 'State', ru: 'Состояние', kk: 'Күйі' },
  cycle_progress: { en: 'Responses (codes issued)', ru: 'Ответы (выдано кодов)', kk: 'Жауаптар (берілген кодтар)' },
  cycle_state_open: { en: 'open', ru: 'открыт', kk: 'ашық' },
  cycle_state_closed: { en: 'closed', ru: 'закрыт', kk: 'жабық' },
  cycle_few: { en: 'fewer than {0}', ru: 'меньше {0}', kk: '{0}-ден аз' },
  cycle_group_progress: { en: '{0}: {1} ({2} codes)', ru: '{0}: {1} (кодов: {2})', kk: '{0}: {1} ({2} код)' },
  cycle_new: { en: 'Open a new cycle', ru: 'Открыть новый цикл', kk: 'Жаңа цикл ашу' },
  cycle_unit_id: { en: 'School or district code', ru: 'Код школы или района', kk: 'Мектептің немесе ауданның коды' },
  cycle_unit_name: { en: 'Name', ru: 'Название', kk: 'Атауы' },
  cycle_region: { en: 'Region (for example KZ-ALA)', ru: 'Регион (например, KZ-ALA)', kk: 'Өңір (мысалы, KZ-ALA)' },
  cycle_instrument: { en: 'Questionnaire', ru: 'Анкета', kk: 'Сауалнама' },
  cycle_label_field: { en: 'Label (for example 2026 spring)', ru: 'Метка (например, весна 2026)', kk: 'Белгі (мысалы, 2026 көктем)' },
  cycle_codes_for: { en: 'Codes for {0}', ru: 'Кодов для группы «{0}»', kk: '«{0}» тобына арналған кодтар' },
  cycle_open_button: { en: 'Open the cycle', ru: 'Открыть цикл', kk: 'Циклды ашу' },
  cycle_opened: { en: 'The cycle is open. Print or share the codes now: they are shown only once.', ru: 'Цикл открыт. Распечатайте или раздайте коды сейчас: они показываются только один раз.', kk: 'Цикл ашылды. Кодтарды қазір басып шығарыңыз немесе таратыңыз: олар тек бір рет көрсетіледі.' },
  cycle_sheet: { en: 'Access codes', ru: 'Коды доступа', kk: 'Қол жеткізу кодтары' },
  cycle_sheet_hint: {
    en: 'One card per person. Scan the QR code or open the link and type the code. Answers are anonymous.',
    ru: 'Одна карточка на человека. Отсканируйте QR-код или откройте ссылку и введите код. Ответы анонимны.',
    kk: 'Бір адамға бір карточка. QR-кодты сканерлеңіз немесе сілтемені ашып, кодты енгізіңіз. Жауаптар жасырын.',
  },
  cycle_print: { en: 'Print the codes', ru: 'Распечатать коды', kk: 'Кодтарды басып шығару' },
  cycle_qr_of: { en: 'QR code for {0}', ru: 'QR-код для {0}', kk: '{0} үшін QR-код' },
  cycle_more_codes: { en: 'Issue more codes', ru: 'Выдать ещё коды', kk: 'Қосымша код беру' },
  cycle_group: { en: 'Group', ru: 'Группа', kk: 'Топ' },
  cycle_count: { en: 'How many', ru: 'Сколько', kk: 'Саны' },
  cycle_issue: { en: 'Issue codes', ru: 'Выдать коды', kk: 'Код беру' },
  cycle_close: { en: 'Close the cycle', ru: 'Закрыть цикл', kk: 'Циклды жабу' },
  cycle_close_confirm: {
    en: 'Close the cycle? No more answers will be accepted, and unsent drafts are deleted.',
    ru: 'Закрыть цикл? Ответы больше не будут приниматься, неотправленные черновики удалятся.',
    kk: 'Циклды жабу керек пе? Жауаптар енді қабылданбайды, жіберілмеген жобалар жойылады.',
  },
  cycle_closed_now: { en: 'The cycle is closed.', ru: 'Цикл закрыт.', kk: 'Цикл жабылды.' },
  cycle_results: { en: 'Results', ru: 'Результаты', kk: 'Нәтижелер' },
  cycle_show_results: { en: 'Show the results so far', ru: 'Показать текущие результаты', kk: 'Ағымдағы нәтижелерді көрсету' },
  cycle_score: { en: 'Score (0–100)', ru: 'Балл (0–100)', kk: 'Балл (0–100)' },
  cycle_need_info: { en: 'Need more information', ru: 'Нужно больше информации', kk: 'Қосымша ақпарат қажет' },
  cycle_respondents: { en: 'Respondents', ru: 'Респонденты', kk: 'Респонденттер' },
  cycle_suppressed: {
    en: 'fewer than {0} respondents, not shown',
    ru: 'меньше {0} респондентов, не показано',
    kk: '{0}-ден аз респондент, көрсетілмейді',
  },
  cycle_gap: { en: 'Gap {0} – {1}: {2} points, d = {3}', ru: 'Расхождение {0} – {1}: разница в баллах — {2}, d = {3}', kk: 'Алшақтық {0} – {1}: {2} балл, d = {3}' },
  cycle_gap_flagged: { en: 'The groups see this differently', ru: 'Группы оценивают это по-разному', kk: 'Топтар мұны әртүрлі бағалайды' },
  cycle_export: { en: 'Download', ru: 'Скачать', kk: 'Жүктеп алу' },
  cycle_back: { en: 'All cycles', ru: 'Все циклы', kk: 'Барлық циклдер' },
  // A district's overview of its schools and the peer review of a district cycle.
  nav_district: { en: 'District', ru: 'Район', kk: 'Аудан' },
  nav_peer: { en: 'Peer review', ru: 'Взаимная экспертиза', kk: 'Өзара сараптама' },
  cycle_district_id: { en: 'District code (for a school; optional)', ru: 'Код района (для школы, необязательно)', kk: 'Аудан коды (мектеп үшін, міндетті емес)' },
  cycle_peer_link: { en: 'Peer review of this cycle', ru: 'Взаимная экспертиза этого цикла', kk: 'Осы циклдің өзара сараптамасы' },
  district_code: { en: 'District code', ru: 'Код района', kk: 'Аудан коды' },
  district_show: { en: 'Show the schools', ru: 'Показать школы', kk: 'Мектептерді көрсету' },
  district_title: { en: 'District {0}: schools side by side', ru: 'Район {0}: школы рядом', kk: '{0} ауданы: мектептер қатар' },
  district_none: { en: 'No closed school cycle names this district yet.', ru: 'Пока нет закрытых циклов школ этого района.', kk: 'Бұл ауданның мектептерінде әзірге жабық цикл жоқ.' },
  district_hint: {
    en: 'Scores 0–100 per group, from each school’s latest closed cycle. Groups with fewer than {0} respondents are not shown, and no total is given.',
    ru: 'Баллы 0–100 по группам, по последнему закрытому циклу каждой школы. Группы меньше {0} респондентов не показываются, общий итог не приводится.',
    kk: 'Әр мектептің соңғы жабық циклі бойынша топтардың 0–100 балы. {0}-ден аз респондент бар топтар көрсетілмейді, жалпы қорытынды берілмейді.',
  },
  district_school: { en: 'School', ru: 'Школа', kk: 'Мектеп' },
  district_not_shown: { en: 'fewer than {0}, not shown', ru: 'меньше {0}, не показано', kk: '{0}-ден аз, көрсетілмейді' },
  peer_invitations_title: { en: 'Reviews you are invited to', ru: 'Приглашения к экспертизе', kk: 'Сараптамаға шақырулар' },
  peer_invitations_none: { en: 'No district has invited you yet.', ru: 'Вас пока не пригласил ни один район.', kk: 'Әзірге ешбір аудан сізді шақырған жоқ.' },
  peer_privacy: {
    en: 'You see aggregated results only: groups with fewer than {0} respondents are not shown, and no individual answer is ever shown.',
    ru: 'Вы видите только сводные результаты: группы меньше {0} респондентов не показываются, отдельные ответы не показываются никогда.',
    kk: 'Сіз тек жиынтық нәтижелерді көресіз: {0}-ден аз респондент бар топтар көрсетілмейді, жеке жауаптар ешқашан көрсетілмейді.',
  },
  peer_title: { en: 'Peer review: {0}', ru: 'Взаимная экспертиза: {0}', kk: 'Өзара сараптама: {0}' },
  peer_overview_link: { en: 'The district’s schools side by side', ru: 'Школы района рядом', kk: 'Аудан мектептері қатар' },
  peer_reviewers: { en: 'Reviewers of {0}', ru: 'Эксперты: {0}', kk: '{0}: сарапшылар' },
  peer_reviewers_none: { en: 'No reviewer invited yet.', ru: 'Эксперты пока не приглашены.', kk: 'Әзірге сарапшы шақырылмаған.' },
  peer_invite: { en: 'Invite a reviewer from another district', ru: 'Пригласить эксперта из другого района', kk: 'Басқа ауданнан сарапшы шақыру' },
  peer_account: { en: 'Reviewer’s account (role: peer reviewer)', ru: 'Учётная запись эксперта (роль: внешний рецензент)', kk: 'Сарапшының тіркелгісі (рөлі: сырттай сарапшы)' },
  peer_reviewer_district: { en: 'Reviewer’s district code', ru: 'Код района эксперта', kk: 'Сарапшы ауданының коды' },
  peer_invited_at: { en: 'Invited', ru: 'Приглашён', kk: 'Шақырылған' },
  peer_invite_button: { en: 'Invite', ru: 'Пригласить', kk: 'Шақыру' },
  peer_invited: { en: 'The reviewer is invited.', ru: 'Эксперт приглашён.', kk: 'Сарапшы шақырылды.' },
  peer_write: { en: 'Write a comment or challenge', ru: 'Написать комментарий или критический вопрос', kk: 'Пікір немесе сыни сұрақ жазу' },
  peer_node: { en: 'About', ru: 'К чему', kk: 'Неге қатысты' },
  peer_whole: { en: 'The whole review', ru: 'Самооценка в целом', kk: 'Өзін-өзі бағалау тұтастай' },
  peer_kind: { en: 'Kind', ru: 'Вид', kk: 'Түрі' },
  peer_kind_comment: { en: 'Comment', ru: 'Комментарий', kk: 'Пікір' },
  peer_kind_challenge: { en: 'Challenge', ru: 'Критический вопрос', kk: 'Сыни сұрақ' },
  peer_text: { en: 'Text', ru: 'Текст', kk: 'Мәтін' },
  peer_send: { en: 'Send', ru: 'Отправить', kk: 'Жіберу' },
  peer_sent: { en: 'Sent to the district.', ru: 'Отправлено району.', kk: 'Ауданға жіберілді.' },
  peer_evidence: { en: 'The district’s results', ru: 'Результаты района', kk: 'Ауданның нәтижелері' },
  peer_replied: { en: 'The district’s reply', ru: 'Ответ района', kk: 'Ауданның жауабы' },
  peer_no_reply: { en: 'No reply yet.', ru: 'Ответа пока нет.', kk: 'Әзірге жауап жоқ.' },
  peer_reply: { en: 'Your reply', ru: 'Ваш ответ', kk: 'Сіздің жауабыңыз' },
  peer_reply_button: { en: 'Reply', ru: 'Ответить', kk: 'Жауап беру' },
  peer_reply_sent: { en: 'The reply is saved.', ru: 'Ответ сохранён.', kk: 'Жауап сақталды.' },
  // The development plan (views/plan.ts).
  plan_title: { en: 'Development plan', ru: 'План развития', kk: 'Даму жоспары' },
  plan_back: { en: 'Back to the results', ru: 'Назад к результатам', kk: 'Нәтижелерге оралу' },
  plan_after_close: { en: 'The plan is made after the cycle closes.', ru: 'План составляется после завершения цикла.', kk: 'Жоспар цикл аяқталғаннан кейін құрылады.' },
  plan_suggestions: { en: 'Suggested priorities', ru: 'Предлагаемые приоритеты', kk: 'Ұсынылған басымдықтар' },
  plan_suggestions_hint: {
    en: 'Indicators with low scores, groups that see things differently, or many "need more information" answers. Groups too small to show are never used.',
    ru: 'Индикаторы с низкими баллами, расхождениями между группами или многими ответами «нужно больше информации». Слишком малые группы не учитываются.',
    kk: 'Балы төмен, топтар әртүрлі бағалаған немесе «қосымша ақпарат қажет» жауаптары көп индикаторлар. Тым шағын топтар ескерілмейді.',
  },
  plan_no_suggestions: { en: 'Nothing stands out in these results.', ru: 'В этих результатах ничего не выделяется.', kk: 'Бұл нәтижелерде ерекше көзге түсетін ештеңе жоқ.' },
  plan_reason_low_score: { en: '{0}: score {1}, below {2}.', ru: '{0}: балл {1}, ниже {2}.', kk: '{0}: балл {1}, {2}-ден төмен.' },
  plan_reason_gap: { en: '{0} and {1} see this differently: {2} points apart.', ru: '{0} и {1} оценивают это по-разному: разница в баллах — {2}.', kk: '{0} мен {1} мұны әртүрлі бағалайды: айырма {2} балл.' },
  plan_reason_need_info: { en: '{0}: {1} need more information.', ru: '{0}: {1} нужно больше информации.', kk: '{0}: {1} қосымша ақпарат қажет.' },
  plan_choose: { en: 'Choose as a priority', ru: 'Выбрать приоритетом', kk: 'Басымдық ретінде таңдау' },
  plan_chosen: { en: 'Chosen as a priority', ru: 'Выбрано приоритетом', kk: 'Басымдық ретінде таңдалды' },
  plan_priorities: { en: 'Priorities', ru: 'Приоритеты', kk: 'Басымдықтар' },
  plan_no_priorities: { en: 'No priority chosen yet. Choose one from the suggestions.', ru: 'Приоритеты пока не выбраны. Выберите из предложенных.', kk: 'Басымдық әлі таңдалмаған. Ұсынылғандардан таңдаңыз.' },
  plan_why: { en: 'Why', ru: 'Почему', kk: 'Неліктен' },
  plan_no_actions: { en: 'No actions yet.', ru: 'Действий пока нет.', kk: 'Әрекеттер әлі жоқ.' },
  plan_what: { en: 'What will be done', ru: 'Что будет сделано', kk: 'Не істеледі' },
  plan_role: { en: 'Responsible role (not a name)', ru: 'Ответственная роль (не имя)', kk: 'Жауапты лауазым (аты-жөні емес)' },
  plan_start: { en: 'Start', ru: 'Начало', kk: 'Басталуы' },
  plan_due: { en: 'Due', ru: 'Срок', kk: 'Мерзімі' },
  plan_resources: { en: 'Resources', ru: 'Ресурсы', kk: 'Ресурстар' },
  plan_evidence: { en: 'Evidence of success', ru: 'Свидетельство успеха', kk: 'Табыстың дәлелі' },
  plan_add_action: { en: 'Add an action', ru: 'Добавить действие', kk: 'Әрекет қосу' },
  plan_edit_action: { en: 'Edit the action', ru: 'Изменить действие', kk: 'Әрекетті өзгерту' },
  plan_save_action: { en: 'Save the action', ru: 'Сохранить действие', kk: 'Әрекетті сақтау' },
  plan_action_added: { en: 'The action is added.', ru: 'Действие добавлено.', kk: 'Әрекет қосылды.' },
  plan_action_saved: { en: 'The action is saved.', ru: 'Действие сохранено.', kk: 'Әрекет сақталды.' },
  plan_priority_added: { en: 'The priority is added to the plan.', ru: 'Приоритет добавлен в план.', kk: 'Басымдық жоспарға қосылды.' },
  plan_status: { en: 'Status', ru: 'Статус', kk: 'Күйі' },
  plan_status_not_started: { en: 'Not started', ru: 'Не начато', kk: 'Басталмаған' },
  plan_status_in_progress: { en: 'In progress', ru: 'В работе', kk: 'Орындалуда' },
  plan_status_done: { en: 'Done', ru: 'Выполнено', kk: 'Орындалды' },
  plan_status_blocked: { en: 'Blocked', ru: 'Приостановлено', kk: 'Тоқтап тұр' },
  plan_date: { en: 'Date', ru: 'Дата', kk: 'Күні' },
  plan_note: { en: 'Note', ru: 'Заметка', kk: 'Ескертпе' },
  plan_progress: { en: 'Progress', ru: 'Ход выполнения', kk: 'Орындалу барысы' },
  plan_add_progress: { en: 'Add a progress update', ru: 'Отметить ход выполнения', kk: 'Орындалу барысын белгілеу' },
  plan_progress_added: { en: 'The progress update is saved.', ru: 'Ход выполнения сохранён.', kk: 'Орындалу барысы сақталды.' },
  plan_remove_action: { en: 'Remove the action', ru: 'Удалить действие', kk: 'Әрекетті жою' },
  plan_remove_priority: { en: 'Remove the priority', ru: 'Удалить приоритет', kk: 'Басымдықты жою' },
  plan_remove_confirm: { en: 'Remove it, with everything recorded under it?', ru: 'Удалить вместе со всем, что к нему записано?', kk: 'Оған жазылғанның бәрімен бірге жою керек пе?' },
  plan_removed: { en: 'Removed.', ru: 'Удалено.', kk: 'Жойылды.' },
  plan_follow_up: { en: 'How the plan of {0} went', ru: 'Как выполнен план цикла {0}', kk: '{0} циклі жоспарының орындалуы' },
  plan_score_in: { en: 'Score {0}', ru: 'Балл {0}', kk: 'Балл {0}' },
  cycle_change: { en: 'Change since {0}', ru: 'Изменение с {0}', kk: '{0} бері өзгеріс' },
  plan_change: { en: 'Change', ru: 'Изменение', kk: 'Өзгеріс' },
} satisfies Record<string, Text>;

export type TextKey = keyof typeof TEXTS;

function cookieLang(): Lang | null {
  const match = document.cookie.match(/(?:^|;\s*)lang=(kk|ru|en)/);
  return match ? (match[1] as Lang) : null;
}

function browserLang(): Lang {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const code = tag.slice(0, 2).toLowerCase();
    if ((LANGS as string[]).includes(code)) return code as Lang;
  }
  return 'en';
}

let current: Lang = cookieLang() ?? browserLang();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  // A year; SameSite=Strict like the session cookie. Read by the server for messages.
  document.cookie = `lang=${next}; Path=/; Max-Age=31536000; SameSite=Strict`;
  document.documentElement.lang = next;
}

// The text for `key` in the current language, with {0}, {1}... replaced by `args`.
export function t(key: TextKey, ...args: (string | number)[]): string {
  const pattern = TEXTS[key][current];
  return pattern.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

// A trilingual name from the API ({"en","ru","kk"}), falling back to any language given.
export function pick(name: Partial<Record<Lang, string>> | undefined | null): string {
  if (!name) return '';
  return name[current] || name.en || name.ru || name.kk || '';
}

const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export function formatNumber(value: number, digits = 0): string {
  return new Intl.NumberFormat(LOCALES[current], {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}

export function formatPercent(share: number, digits = 1): string {
  return `${formatNumber(share * 100, digits)} %`;
}

// Unix seconds as a local date and time.
export function formatTime(seconds: number): string {
  return new Intl.DateTimeFormat(LOCALES[current], {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(
    new Date(seconds * 1000),
  );
}

export function formatDuration(seconds: number): string {
  return seconds < 90 ? t('seconds', Math.max(1, Math.round(seconds))) : t('minutes', Math.round(seconds / 60));
}

export function roleName(role: string): string {
  const key = `role_${role}` as TextKey;
  return key in TEXTS ? t(key) : role;
}

document.documentElement.lang = current;
