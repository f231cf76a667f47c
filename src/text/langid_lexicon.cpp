// The word lists and n-grams of language identification, chosen by hand from
// frequent words and inflections of each language (folded spelling).
#include "text/langid_lexicon.h"



namespace tenlik::text::internal {
namespace {

constexpr std::string_view kKazakhCyrillicWords[] = {
    "жане", "мен", "бул", "ушин", "пен", "бен", "осы", "сол", "бар", "жок", "емес",
    "болады", "болды", "болып", "болса", "керек", "деп", "деген", "бир", "биз", "сиз",
    "сен", "олар", "ол", "оны", "онын", "оган", "кандай", "калай", "неге", "туралы",
    "арасында", "бойынша", "барлык", "коп", "жаксы", "рахмет", "ете", "тек", "гана",
    "кана", "енди", "ал", "бирак", "мектеп", "мектепте", "мектептер", "мектептерде",
    "бала", "балалар", "балаларга", "балалардын", "билим", "беру", "мугалим",
    "мугалимдер", "ата-ана", "ата-аналар", "ата", "ана", "еди", "екен", "казак", "тили",
    "бугин", "ертен", "кеше", "кун", "жыл", "адамдар", "мынау", "кызмет", "жумыс", "комек",
    "окушы", "окушылар", "оку", "окыту", "отбасы", "ерекше", "мумкиндиги", "мумкиндик",
    "кажет", "кажетти", "ия", "тагы", "де", "та", "те", "ма", "ме", "ба", "бе", "па", "пе",
    "сиякты", "ушын", "менин", "сенин", "бизде", "бизге", "биздин", "кайда", "кашан",
    "кимге", "нелик", "жасау", "алу", "келди", "барады", "береди", "жатыр", "журген",
    "инклюзивти", "инклузивти", "казакстан", "казакша", "тил", "улкен", "кишкентай",
    "агай", "апай", "жакын",
};

constexpr std::string_view kKazakhLatinWords[] = {
    "jane", "zhane", "osy", "joq", "jok", "zhok", "emes", "bolady", "boldy", "bolyp",
    "kerek", "biz", "siz", "olar", "qandai", "kandai", "qalai", "kalai", "nege", "turaly",
    "arasynda", "boiynsha", "barlyq", "barlyk", "kop", "jaqsy", "jaksy", "zhaksy",
    "rahmet", "raqmet", "ote", "gana", "qana", "kana", "endi", "biraq", "birak", "mektep",
    "mektepte", "mektepter", "balalar", "balalarga", "bilim", "beru", "mugalim",
    "mugalimder", "ushin", "degen", "eken", "qazaq", "kazak", "qazaqstan", "tili", "bugin",
    "erten", "keshe", "jyl", "zhyl", "adamdar", "onyn", "mynau", "qyzmet", "jumys",
    "zhumys", "komek", "oqushy", "okushy", "oqu", "oku", "oqytu", "okytu", "inkluzivti",
    "otbasy", "erekshe", "mumkindik", "ata-ana", "kazakhsha", "qazaqsha",
};

constexpr std::string_view kRussianWords[] = {
    "и", "в", "во", "на", "с", "со", "что", "это", "как", "а", "но", "по", "к", "ко",
    "у", "о", "об", "от", "из", "за", "для", "при", "про", "без", "над", "под", "же",
    "ли", "бы", "или", "так", "уже", "еще", "только", "очень", "все", "его", "ее", "их",
    "мы", "вы", "они", "он", "она", "оно", "я", "ты", "мне", "нас", "вас", "нам", "был",
    "была", "были", "было", "будет", "есть", "нет", "может", "можно", "нужно", "надо",
    "когда", "где", "кто", "почему", "чтобы", "если", "также", "того", "этого", "этом",
    "этой", "эти", "этот", "эта", "свой", "своих", "который", "которые", "которых",
    "детей", "дети", "ребенок", "ребенка", "школа", "школе", "школы", "школ",
    "образование", "образования", "инклюзивное", "инклюзивного", "учителя", "учитель",
    "родители", "родителей", "спасибо", "привет", "здравствуйте", "хорошо", "плохо",
    "сегодня", "вчера", "завтра", "год", "года", "лет", "новый", "новые", "очень",
    "просто", "тоже", "себя", "меня", "тебя", "нами", "ними", "них", "всех", "всем",
    "такие", "такой", "много", "мало", "ребята", "ребенку", "класс", "классе", "нас",
    "вообще", "сейчас", "потом", "там", "тут", "здесь",
};

constexpr std::string_view kEnglishWords[] = {
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are",
    "was", "were", "be", "been", "this", "that", "these", "those", "it", "its", "we", "you",
    "they", "he", "she", "i", "our", "your", "their", "not", "no", "yes", "at", "by",
    "from", "as", "have", "has", "had", "will", "would", "can", "could", "should", "do",
    "does", "did", "all", "more", "about", "how", "what", "who", "why", "when", "there",
    "school", "schools", "children", "child", "education", "inclusive", "inclusion",
    "students", "student", "teachers", "teacher", "parents", "learning", "special",
    "needs", "disability", "disabilities", "support", "access", "today", "new", "great",
    "good", "thanks", "thank", "please", "hello", "ok", "okay", "people", "every", "very",
    "just", "like", "get", "make", "day", "week", "year", "years", "time", "our", "us",
    "my", "me", "him", "her", "them", "which", "than", "then", "also", "into", "out",
    "up", "so", "if", "but", "only", "some", "any", "other", "each", "many", "much",
};

constexpr WeightedGram kKazakhCyrillicEndings[] = {
    {"лар", 0.9f}, {"лер", 0.9f}, {"дар", 0.8f}, {"дер", 0.8f}, {"тар", 0.7f},
    {"тер", 0.7f}, {"нын", 1.0f}, {"нин", 0.8f}, {"дын", 1.0f}, {"дин", 0.6f},
    {"тын", 1.0f}, {"тин", 0.5f}, {"га", 0.7f}, {"ге", 0.8f}, {"ка", 0.3f},
    {"ке", 0.5f}, {"ды", 0.8f}, {"ди", 0.7f}, {"ты", 0.8f}, {"ти", 0.6f},
    {"мыз", 1.0f}, {"миз", 1.0f}, {"сыз", 1.0f}, {"сиз", 1.0f}, {"ган", 0.8f},
    {"ген", 0.8f}, {"кан", 0.6f}, {"кен", 0.6f}, {"ушы", 1.0f}, {"уши", 1.0f},
    {"лык", 1.0f}, {"лик", 0.9f}, {"дык", 1.0f}, {"дик", 0.9f}, {"тык", 1.0f},
    {"тик", 0.6f}, {"нан", 0.8f}, {"нен", 0.8f}, {"дан", 0.6f}, {"ден", 0.6f},
    {"тан", 0.6f}, {"тен", 0.6f}, {"мен", 0.5f}, {"бен", 0.6f}, {"пен", 0.6f},
    {"ып", 0.9f}, {"ип", 0.6f}, {"йды", 1.0f}, {"йди", 1.0f}, {"ады", 0.8f},
    {"еди", 0.8f}, {"да", 0.4f}, {"де", 0.5f}, {"сы", 0.8f}, {"си", 0.5f},
    {"ын", 0.5f}, {"лы", 0.7f}, {"ли", 0.3f}, {"ау", 0.5f}, {"еу", 0.7f},
    {"мын", 1.0f}, {"мин", 0.8f},
};

constexpr WeightedGram kKazakhLatinEndings[] = {
    {"lar", 0.9f}, {"ler", 0.9f}, {"dar", 0.8f}, {"der", 0.6f}, {"tar", 0.7f},
    {"ter", 0.3f}, {"nyn", 1.0f}, {"nin", 0.6f}, {"dyn", 1.0f}, {"tyn", 1.0f},
    {"ga", 0.6f}, {"ge", 0.3f}, {"qa", 1.0f}, {"dy", 0.9f}, {"di", 0.5f}, {"ty", 0.5f},
    {"ti", 0.5f}, {"myz", 1.0f}, {"miz", 1.0f}, {"syz", 1.0f}, {"gan", 0.6f},
    {"qan", 1.0f}, {"ushy", 1.0f}, {"ushi", 1.0f}, {"lyq", 1.0f}, {"lyk", 1.0f},
    {"lik", 0.7f}, {"dyq", 1.0f}, {"dyk", 1.0f}, {"nan", 0.6f}, {"nen", 0.5f},
    {"dan", 0.4f}, {"den", 0.3f}, {"yp", 1.0f}, {"ady", 1.0f}, {"edi", 0.6f},
    {"sy", 0.9f}, {"ly", 0.2f}, {"yn", 0.9f}, {"eu", 0.8f}, {"au", 0.6f}, {"da", 0.4f},
    {"de", 0.3f}, {"mın", 1.0f},
};

constexpr WeightedGram kRussianEndings[] = {
    {"ого", 1.0f}, {"его", 1.0f}, {"ому", 1.0f}, {"ему", 1.0f}, {"ыми", 1.0f},
    {"ими", 0.9f}, {"ая", 1.0f}, {"яя", 1.0f}, {"ое", 0.9f}, {"ее", 0.7f}, {"ые", 1.0f},
    {"ие", 0.9f}, {"ый", 1.0f}, {"ий", 0.8f}, {"ой", 0.7f}, {"ость", 1.0f},
    {"ости", 1.0f}, {"ение", 1.0f}, {"ания", 1.0f}, {"ание", 1.0f}, {"ения", 1.0f},
    {"ться", 1.0f}, {"тся", 1.0f}, {"ешь", 1.0f}, {"ишь", 1.0f}, {"ют", 0.8f},
    {"ят", 0.8f}, {"ует", 1.0f}, {"ать", 0.9f}, {"ить", 0.9f}, {"еть", 0.9f},
    {"ству", 1.0f}, {"ства", 1.0f}, {"ство", 1.0f}, {"ции", 1.0f}, {"ция", 0.8f},
    {"ков", 0.9f}, {"ов", 0.6f}, {"ев", 0.5f}, {"ам", 0.6f}, {"ям", 0.9f}, {"ах", 0.8f},
    {"ях", 0.9f}, {"ами", 1.0f}, {"ями", 1.0f}, {"ом", 0.6f}, {"ем", 0.5f}, {"ей", 0.8f},
    {"ется", 1.0f}, {"ится", 1.0f},
};

constexpr WeightedGram kEnglishEndings[] = {
    {"ing", 1.0f}, {"tion", 1.0f}, {"sion", 1.0f}, {"ed", 0.6f}, {"ly", 0.7f},
    {"ness", 1.0f}, {"ment", 1.0f}, {"ies", 0.9f}, {"ive", 0.9f}, {"ous", 1.0f},
    {"ful", 1.0f}, {"less", 1.0f}, {"able", 1.0f}, {"ible", 1.0f}, {"ity", 0.9f},
    {"th", 0.6f}, {"ght", 1.0f}, {"ck", 0.8f}, {"ys", 0.6f}, {"ee", 0.8f}, {"ss", 0.6f},
    {"ts", 0.6f}, {"rs", 0.5f}, {"nd", 0.6f}, {"ce", 0.7f}, {"se", 0.4f}, {"er", 0.3f},
    {"ou", 0.6f}, {"al", 0.3f}, {"ty", 0.2f},
};

constexpr WeightedGram kRussianInnerGrams[] = {
    {"щ", 0.6f}, {"ъ", 0.8f}, {"э", 0.3f}, {"ць", 0.8f}, {"ьн", 0.5f}, {"ьк", 0.5f},
    {"ьс", 0.5f}, {"вш", 0.6f}, {"жд", 0.6f}, {"ств", 0.6f}, {"ыв", 0.5f}, {"ию", 0.4f},
    {"ея", 0.4f}, {"ия", 0.2f},
};

constexpr WeightedGram kEnglishInnerGrams[] = {
    {"th", 0.6f}, {"wh", 0.8f}, {"ck", 0.6f}, {"ee", 0.5f}, {"oo", 0.5f}, {"ou", 0.4f},
    {"ea", 0.4f}, {"w", 0.4f}, {"x", 0.3f}, {"ph", 0.5f}, {"gh", 0.6f}, {"ai", 0.1f},
    {"ce", 0.3f}, {"ci", 0.3f},
};

constexpr WeightedGram kKazakhLatinInnerGrams[] = {
    {"zh", 0.7f}, {"q", 0.9f}, {"yq", 0.8f}, {"yn", 0.3f}, {"ys", 0.2f}, {"yl", 0.3f},
    {"ly", 0.1f}, {"uy", 0.3f}, {"ia", 0.1f}, {"ji", 0.2f},
};

}  // namespace

std::span<const std::string_view> KazakhCyrillicWords() { return kKazakhCyrillicWords; }
std::span<const std::string_view> KazakhLatinWords() { return kKazakhLatinWords; }
std::span<const std::string_view> RussianWords() { return kRussianWords; }
std::span<const std::string_view> EnglishWords() { return kEnglishWords; }
std::span<const WeightedGram> KazakhCyrillicEndings() { return kKazakhCyrillicEndings; }
std::span<const WeightedGram> KazakhLatinEndings() { return kKazakhLatinEndings; }
std::span<const WeightedGram> RussianEndings() { return kRussianEndings; }
std::span<const WeightedGram> EnglishEndings() { return kEnglishEndings; }
std::span<const WeightedGram> RussianInnerGrams() { return kRussianInnerGrams; }
std::span<const WeightedGram> EnglishInnerGrams() { return kEnglishInnerGrams; }
std::span<const WeightedGram> KazakhLatinInnerGrams() { return kKazakhLatinInnerGrams; }

}  // namespace tenlik::text::internal
