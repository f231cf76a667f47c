#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate Tenlik's SYNTHETIC social-media sample corpus (data/sample/).

Python 3 standard library only; deterministic for a given --seed.
Every post, person, organisation, outlet, school number, figure and event is invented.

    python3 tools/sample/generate.py                # writes data/sample/
    python3 tools/sample/generate.py --out /tmp/x --gazetteer /path/to/kazakhstan

See tools/sample/README.md.
"""
import argparse
import csv
import datetime as dt
import io
import json
import math
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vocab as V  # noqa: E402

SEED = 20250101
TZ = dt.timezone(dt.timedelta(hours=5))  # Kazakhstan, single zone UTC+5 since 2024-03-01
START = dt.date(2025, 1, 1)
END = dt.date(2026, 6, 30)
NDAYS = (END - START).days + 1

TARGETS = {  # records with text per file (dups and broken records included)
    "meltwater": 720, "meltwater_utf8": 100, "tg_channel": 320, "tg_group": 430,
    "instagram": 660, "jsonl": 680, "forum": 640,
}
NEAR_SHARE, EXACT_SHARE = 0.08, 0.03

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
GAZ_CANDIDATES = [os.path.join(REPO, "data", "gazetteer"), os.path.join(REPO, "data", "kazakhstan"),
                  "/work/shared/data/kazakhstan"]

# ----------------------------------------------------------------- script conversion
_LAT = {'а': 'a', 'ә': 'ä', 'б': 'b', 'в': 'v', 'г': 'g', 'ғ': 'ğ', 'д': 'd', 'е': 'e', 'ё': 'io', 'ж': 'j',
        'з': 'z', 'и': 'i', 'й': 'i', 'к': 'k', 'қ': 'q', 'л': 'l', 'м': 'm', 'н': 'n', 'ң': 'ñ', 'о': 'o',
        'ө': 'ö', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ұ': 'ū', 'ү': 'ü', 'ф': 'f', 'х': 'h',
        'һ': 'h', 'ц': 'ts', 'ч': 'ch', 'ш': 'ş', 'щ': 'şş', 'ъ': '', 'ы': 'y', 'і': 'ı', 'ь': '', 'э': 'e',
        'ю': 'iu', 'я': 'ia'}
_WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")


def to_latin(text, informal=False):
    """Kazakh Cyrillic -> 2021 Latin alphabet (informal: і -> i, as people often type)."""
    def conv(m):
        w = m.group(0)
        low = w.lower()
        low = low.replace("инклюзи", "инклүзи")  # 'Inklüzivti' as commonly written
        out = []
        for ch in low:
            t = _LAT.get(ch, ch)
            if informal and ch == 'і':
                t = 'i'
            out.append(t)
        s = "".join(out)
        if len(w) > 1 and w.isupper():
            return s.upper()
        if w[0].isupper():
            return s[:1].upper() + s[1:]
        return s
    return _WORD.sub(conv, text)


_SUBST = str.maketrans("қҚғҒңҢәӘөӨұҰүҮіІһҺ", "кКгГнНаАоОуУуУиИхХ")


def to_translit(text):
    """Kazakh written with Russian-keyboard substitutes (қ->к, ғ->г, ң->н, ә->а, ө->о, ұ/ү->у, і->и)."""
    return text.translate(_SUBST)


def ascii_handle(s):
    s = to_latin(s, informal=True).lower()
    rep = {'ä': 'a', 'ğ': 'g', 'q': 'q', 'ñ': 'n', 'ö': 'o', 'ū': 'u', 'ü': 'u', 'ş': 'sh', 'ı': 'i', 'ё': 'e'}
    s = "".join(rep.get(c, c) for c in s)
    return re.sub(r"[^a-z0-9_.]", "", s)


# ----------------------------------------------------------------- gazetteer
REGION_WEIGHT = {  # rough population shares; media-dark regions deliberately damped
    "KZ-10": 6, "KZ-11": 7, "KZ-15": 9, "KZ-19": 14, "KZ-23": 1.0, "KZ-27": 6, "KZ-31": 11, "KZ-33": 6,
    "KZ-35": 11, "KZ-39": 8, "KZ-43": 7, "KZ-47": 1.4, "KZ-55": 7, "KZ-59": 0.7, "KZ-61": 18, "KZ-62": 0.3,
    "KZ-63": 7, "KZ-71": 22, "KZ-75": 32, "KZ-79": 12,
}
MEDIA_DARK = ["KZ-62", "KZ-59", "KZ-23", "KZ-47"]


def find_gazetteer(path):
    for c in ([path] if path else GAZ_CANDIDATES):
        if c and os.path.exists(os.path.join(c, "places.csv")) and os.path.exists(os.path.join(c, "regions.csv")):
            return c
    sys.exit("generate.py: gazetteer (places.csv, regions.csv) not found; pass --gazetteer DIR")


def load_gazetteer(d):
    regions = {}
    with open(os.path.join(d, "regions.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            regions[r["iso_3166_2"]] = {"iso": r["iso_3166_2"], "en": r["name_en"], "kk": r["name_kk"],
                                        "ru": r["name_ru"], "cities": []}
    with open(os.path.join(d, "places.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso = r["region_iso"]
            if iso not in regions or r["kind"] != "city":
                continue
            alts = [a for a in r["alt_names"].split("|") if a]
            regions[iso]["cities"].append({
                "en": r["place_en"], "kk": r["place_kk"], "ru": r["place_ru"], "iso": iso, "alts": alts,
                "centre": r["admin_centre_of"] == iso})
    return {k: v for k, v in regions.items() if v["cities"]}


KK_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def is_cyr(s):
    return bool(re.search(r"[А-Яа-яЁё]", s))


# ----------------------------------------------------------------- generator state
class Gen:
    def __init__(self, seed, gaz):
        self.rng = random.Random(seed)
        self.regions = gaz
        self.region_keys = sorted(gaz)
        self.region_w = [REGION_WEIGHT.get(k, 5) for k in self.region_keys]
        self.uid = 0
        self._day_weights()
        self._make_orgs()
        self._make_people()

    # ---- randomness helpers
    def ch(self, seq):
        return self.rng.choice(seq)

    def wch(self, seq, w):
        return self.rng.choices(seq, weights=w, k=1)[0]

    def p(self, prob):
        return self.rng.random() < prob

    def new_uid(self):
        self.uid += 1
        return self.uid

    # ---- places
    def pick_city(self):
        reg = self.regions[self.wch(self.region_keys, self.region_w)]
        cs = reg["cities"]
        return self.wch(cs, [8 if c["centre"] else 1 for c in cs])

    def city_name(self, city, lang):
        alts = city["alts"]
        if lang == "ru":
            a = [x for x in alts if is_cyr(x) and not (set(x) & KK_ONLY)]
            return self.ch(a) if a and self.p(0.10) else city["ru"]
        if lang == "kk":
            a = [x for x in alts if is_cyr(x)]
            return self.ch(a) if a and self.p(0.06) else city["kk"]
        a = [x for x in alts if not is_cyr(x)]
        return self.ch(a) if a and self.p(0.10) else city["en"]

    def region_name(self, city, lang):
        return self.regions[city["iso"]][lang]

    # ---- time
    def _day_weights(self):
        w = []
        for i in range(NDAYS):
            d = START + dt.timedelta(days=i)
            x = 0.85 + 0.4 * i / NDAYS
            if d.weekday() >= 5:
                x *= 0.75
            if d.month == 7:
                x *= 0.55
            if d.month == 1 and d.day <= 8:
                x *= 0.5
            x *= self._spike(d)
            w.append(x)
        self.day_w = w
        self.days = list(range(NDAYS))

    @staticmethod
    def _spike(d):
        md = (d.month, d.day)
        if md == (4, 2):
            return 5.0
        if md in ((4, 1), (4, 3)):
            return 2.0
        if d.year == 2025:
            if d.month == 8 and d.day >= 20:
                return 1.8
            if d.month == 9 and d.day == 1:
                return 6.0
            if d.month == 9 and d.day <= 7:
                return 3.5
            if d.month == 9 and d.day <= 20:
                return 1.6
            if md == (12, 3):
                return 4.0
            if md in ((12, 2), (12, 4)):
                return 1.8
        if d.year == 2026 and d.month == 2:
            return {11: 3, 12: 9, 13: 7, 14: 5}.get(d.day, 3 if 15 <= d.day <= 20 else (1.6 if d.day > 20 else 1))
        return 1.0

    @staticmethod
    def event_of(d):
        if (d.month, d.day) in ((4, 1), (4, 2), (4, 3)):
            return "apr2"
        if d.year == 2025 and ((d.month == 8 and d.day >= 25) or (d.month == 9 and d.day <= 10)):
            return "sep1"
        if d.year == 2025 and d.month == 12 and 2 <= d.day <= 4:
            return "dec3"
        if d.year == 2026 and d.month == 2 and d.day >= 11:
            return "feb2026"
        return None

    def pick_datetime(self):
        i = self.wch(self.days, self.day_w)
        d = START + dt.timedelta(days=i)
        h = self.wch(list(range(24)), [1, 1, 0.5, 0.3, 0.3, 0.5, 1.5, 3, 5, 7, 7, 7, 6, 6, 6, 6, 6, 6, 6, 7, 8, 8, 6, 3])
        return dt.datetime(d.year, d.month, d.day, h, self.rng.randrange(60), self.rng.randrange(60), tzinfo=TZ)

    @staticmethod
    def frac(t):
        return max(0.0, min(1.0, (t.date() - START).days / NDAYS))

    # ---- authors
    def _make_orgs(self):
        O = [
            ("Қамқорлық жолы — ата-аналар қауымдастығы", "qamqorlyq_joly", ["kk", "ru"], "qamqorlyq.example", "Қамқорлық жолы"),
            ("Фонд «Тең мүмкіндік»", "ten_mumkindik_fund", ["ru", "kk"], "tenmumkindik.example", "Тең мүмкіндік"),
            ("Inclusive Steps Kazakhstan", "inclusivesteps_kz", ["en", "ru"], "inclusivesteps.example", "Inclusive Steps"),
            ("Центр инклюзивной практики «Шуақ»", "shuaq_center", ["ru"], "shuaq.example", "Шуақ"),
            ("«Нұрлы Жүрек» ресурстық орталығы", "nurly_zhurek_rc", ["kk"], "nurlyzhurek.example", "Нұрлы Жүрек"),
            ("Ерекше Әлем қоғамдық бірлестігі", "erekshe_alem", ["kk", "ru"], "erekshealem.example", "Ерекше Әлем"),
            ("Autism Parents Network KZ", "apn_kz", ["en", "ru", "kk"], "apn-kz.example", "Autism Parents Network"),
            ("Ассоциация тьюторов и ассистентов педагога", "tutor_assoc_kz", ["ru"], "tutors-assoc.example", "Ассоциация тьюторов"),
            ("Қолжетімді Орта мониторингі", "qoljetimdi_orta", ["kk", "ru"], "qoljetimdi.example", "Қолжетімді Орта"),
            ("Ауыл балалары қоры", "auyl_balalary", ["kk"], "auylbalalary.example", "Ауыл балалары"),
            ("Сеть инклюзивных школ «Күнсәуле»", "kunsaule_schools", ["ru", "kk"], "kunsaule.example", "Күнсәуле"),
            ("Бірлік — помощь детям кандасов и мигрантов", "birlik_kids", ["ru", "kk"], "birlik-kids.example", "Бірлік"),
            ("Региональный методический центр инклюзии", "rmc_inclusion", ["ru", "kk"], "rmc-inclusion.example", "методический центр"),
        ]
        M = [
            ("Bilimhabary.kz", "bilimhabary", ["kk", "ru"], "bilimhabary.example"),
            ("Qogam24", "qogam24", ["ru", "kk"], "qogam24.example"),
            ("Дала Ньюс", "dala_news", ["ru"], "dalanews.example"),
            ("Ortalyq Times", "ortalyq_times", ["ru", "en"], "ortalyq-times.example"),
            ("Степной вестник", "stepnoy_vestnik", ["ru"], "stepnoy-vestnik.example"),
            ("Jaña Aqparat", "jana_aqparat", ["kk"], "jana-aqparat.example"),
            ("KZ Education Review", "kz_edu_review", ["en"], "kz-edu-review.example"),
            ("Aina TV", "aina_tv", ["kk", "ru"], "ainatv.example"),
            ("Шанырак Медиа", "shanyrak_media", ["ru", "kk"], "shanyrak-media.example"),
        ]
        self.orgs = [{"name": n, "handle": h, "langs": l, "domain": d, "short": s, "type": "organisation",
                      "id": 1000 + i, "city": None} for i, (n, h, l, d, s) in enumerate(O)]
        self.media = [{"name": n, "handle": h, "langs": l, "domain": d, "short": n, "type": "media",
                       "id": 2000 + i, "city": None} for i, (n, h, l, d) in enumerate(M)]
        self.channel_org = self.orgs[0]

    def _make_people(self):
        people = []
        used = set()
        for i in range(1400):
            origin = self.wch(["kk", "ru", "en"], [62, 34, 4])
            sex = "f" if self.p(0.72) else "m"
            if origin == "kk":
                first = self.ch(V.KK_FIRST_F if sex == "f" else V.KK_FIRST_M)
                last = self.ch(V.KK_LAST)
            elif origin == "ru":
                first = self.ch(V.RU_FIRST_F if sex == "f" else V.RU_FIRST_M)
                last = self.ch(V.RU_LAST_F if sex == "f" else V.RU_LAST_M)
            else:
                first, last = self.ch(V.EN_NAMES).split(" ", 1)
            r = self.rng.random()
            if origin == "en":
                name = f"{first} {last}"
            elif r < 0.62:
                name = f"{first} {last}"
            elif r < 0.80:
                name = f"{first} {last[0]}."
            elif r < 0.92:
                name = to_latin(f"{first} {last}", informal=True)
            else:
                name = first
            base = ascii_handle(first) + self.ch(["_", ".", ""]) + self.ch(V.NICK_PARTS_A + [ascii_handle(last)[:6]])
            handle = base + self.ch(V.NICK_PARTS_B)
            while handle in used:
                handle += str(self.rng.randrange(10))
            used.add(handle)
            role = self.wch(["parent", "teacher", "specialist", "public", "student"], [60, 12, 8, 15, 5])
            people.append({"name": name, "handle": handle, "sex": sex, "role": role, "type": "person",
                           "origin": origin, "city": self.pick_city(), "id": 300000000 + self.rng.randrange(10**9),
                           "nick": None})
        self.people = people
        # forum users display nicknames
        for p in people[1100:1300]:
            p["nick"] = self.ch(V.NICK_PARTS_A).capitalize() + self.ch(["_", "", "-"]) + \
                self.ch(["82", "85", "1979", "Ast", "Krg", "Alm", "2016", "mama", "kz", "77", "Shym", "", "_sun"]) + \
                str(self.rng.randrange(100))
        self.pools = {
            "shared": people[0:700], "group": people[560:800], "instagram": people[700:1100],
            "forum": people[1100:1300], "utf8": people[1300:1400] + people[0:100],
        }
        self.pool_w = {k: [1.0 / (i + 4) ** 0.85 for i in range(len(v))] for k, v in self.pools.items()}

    def person(self, pool):
        return self.wch(self.pools[pool], self.pool_w[pool])

    def org_for(self, lang, kinds=("organisation", "media")):
        cands = []
        if "organisation" in kinds:
            cands += self.orgs
        if "media" in kinds:
            cands += self.media
        ok = [a for a in cands if lang in a["langs"]] or cands
        return self.ch(ok)

    # ----------------------------------------------------------------- text
    def phone(self):
        a, b, c, d = self.ch(["701", "702", "705", "707", "747", "771", "775", "777"]), \
            self.rng.randrange(10, 99), self.rng.randrange(10, 99), self.rng.randrange(10, 99)
        return self.ch([f"+7 ({a}) 555-{b}-{c}", f"8 {a} 555 {b} {c}", f"+7{a}555{b}{c}", f"+7 {a} 555 {b} {c}"])

    def email(self, author=None):
        if author and author["type"] != "person":
            return self.ch(["info", "hello", "help", "press"]) + "@" + author["domain"]
        h = (author["handle"] if author else self.ch(self.people)["handle"]).replace(".", "_")
        return f"{h}{self.rng.randrange(100)}@{self.ch(['mail.example', 'inbox.example', 'post.example'])}"

    def news_url(self, media, lang, t):
        slug = "".join(self.ch("abcdefghijklmnopqrstuvwxyz") for _ in range(self.rng.randrange(8, 16)))
        return f"https://{media['domain']}/{lang}/news/{t:%Y/%m}/{slug}-{self.rng.randrange(10**5, 10**6)}"

    def random_link(self, lang, t):
        r = self.rng.random()
        if r < 0.5:
            return self.news_url(self.ch(self.media), lang if lang in ("ru", "kk", "en") else "ru", t)
        if r < 0.75:
            o = self.ch(self.orgs)
            return f"https://{o['domain']}/{self.ch(['news', 'materials', 'events', 'help'])}/{self.rng.randrange(10, 999)}"
        if r < 0.9:
            return f"https://t.me/{self.channel_org['handle']}/{self.rng.randrange(2, 400)}"
        return f"https://www.instagram.com/p/{self.ig_code()}/"

    def ig_code(self):
        al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
        return "C" + "".join(self.ch(al) for _ in range(10))


class Ctx:
    """Per-post slot filler: keeps category / sex / stigma / place consistent within one post."""

    def __init__(self, g, lang, t, author, stig, city):
        self.g, self.lang, self.t, self.author, self.stig, self.city = g, lang, t, author, stig, city
        self.cat = g.wch(V.CATEGORIES, V.CATEGORY_WEIGHTS)
        self.sex = g.wch([None, "f", "m"], [70, 15, 15])
        self.used_child = False
        self.used_sex = set()
        self.city_used = False
        self.school = g.rng.randrange(1, 120)
        self._ru = None
        self._kk = None
        self._en = None

    def ru_forms(self):
        if self._ru is None:
            if self.stig:
                self._ru = dict(zip(V.RU_FORMS, self.g.ch(V.RU_STIG[self.cat])))
            else:
                mod = self.g.ch(V.RU_PF[self.cat])
                self._ru = {k: f"{n} {mod}" for k, n in zip(V.RU_FORMS, V.RU_NOUN[self.sex])}
        return self._ru

    def kk_forms(self):
        if self._kk is None:
            mod = self.g.ch(V.KK_STIG[self.cat] if self.stig else V.KK_PF[self.cat])
            self._kk = {k: f"{mod} {n}" for k, n in zip(V.KK_FORMS, V.KK_NOUN[self.sex])}
        return self._kk

    def en_forms(self):
        if self._en is None:
            if self.stig:
                pl, sg = self.g.ch(V.EN_STIG[self.cat])
            else:
                mod = self.g.ch(V.EN_PF[self.cat])
                npl, nsg = V.EN_NOUN[self.sex]
                pl, sg = f"{npl} {mod}", f"{nsg} {mod.replace('who are', 'who is')}"
            self._en = {"En": pl, "e1": sg}
        return self._en

    def slot(self, key):
        g = self.g
        if key in ("Cn", "Cg", "Cd", "Ci", "c1n", "c1g", "c1a", "c1d", "c1i"):
            self.used_child = True
            if self.sex and not self.stig:
                self.used_sex.add(self.sex)
            f = self.ru_forms()
            return f[{"Cn": "n", "Cg": "g", "Cd": "d", "Ci": "i"}.get(key, key[1:])]
        if key in ("Kn", "Kd", "Ka", "Kg", "k1n", "k1d", "k1a", "k1g"):
            self.used_child = True
            if self.sex:
                self.used_sex.add(self.sex)
            f = self.kk_forms()
            return f[{"Kn": "n", "Kd": "d", "Ka": "a", "Kg": "g"}.get(key, key[1:])]
        if key in ("En", "e1"):
            self.used_child = True
            if self.sex and not self.stig:
                self.used_sex.add(self.sex)
            return self.en_forms()[key]
        if key == "city":
            self.city_used = True
            return g.city_name(self.city, self.lang)
        if key == "region":
            self.city_used = True
            return g.region_name(self.city, self.lang)
        if key == "school_n":
            return {"ru": f"школа №{self.school}", "kk": f"№{self.school} мектепке"}.get(self.lang, f"School No. {self.school}")
        if key == "school_p":
            return f"школе №{self.school}"
        if key == "school_loc":
            return f"№{self.school} мектепте"
        if key == "school_en":
            return f"School No. {self.school}"
        if key == "N3":
            return str(g.rng.randrange(2, 8))
        if key == "N20":
            return str(g.rng.randrange(8, 26))
        if key == "N30":
            return str(g.rng.randrange(24, 38))
        if key == "N100":
            return str(g.rng.randrange(40, 400))
        if key == "N300":
            return str(g.rng.randrange(120, 900))
        if key == "salary":
            return f"{g.rng.randrange(95, 190)} 000" if self.lang != "en" else f"{g.rng.randrange(95, 190)},000"
        if key == "month":
            m = self.t.month - 1
            return {"ru": V.RU_MONTHS, "kk": V.KK_MONTHS}.get(self.lang, V.EN_MONTHS)[m]
        if key == "spec":
            return g.ch({"ru": V.RU_SPEC_GEN_PL, "kk": V.KK_SPEC}.get(self.lang, V.EN_SPEC_PL))
        if key == "email":
            return g.email(self.author if self.author["type"] != "person" else None)
        if key == "phone":
            return g.phone()
        if key == "org_short":
            return g.ch(g.orgs)["short"]
        if key == "mention":
            return g.ch(g.people)["handle"]
        if key == "age":
            return str(g.rng.randrange(4, 16))
        raise KeyError(key)

    def fill(self, tpl):
        s = re.sub(r"\{(\w+)\}", lambda m: self.slot(m.group(1)), tpl)
        return capfirst(s)


def capfirst(s):
    for i, c in enumerate(s):
        if c.isalpha():
            if c.islower():
                return s[:i] + c.upper() + s[i + 1:]
            return s
        if c not in "«\"'(":
            return s
    return s


def lowfirst(s):
    if len(s) > 1 and s[0].isupper() and s[1].islower():
        return s[0].lower() + s[1:]
    return s


TOPIC_W = {"bullying": 14, "staff": 10, "tutors": 14, "access": 12, "pmpk": 9, "transport": 5, "funding": 6,
           "stigma": 10, "materials_kk": 6, "programme": 8, "rural": 3, "migrants": 2, "minority_lang": 1.5,
           "gender": 4, "success": 7}
POOLS = {"ru": V.RU, "kk": V.KK, "en": V.EN}
EVENTS = {"ru": V.RU_EVENTS, "kk": V.KK_EVENTS, "en": V.EN_EVENTS}
OPENS = {"ru": V.RU_OPEN, "kk": V.KK_OPEN, "en": V.EN_OPEN}
CLOSES = {"ru": V.RU_CLOSE, "kk": V.KK_CLOSE, "en": V.EN_CLOSE}
TAGS = {"ru": V.RU_TAGS, "kk": V.KK_TAGS, "en": V.EN_TAGS}
HEADS = {"ru": V.RU_HEAD, "kk": V.KK_HEAD, "en": V.EN_HEAD}
REPORT = {"ru": V.RU_REPORT, "kk": V.KK_REPORT, "en": V.EN_REPORT}


def stig_prob(author, t, g):
    f = g.frac(t)
    if author["type"] == "person":
        return 0.42 - 0.30 * f
    if author["type"] == "media":
        return 0.25 - 0.17 * f
    return 0.05 - 0.04 * f


class Composer:
    def __init__(self, g):
        self.g = g

    def pick_topic(self, t):
        w = dict(TOPIC_W)
        ev = self.g.event_of(t.date())
        if ev == "sep1":
            for k in ("tutors", "access", "programme", "transport"):
                w[k] *= 2
        if ev == "feb2026":
            w["bullying"] *= 5
        if ev in ("apr2",):
            w["stigma"] *= 2
        ks = list(w)
        return self.g.wch(ks, [w[k] for k in ks])

    def sentence(self, ctx, lang, topic, pol=None):
        pool = [x for x in POOLS[lang] if x[0] == topic and (pol is None or x[1] == pol)]
        if not pool:
            pool = [x for x in POOLS[lang] if x[0] == topic]
        tp, pl, tpl = self.g.ch(pool)
        return ctx.fill(tpl), pl

    def own_kid(self, ctx, lang):
        g = self.g
        son = g.p(0.55)
        ctx.used_child = True
        ctx.used_sex.add("m" if son else "f")
        age = str(g.rng.randrange(4, 16))
        cat = ctx.cat
        if lang == "ru":
            if ctx.stig:
                return V.RU_KID_STIG[cat][0 if son else 1] + f", {age} лет."
            return f"У {'моего сына' if son else 'моей дочери'} {g.ch(V.RU_DX[cat])}, {'ему' if son else 'ей'} {age} лет."
        if lang == "kk":
            who = "Ұлым" if son else "Қызым"
            if ctx.stig:
                return f"{who} — {V.KK_KID_STIG[cat]}, {age} жаста."
            if V.KK_DX[cat] is None:
                return f"{'Ұлымның' if son else 'Қызымның'} мүгедектігі бар, {age} жаста."
            return f"{'Ұлымда' if son else 'Қызымда'} {V.KK_DX[cat]} бар, {age} жаста."
        who = "My son" if son else "My daughter"
        if ctx.stig:
            return f"{who} {V.EN_KID_STIG[cat]}, {age} years old."
        return f"{who} {g.ch(V.EN_DX[cat])} and is {age}."

    def location_phrase(self, ctx, lang):
        g = self.g
        ctx.city_used = True
        c = g.city_name(ctx.city, lang)
        r = g.region_name(ctx.city, lang)
        if lang == "ru":
            return g.ch([f"Город {c}.", f"г. {c}", f"({c})", f"{r}, г. {c}.", f"Пишу из г. {c}.", f"#{c.replace('-', '')}"])
        if lang == "kk":
            return g.ch([f"{c} қаласы.", f"{c} қаласынан жазып отырмын.", f"({c})", f"{r}, {c} қаласы.", f"#{c.replace('-', '')}"])
        return g.ch([f"{c}, Kazakhstan.", f"Writing from {c}.", f"({c}, {r})", f"#{c.replace('-', '').replace(' ', '')}"])

    def hashtags(self, lang, ctx, k):
        tags = TAGS[lang]
        out = self.g.rng.sample(tags, min(k, len(tags)))
        return " ".join(out)

    def social(self, lang, author, t, city, platform="", tag_p=0.35, allow_kid=True):
        """One social-media post in ru / kk / en. Returns dict."""
        g = self.g
        stig = g.p(stig_prob(author, t, g))
        ctx = Ctx(g, lang, t, author, stig, city)
        topic = self.pick_topic(t)
        ev = g.event_of(t.date())
        parts, pols, topics = [], [], [topic]
        role = author.get("role", "org") if author["type"] == "person" else "org"
        role = role if role in ("parent", "teacher") else ("org" if role == "org" else "public")
        # main
        if ev and g.p(0.55) and ev in EVENTS[lang]:
            pl, tpl = g.ch(EVENTS[lang][ev])
            main, mp = ctx.fill(tpl), pl
            topics = ["event:" + ev] + (["bullying"] if ev == "feb2026" else [])
        else:
            main, mp = self.sentence(ctx, lang, topic)
        pols.append(mp)
        if g.p(0.5 if role != "org" else 0.7):
            op = OPENS[lang][role]
            parts.append(ctx.fill(g.ch(op.get(mp, op[0]))))
        if allow_kid and role == "parent" and g.p(0.35):
            parts.append(self.own_kid(ctx, lang))
        parts.append(main)
        if g.p(0.5):
            t2 = self.pick_topic(t)
            s2, p2 = self.sentence(ctx, lang, t2, mp if mp != 0 and g.p(0.7) else None)
            if s2 != main:
                parts.append(s2)
                pols.append(p2)
                if t2 not in topics:
                    topics.append(t2)
        if not ctx.city_used and g.p(0.4):
            parts.append(self.location_phrase(ctx, lang))
        if g.p(0.45):
            cl = CLOSES[lang]
            parts.append(g.ch(cl.get(mp, cl[0])))
        if author["type"] != "person" and g.p(0.3):
            parts.append(self.contact_line(lang, author))
        if g.p(0.10):
            parts.append("@" + (g.ch(g.orgs)["handle"] if g.p(0.5) else g.ch(g.people)["handle"]))
        url = None
        if g.p(0.15 if author["type"] == "person" else 0.5):
            url = g.random_link(lang, t)
            parts.append(url)
        if g.p(tag_p):
            parts.append(self.hashtags(lang, ctx, g.rng.randrange(1, 5)))
        sep = "\n" if g.p(0.25) else " "
        text = sep.join(p for p in parts if p)
        return self._result(text, lang, ctx, topics, pols)

    def contact_line(self, lang, author):
        g = self.g
        ph, em = g.phone(), g.email(author)
        if lang == "ru":
            return g.ch([f"Тел.: {ph}", f"Пишите: {em}", f"Справки по телефону {ph} или {em}"])
        if lang == "kk":
            return g.ch([f"Тел.: {ph}", f"Жазыңыз: {em}", f"Анықтама: {ph}, {em}"])
        return g.ch([f"Phone: {ph}", f"Write to {em}", f"Contact: {ph} / {em}"])

    def _result(self, text, lang, ctx, topics, pols):
        s = sum(pols)
        return {"text": text, "lang": lang, "variant": lang, "topics": topics,
                "sentiment": "positive" if s > 0 else ("negative" if s < 0 else "neutral"),
                "category": ctx.cat if ctx.used_child else "", "stig": (1 if ctx.stig else 0) if ctx.used_child else "",
                "sex": "|".join(sorted(ctx.used_sex)), "city": ctx.city}

    def news(self, lang, media, t, city):
        """Headline + lead as a news site would publish it."""
        g = self.g
        stig = g.p(stig_prob(media, t, g))
        ctx = Ctx(g, lang, t, media, stig, city)
        ev = g.event_of(t.date())
        topic = ("event:" + ev) if ev and g.p(0.5) else self.pick_topic(t)
        key = topic.split(":")[-1]
        head = ctx.fill(g.ch(HEADS[lang].get(key) or HEADS[lang]["bullying"]))
        pols = []
        if topic.startswith("event:") and key in EVENTS[lang]:
            pl, tpl = g.ch(EVENTS[lang][key])
            s1 = ctx.fill(tpl)
            pols.append(pl)
            t1 = "bullying" if key == "feb2026" else self.pick_topic(t)
        else:
            s1, pl = self.sentence(ctx, lang, key)
            pols.append(pl)
            t1 = self.pick_topic(t)
        s2, p2 = self.sentence(ctx, lang, t1)
        pols.append(p2)
        rep = g.ch(REPORT[lang])
        place = g.city_name(city, lang) if not ctx.city_used or g.p(0.5) else ""
        ctx.city_used = True
        lead = (place + ". " if place else "") + (rep + lowfirst(s1) if rep else s1) + " " + s2
        topics = [topic] + ([t1] if t1 != key else [])
        r = self._result(lead, lang, ctx, topics, pols)
        r["headline"] = head
        r["hit"] = s2 if g.p(0.5) else s1
        return r

    def mixed(self, author, t, city, tag_p=0.3):
        """Kazakh-Russian code-switching post."""
        g = self.g
        stig = g.p(stig_prob(author, t, g))
        ctx_ru = Ctx(g, "ru", t, author, stig, city)
        ctx_kk = Ctx(g, "kk", t, author, stig, city)
        ctx_kk.cat = ctx_ru.cat
        ctx_kk.sex = ctx_ru.sex
        pols, parts = [], []
        topic = self.pick_topic(t)
        r = g.rng.random()
        if r < 0.45:
            pl, tpl = g.ch(V.MIXED_LINES)
            parts.append(ctx_ru.fill(tpl))
            pols.append(pl)
            if g.p(0.6):
                s, p = self.sentence(ctx_ru if g.p(0.5) else ctx_kk, "ru" if g.p(0.5) else "kk", topic)
                parts.append(s)
                pols.append(p)
            first = "kk" if g.p(0.5) else "ru"
        elif r < 0.8:
            s1, p1 = self.sentence(ctx_kk, "kk", topic)
            s2, p2 = self.sentence(ctx_ru, "ru", self.pick_topic(t), p1 if p1 else None)
            if g.p(0.5):
                parts += [s1, s2]
                first = "kk"
            else:
                parts += [s2, s1]
                first = "ru"
            pols += [p1, p2]
        else:  # bilingual announcement: same topic in both languages
            s1, p1 = self.sentence(ctx_kk, "kk", topic)
            s2, p2 = self.sentence(ctx_ru, "ru", topic, p1)
            parts += [s1, "\n\n" + s2]
            pols += [p1, p2]
            first = "kk"
        if g.p(0.35):
            parts.append(g.ch([g.ch(V.KK_CLOSE[-1]), g.ch(V.RU_CLOSE[-1]), "Рахмет!", "Спасибо!"]))
        if g.p(tag_p):
            parts.append(" ".join(g.rng.sample(V.KK_TAGS[:4] + V.RU_TAGS[:4], g.rng.randrange(1, 4))))
        text = " ".join(parts).replace(" \n\n", "\n\n")
        ctx = ctx_ru
        ctx.used_child = ctx_ru.used_child or ctx_kk.used_child
        ctx.used_sex = ctx_ru.used_sex | ctx_kk.used_sex
        res = self._result(text, first, ctx, [topic], pols)
        res["variant"] = "mixed"
        return res

    def post(self, variant, author, t, city, platform="", tag_p=0.35):
        if variant == "mixed":
            return self.mixed(author, t, city, tag_p)
        base = "kk" if variant.startswith("kk") else variant
        r = self.social(base, author, t, city, platform, tag_p)
        if variant == "kk_latn":
            r["text"] = to_latin(r["text"], informal=self.g.p(0.5))
        elif variant == "kk_translit":
            r["text"] = to_translit(r["text"])
        r["variant"] = variant
        r["lang"] = base
        return r

    def reply(self, lang, author, t, city):
        g = self.g
        ctx = Ctx(g, "kk" if lang == "kk" else lang, t, author, False, city)
        if lang == "kk":
            o, a = V.KK_REPLY_OPEN, V.KK_REPLY_ADV
        elif lang == "en":
            o, a = V.EN_REPLY_OPEN, V.EN_REPLY_ADV
        else:
            o, a = V.RU_REPLY_OPEN, V.RU_REPLY_ADV
        parts = [ctx.fill(g.ch(o))]
        if g.p(0.85):
            parts.append(ctx.fill(g.ch(a)))
        if g.p(0.25):
            parts.append(ctx.fill(g.ch(a)))
        text = " ".join(p for p in parts if p).strip() or ctx.fill(g.ch(a))
        res = self._result(text, lang, ctx, ["reply"], [0])
        return res


# ----------------------------------------------------------------- near duplicates
URL_RE = re.compile(r"\s*https?://\S+")


def perturb(g, text, lang, file):
    base = "kk" if lang.startswith("kk") else ("en" if lang == "en" else "ru")
    ops = g.rng.sample(["prefix", "url", "words", "comment"], g.rng.randrange(1, 3))
    out = text
    for op in ops:
        if op == "prefix":
            pre = g.ch(V.REPOST_PREFIX[base])
            if file == "instagram":
                pre = "📲 repost @" + g.ch(g.people)["handle"] + ": "
            out = pre + out
        elif op == "url":
            if URL_RE.search(out):
                out = URL_RE.sub("", out, count=1).strip()
            else:
                out = out + " " + g.random_link(base, dt.datetime(2025, 6, 1))
        elif op == "words":
            changed = False
            for a, b in g.rng.sample(V.SYNONYMS[base], len(V.SYNONYMS[base])):
                if re.search(r"\b%s\b" % re.escape(a), out):
                    out = re.sub(r"\b%s\b" % re.escape(a), b, out, count=1)
                    changed = True
                    break
            if not changed:
                out = out.rstrip(".!") + g.ch(["!!", "...", " 😢", " 🙏", "!"])
        else:
            out = out + " " + g.ch(V.REPOST_COMMENT[base])
    if out == text:
        out = g.ch(V.REPOST_PREFIX[base]) + text
    return out


# ----------------------------------------------------------------- corpus assembly
LANGS = {
    "meltwater": {"ru": .47, "kk": .15, "kk_translit": .06, "kk_latn": .04, "en": .18, "mixed": .10},
    "meltwater_utf8": {"ru": .47, "kk": .15, "kk_translit": .06, "kk_latn": .04, "en": .18, "mixed": .10},
    "tg_channel": {"kk": .45, "ru": .35, "mixed": .20},
    "tg_group": {"ru": .55, "kk": .20, "kk_translit": .12, "kk_latn": .03, "en": .02, "mixed": .08},
    "instagram": {"ru": .40, "kk": .20, "kk_translit": .08, "kk_latn": .08, "en": .13, "mixed": .11},
    "jsonl": {"ru": .46, "kk": .17, "kk_translit": .07, "kk_latn": .04, "en": .14, "mixed": .12},
    "forum": {"ru": .60, "kk": .12, "kk_translit": .10, "kk_latn": .03, "en": .05, "mixed": .10},
}
BROKEN = {
    "meltwater": ["date_word", "date_invalid", "no_text", "date_empty"],
    "meltwater_utf8": ["date_word"],
    "tg_channel": ["date_word", "no_text_key"],
    "tg_group": ["date_invalid", "no_text_key"],
    "instagram": ["truncated", "taken_at_word", "data_null"],
    "jsonl": ["truncated", "date_word", "no_text_key"],
    "forum": ["date_word", "date_invalid", "empty_body"],
}


class Corpus:
    def __init__(self, g):
        self.g = g
        self.c = Composer(g)
        self.posts = {f: [] for f in TARGETS}

    # -------- one base post for a file
    def base_post(self, f):
        g, c = self.g, self.c
        t = g.pick_datetime()
        lw = LANGS[f]
        variant = g.wch(list(lw), list(lw.values()))
        platform, channel, author = "", "", None
        kind = "social"
        if f in ("meltwater", "meltwater_utf8"):
            r = g.rng.random()
            if r < 0.28:
                platform, kind = "news", "news"
                author = g.org_for("kk" if variant.startswith("kk") else ("ru" if variant == "mixed" else variant), ("media",))
                variant = variant if variant in ("ru", "kk", "en") else ("kk" if variant.startswith("kk") else "ru")
                if variant not in author["langs"]:
                    variant = author["langs"][0]
            elif r < 0.37:
                author = g.org_for("kk" if variant.startswith("kk") else "ru" if variant == "mixed" else variant, ("organisation",))
                platform = g.wch(["facebook", "instagram", "twitter", "youtube"], [50, 25, 15, 10])
            else:
                author = g.person("shared" if f == "meltwater" else "utf8")
                platform = g.wch(["twitter", "facebook", "instagram", "vk", "youtube"], [33, 30, 13, 16, 8])
        elif f == "tg_channel":
            author = g.channel_org
            platform, channel = "telegram", g.channel_org["name"]
        elif f == "tg_group":
            platform, channel = "telegram", GROUP_NAME
            r = g.rng.random()
            if r < 0.03:
                author = g.channel_org
            else:
                author = g.person("group")
                if r < 0.45:
                    kind = "reply"
        elif f == "instagram":
            platform = "instagram"
            r = g.rng.random()
            author = g.org_for(variant[:2], ("organisation",)) if r < 0.12 else (
                g.org_for(variant[:2], ("media",)) if r < 0.20 else g.person("instagram"))
        elif f == "jsonl":
            r = g.rng.random()
            if r < 0.15:
                author = g.org_for(variant[:2] if variant != "mixed" else "ru", ("organisation",))
            elif r < 0.25:
                author = g.org_for(variant[:2] if variant != "mixed" else "ru", ("media",))
            else:
                author = g.person("shared")
            platform = g.wch(["vk", "facebook", "youtube", "tiktok", "web"], [30, 35, 12, 10, 13])
            if author["type"] == "media" and platform == "web":
                platform = "facebook"
        elif f == "forum":
            platform, channel = "web", FORUM_NAME
            author = g.ch(g.orgs) if g.p(0.04) else g.person("forum")
        if author["type"] != "person" and variant in ("kk_translit", "kk_latn") and g.p(0.7):
            variant = "kk"
        city = author["city"] if author["type"] == "person" and g.p(0.7) else g.pick_city()
        tag_p = {"instagram": 0.9, "tg_channel": 0.6}.get(f, 0.5 if platform == "twitter" else 0.3)
        if kind == "news":
            res = c.news(variant, author, t, city)
            res["lead"] = res["text"]
            sep = " " if res["headline"][-1:] in ".?!»" else ". "
            res["text"] = res["headline"] + sep + res["text"]
        elif kind == "reply":
            lang = variant[:2] if variant != "mixed" else "ru"
            res = c.reply(lang, author, t, city)
            if variant == "kk_translit":
                res["text"] = to_translit(res["text"])
            elif variant == "kk_latn":
                res["text"] = to_latin(res["text"], informal=True)
            res["variant"] = variant if variant != "mixed" else "ru"
        elif author["type"] == "media":  # an outlet sharing its own article on social media
            v = variant if variant in ("ru", "kk", "en") and variant in author["langs"] else author["langs"][0]
            res = c.news(v, author, t, city)
            first = re.split(r"(?<=[.!?])\s", res["text"], 1)[0]
            link = g.news_url(author, v, t)
            res["text"] = g.ch([f"{res['headline']}\n\n{first} {link}", f"{res['headline']}. {first}\n{link}",
                                f"⚡ {res['headline']}\n{link}"])
            if g.p(tag_p):
                res["text"] += "\n" + c.hashtags(v, None, g.rng.randrange(1, 4))
            res.pop("headline")
            res.pop("hit")
        else:
            res = c.post(variant, author, t, city, platform, tag_p)
        if f in ("meltwater", "meltwater_utf8"):
            res["text"] = re.sub(r"\s*\n+\s*", " ", res["text"])
            if "headline" in res:
                res["headline"] = res["headline"].replace("\n", " ")
        p = self.new_post(f, platform, channel, author, t, res, kind)
        return p

    def new_post(self, f, platform, channel, author, t, res, kind):
        g = self.g
        if author["type"] == "person":
            eng = int(g.rng.lognormvariate(1.6, 1.3))
        elif author["type"] == "media":
            eng = int(g.rng.lognormvariate(3.6, 1.1))
        else:
            eng = int(g.rng.lognormvariate(3.0, 1.0))
        city = res["city"]
        return {"uid": g.new_uid(), "file": f, "platform": platform, "channel": channel, "author": author,
                "dt": t, "text": res["text"], "lang": res["lang"], "variant": res["variant"],
                "topics": res["topics"], "sentiment": res["sentiment"], "category": res["category"],
                "stig": res["stig"], "sex": res["sex"], "city": city, "headline": res.get("headline"),
                "hit": res.get("hit"), "lead": res.get("lead"), "kind": kind, "eng": eng, "dup_kind": "", "dup_of": None, "broken": "",
                "has_place": g.p(0.7), "tlink": False}

    # -------- build all
    def build(self):
        g = self.g
        for f, n in TARGETS.items():
            nb = n - round(n * NEAR_SHARE) - round(n * EXACT_SHARE)
            self.posts[f] = [self.base_post(f) for _ in range(nb)]
        for f in self.posts:
            for p in self.posts[f]:
                if f == "tg_channel" and g.p(0.1) and URL_RE.search(p["text"]):
                    p["tlink"] = True
        for f, n in TARGETS.items():
            for _ in range(round(n * NEAR_SHARE)):
                self.posts[f].append(self.near_dup(f))
        for f, n in TARGETS.items():
            for _ in range(round(n * EXACT_SHARE)):
                self.posts[f].append(self.exact_dup(f))
        self.finalize()

    def all_base(self):
        return [p for f in self.posts for p in self.posts[f] if not p["dup_kind"]]

    def pick_source(self, pred):
        g = self.g
        cands = [p for p in self.all_base() if pred(p) and p["dt"].date() < END - dt.timedelta(days=2)]
        return g.ch(cands)

    def later(self, t, lo_min, hi_min):
        g = self.g
        nt = t + dt.timedelta(minutes=g.rng.randrange(lo_min, hi_min))
        end = dt.datetime(END.year, END.month, END.day, 23, 59, tzinfo=TZ)
        return min(nt, end)

    def near_dup(self, f):
        g = self.g
        if f == "tg_group" and g.p(0.3):  # forward of a channel post, identical text
            src = self.pick_source(lambda p: p["file"] == "tg_channel" and not p["tlink"])
            p = self.new_post(f, "telegram", GROUP_NAME, g.person("group"), self.later(src["dt"], 5, 3000),
                              self._res_of(src), "forward")
            p["dup_kind"], p["dup_of"] = "near", src
            p["forward"] = src["author"]["name"]
            return p
        same = g.p(0.5)
        src = self.pick_source(lambda p: (p["file"] == f) == same and p["kind"] != "reply")
        if f in ("meltwater", "meltwater_utf8"):
            author = g.person("shared" if f == "meltwater" else "utf8")
            platform = g.wch(["twitter", "facebook", "vk", "instagram"], [40, 35, 15, 10])
            channel = ""
        elif f == "tg_channel":
            author, platform, channel = g.channel_org, "telegram", g.channel_org["name"]
        elif f == "tg_group":
            author, platform, channel = g.person("group"), "telegram", GROUP_NAME
        elif f == "instagram":
            author, platform, channel = g.person("instagram"), "instagram", ""
        elif f == "jsonl":
            author, platform, channel = g.person("shared"), g.wch(["vk", "facebook", "tiktok"], [40, 45, 15]), ""
        else:
            author, platform, channel = g.person("forum"), "web", FORUM_NAME
        res = self._res_of(src)
        res["text"] = perturb(g, src["text"], src["lang"], f)
        if f.startswith("meltwater"):
            res["text"] = re.sub(r"\s*\n+\s*", " ", res["text"])
        res.pop("headline", None)
        p = self.new_post(f, platform, channel, author, self.later(src["dt"], 20, 6 * 1440), res, "social")
        p["dup_kind"], p["dup_of"] = "near", src
        return p

    @staticmethod
    def _res_of(src):
        return {k: src[k] for k in ("text", "lang", "variant", "topics", "sentiment", "category", "stig", "sex", "city")} | \
            ({"headline": src["headline"], "hit": src["hit"], "lead": src["lead"]} if src.get("headline") else {})

    def exact_dup(self, f):
        g = self.g
        src, platform, channel = None, None, None
        if g.p(0.35) and f in ("jsonl", "meltwater", "tg_channel"):
            if f == "jsonl":
                cands = [p for p in self.all_base() if (p["file"] == "meltwater" and p["platform"] in ("facebook", "vk", "youtube")
                                                      and p["kind"] == "social") or (p["file"] == "tg_channel" and not p["tlink"])]
            elif f == "meltwater":
                cands = [p for p in self.all_base() if (p["file"] == "jsonl" and p["platform"] in ("facebook", "vk", "youtube"))
                         or (p["file"] == "tg_channel" and not p["tlink"])]
                cands = [p for p in cands if "\n" not in p["text"]]  # Meltwater text fields are single-line
            else:
                cands = [p for p in self.all_base() if p["file"] in ("jsonl", "meltwater") and p["author"] is g.channel_org
                         and p["kind"] == "social"]
            cands = [p for p in cands if p["dt"].date() < END - dt.timedelta(days=4)]
            if cands:
                src = g.ch(cands)
                if f == "tg_channel":
                    platform, channel = "telegram", g.channel_org["name"]
                elif src["file"] == "tg_channel":
                    platform, channel = "facebook", src["author"]["name"]
                else:
                    platform, channel = src["platform"], src["channel"]
                if f == "meltwater" or f == "tg_channel":
                    pass
        if src is None:
            src = self.pick_source(lambda p: p["file"] == f and p["kind"] in ("social", "news", "reply"))
            platform, channel = src["platform"], src["channel"]
        res = self._res_of(src)
        if f.startswith("meltwater"):
            res["text"] = re.sub(r"\s*\n+\s*", " ", res["text"])
        hi = 90 if f == "tg_group" else 4 * 1440
        p = self.new_post(f, platform, channel, src["author"], self.later(src["dt"], 1, hi), res, src["kind"])
        if p["kind"] == "reply":
            p["kind"] = "social"
        p["dup_kind"], p["dup_of"] = "exact", src
        return p

    def finalize(self):
        g = self.g
        for f, ps in self.posts.items():
            ps.sort(key=lambda p: (p["dt"], p["uid"]))
            if f.startswith("meltwater"):
                ps.reverse()  # Meltwater exports list newest first
            # deliberately broken records: base posts that are not dup sources
            sources = {id(p["dup_of"]) for q in self.posts.values() for p in q if p["dup_of"] is not None}
            kinds = BROKEN[f]
            n = len(ps)
            for i, k in enumerate(kinds):
                j = int(n * (i + 1) / (len(kinds) + 1)) + g.rng.randrange(-5, 6)
                while ps[j]["dup_kind"] or id(ps[j]) in sources or ps[j]["broken"]:
                    j += 1
                ps[j]["broken"] = k


GROUP_NAME = "Ерекше балалар ата-аналары | Родители особых детей (чат)"
FORUM_NAME = "Ата-Ана Форумы (forum.ataana.example)"


# ----------------------------------------------------------------- writers
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LANG_NAME = {"ru": "Russian", "kk": "Kazakh", "en": "English"}
MW_COLS = ["Date", "Headline", "URL", "Opening Text", "Hit Sentence", "Source", "Influencer", "Country", "Subregion",
           "Language", "Reach", "Engagement", "Sentiment", "Keywords", "Tweet Id", "Twitter Screen Name",
           "User Profile Url", "Alternate Date Format", "Time", "State", "City"]
MW_SOURCE = {"twitter": "Twitter", "facebook": "Facebook", "instagram": "Instagram", "vk": "VK", "youtube": "YouTube"}
KEYWORDS = [(r"инклюзи|инклюзив", "инклюзия"), (r"inklüzi|inkliuzi", "inklüzia"), (r"inclusi", "inclusion"),
            (r"пандус", "пандус"), (r"тьютор", "тьютор"), (r"ПМПК|PMPK", "ПМПК"), (r"аутизм|аутист|autis", "аутизм"),
            (r"ДЦП", "ДЦП"), (r"буллинг|травл|bull", "буллинг"), (r"инвалид", "инвалид"), (r"мүгедек|mügedek|мугедек", "мүгедек"),
            (r"ООП|ЕБҚ|ЕБК|SEN\b", "ООП"), (r"Жайлы мектеп|Жайлы Мектеп|ЖайлыМектеп|Комфортн|Comfort School", "Комфортная школа"),
            (r"Білімді ұлт|Образованн|Educated Nation", "Образованная нация")]


def h12(t):
    h = t.hour % 12 or 12
    return h, ("AM" if t.hour < 12 else "PM")


def place_names(g, p, lang_form):
    c = p["city"]
    v = p["variant"]
    if v in ("kk", "kk_translit", "kk_latn"):
        city, reg = c["kk"], g.regions[c["iso"]]["kk"]
        if v == "kk_translit":
            city, reg = to_translit(city), to_translit(reg)
        elif v == "kk_latn":
            city, reg = to_latin(city), to_latin(reg)
    elif v == "en":
        city, reg = c["en"], g.regions[c["iso"]]["en"]
    else:
        city, reg = c["ru"], g.regions[c["iso"]]["ru"]
    return reg, city


def tweet_id(g, t):
    ms = int(t.timestamp() * 1000)
    return str(((ms - 1288834974657) << 22) | g.rng.randrange(1 << 22))


def assign_urls(g, corpus):
    """Give every post its platform id / URL (exact duplicates get their own)."""
    for f, ps in corpus.posts.items():
        for p in ps:
            a = p["author"]
            h = a["handle"]
            pl = p["platform"]
            if pl == "twitter":
                p["tweet_id"] = tweet_id(g, p["dt"])
                p["url"] = f"https://x.com/{h}/status/{p['tweet_id']}"
                p["profile"] = f"https://x.com/{h}"
            elif pl == "facebook":
                p["url"] = f"https://www.facebook.com/{h}/posts/{g.rng.randrange(10**15, 10**16)}"
                p["profile"] = f"https://www.facebook.com/{h}"
            elif pl == "instagram":
                p["code"] = g.ig_code()
                p["url"] = f"https://www.instagram.com/p/{p['code']}/"
                p["profile"] = f"https://www.instagram.com/{h}/"
            elif pl == "vk":
                p["vk_owner"] = -g.rng.randrange(10**7, 10**9) if g.p(0.6) else g.rng.randrange(10**6, 10**9)
                p["vk_post"] = g.rng.randrange(100, 99999)
                p["url"] = f"https://vk.com/wall{p['vk_owner']}_{p['vk_post']}"
                p["profile"] = f"https://vk.com/{h}"
            elif pl == "youtube":
                p["yt"] = "".join(g.ch("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(11))
                p["url"] = f"https://www.youtube.com/watch?v={p['yt']}" + (f"&lc=Ugz{g.rng.randrange(10**9)}" if a["type"] == "person" else "")
                p["profile"] = f"https://www.youtube.com/@{h}"
            elif pl == "tiktok":
                p["tt"] = tweet_id(g, p["dt"])
                p["url"] = f"https://www.tiktok.com/@{h}/video/{p['tt']}"
                p["profile"] = f"https://www.tiktok.com/@{h}"
            elif pl == "news":
                p["url"] = g.news_url(a, p["lang"], p["dt"])
                p["profile"] = ""
            elif pl == "web":
                p["url"] = ""
            else:
                p["url"] = ""


def mw_row(g, p):
    t = p["dt"]
    hh, ap = h12(t)
    a = p["author"]
    news = p["platform"] == "news"
    if news and p.get("lead"):
        head, opening = p["headline"], p["lead"]
        hit = "..." + p["hit"] + "..." if p.get("hit") else opening
    elif p["platform"] == "youtube" and a["type"] != "person":
        first = re.split(r"(?<=[.!?])\s", p["text"], 1)[0]
        head, opening, hit = first[:90], p["text"], p["text"]
    else:
        head, opening, hit = "", p["text"], p["text"]
    reg, city = place_names(g, p, None) if p["has_place"] else ("", "")
    if a["type"] == "person":
        reach = int(g.rng.lognormvariate(6, 1.4))
    elif a["type"] == "media":
        reach = int(g.rng.lognormvariate(10.5, 1.0))
    else:
        reach = int(g.rng.lognormvariate(8, 1.0))
    sent = {"positive": "Positive", "negative": "Negative", "neutral": "Neutral"}[p["sentiment"]]
    if g.p(0.12):
        sent = g.ch(["Positive", "Negative", "Neutral", "Not Rated"])
    kws = [d for rx, d in KEYWORDS if re.search(rx, p["text"], re.I)]
    seen = []
    for k in kws:
        if k not in seen:
            seen.append(k)
    tw = p["platform"] == "twitter"
    row = {
        "Date": f"{t.day:02d}-{MON[t.month - 1]}-{t.year} {hh:02d}:{t.minute:02d}{ap}",
        "Headline": head, "URL": p["url"], "Opening Text": opening, "Hit Sentence": hit,
        "Source": a["name"] if news else MW_SOURCE[p["platform"]],
        "Influencer": a["name"], "Country": "Kazakhstan", "Subregion": "Central Asia",
        "Language": LANG_NAME[p["lang"]], "Reach": str(reach), "Engagement": str(p["eng"]), "Sentiment": sent,
        "Keywords": ", ".join(seen), "Tweet Id": p.get("tweet_id", "") if tw else "",
        "Twitter Screen Name": "@" + a["handle"] if tw else "", "User Profile Url": p.get("profile", ""),
        "Alternate Date Format": f"{MON[t.month - 1]} {t.day}, {t.year}", "Time": f"{hh:02d}:{t.minute:02d} {ap}",
        "State": reg, "City": city,
    }
    b = p["broken"]
    if b == "date_word":
        row["Date"] = "вчера"
    elif b == "date_invalid":
        row["Date"] = "31-Feb-2025 10:00AM"
        row["Alternate Date Format"] = "Feb 31, 2025"
    elif b == "date_empty":
        row["Date"] = ""
        row["Alternate Date Format"] = ""
        row["Time"] = ""
    elif b == "no_text":
        row["Headline"] = row["Opening Text"] = row["Hit Sentence"] = ""
    return row


def write_meltwater(g, posts, path, utf16=True):
    def q(v):
        return '"' + str(v).replace('"', '""') + '"'
    sep = "\t" if utf16 else ","
    lines = [sep.join(q(c) for c in MW_COLS)]
    info = {}
    for i, p in enumerate(posts):
        row = mw_row(g, p)
        lines.append(sep.join(q(row[c]) for c in MW_COLS))
        info[p["uid"]] = (p["url"], i + 2)
    data = "\r\n".join(lines) + "\r\n"
    with open(path, "wb") as f:
        if utf16:
            f.write(b"\xff\xfe" + data.encode("utf-16-le"))
        else:
            f.write(data.encode("utf-8"))
    return info


ENT_RE = re.compile(r"(?P<link>https?://\S+[^\s.,!?»)])|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)|"
                    r"(?P<mention>@[A-Za-z0-9_]{4,})|(?P<hashtag>#\w+)|"
                    r"(?P<phone>(?:\+7|8)[ (]*7\d\d[) -]*555[ -]*\d\d[ -]*\d\d)")


def tg_text(text, bold_first=False, tlink=None):
    """Telegram Desktop 'text' (string or mixed array) and 'text_entities'."""
    runs = []
    pos = 0
    if bold_first and "\n" in text:
        first, rest = text.split("\n", 1)
        if 0 < len(first) <= 40:
            runs.append(("bold", first, None))
            runs.append(("plain", "\n", None))
            pos = len(first) + 1
    used_tlink = False
    for m in ENT_RE.finditer(text, pos):
        if m.start() > pos:
            runs.append(("plain", text[pos:m.start()], None))
        kind = m.lastgroup
        if kind == "link" and tlink and not used_tlink:
            runs.append(("text_link", tlink, m.group(0)))
            used_tlink = True
        else:
            runs.append((kind, m.group(0), None))
        pos = m.end()
    if pos < len(text):
        runs.append(("plain", text[pos:], None))
    # merge adjacent plain runs
    merged = []
    for r in runs:
        if merged and r[0] == "plain" and merged[-1][0] == "plain":
            merged[-1] = ("plain", merged[-1][1] + r[1], None)
        else:
            merged.append(r)
    ents = []
    for k, s, href in merged:
        e = {"type": k, "text": s}
        if href:
            e["href"] = href
        ents.append(e)
    if all(k == "plain" for k, _, _ in merged):
        return text, ents
    arr = [s if k == "plain" else ({"type": k, "text": s} | ({"href": href} if href else {})) for k, s, href in merged]
    return arr, ents


def tg_date(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S"), str(int(t.timestamp()))


def reactions(g, p_any, big):
    if not g.p(p_any):
        return None
    emos = g.rng.sample(["👍", "❤", "🙏", "😢", "🔥", "👏", "😡", "💙"], g.rng.randrange(1, 5))
    return [{"type": "emoji", "count": max(1, int(g.rng.lognormvariate(2.5 if big else 0.8, 0.9))), "emoji": e} for e in emos]


def write_telegram(g, corpus, posts, path, kind):
    org = g.channel_org
    if kind == "channel":
        top = {"name": org["name"], "type": "public_channel", "id": 1987650031}
    else:
        top = {"name": GROUP_NAME, "type": "public_supergroup", "id": 2087341156}
    cid = top["id"]
    msgs = []
    # extra, text-less items: photos and service messages, interleaved by time
    extras = []
    n_photo = 26 if kind == "channel" else 16
    for _ in range(n_photo):
        t = g.pick_datetime()
        au = org if kind == "channel" else g.person("group")
        extras.append(("photo", t, au))
    n_serv = 9 if kind == "channel" else 16
    for _ in range(n_serv):
        extras.append(("pin" if kind == "channel" else g.ch(["join", "join", "invite"]), g.pick_datetime(), None))
    items = [("post", p["dt"], p) for p in posts] + extras
    items.sort(key=lambda x: (x[1], 0 if x[0] == "post" else 1))
    # first message: channel / group creation
    t0 = dt.datetime(2024, 12, 18, 11, 2, 7, tzinfo=TZ)
    d, u = tg_date(t0)
    if kind == "channel":
        msgs.append({"id": 1, "type": "service", "date": d, "date_unixtime": u, "actor": org["name"],
                     "actor_id": f"channel{cid}", "action": "create_channel", "title": org["name"], "text": "", "text_entities": []})
    else:
        msgs.append({"id": 1, "type": "service", "date": d, "date_unixtime": u, "actor": g.pools["group"][0]["name"],
                     "actor_id": f"user{g.pools['group'][0]['id']}", "action": "migrate_from_group", "title": GROUP_NAME,
                     "text": "", "text_entities": []})
    next_id = 2
    info = {}
    recent_starters = []
    idmap = {}
    for typ, t, obj in items:
        mid = next_id
        next_id += g.rng.choice([1, 1, 1, 1, 2])  # deleted messages leave gaps, as in real exports
        d, u = tg_date(t)
        if typ == "photo":
            au = obj
            from_id = f"channel{cid}" if au["type"] != "person" else f"user{au['id']}"
            msgs.append({"id": mid, "type": "message", "date": d, "date_unixtime": u, "from": au["name"], "from_id": from_id,
                         "photo": f"photos/photo_{mid}@{t:%d-%m-%Y_%H-%M-%S}.jpg", "width": 1280, "height": g.ch([960, 1280, 720]),
                         "text": "", "text_entities": []})
            continue
        if typ in ("pin", "join", "invite"):
            if typ == "pin":
                prev = [m for m in msgs if m["type"] == "message" and m.get("text")]
                if not prev:
                    continue
                msgs.append({"id": mid, "type": "service", "date": d, "date_unixtime": u, "actor": org["name"],
                             "actor_id": f"channel{cid}", "action": "pin_message", "message_id": g.ch(prev[-15:])["id"],
                             "text": "", "text_entities": []})
            else:
                pp = g.person("group")
                m = {"id": mid, "type": "service", "date": d, "date_unixtime": u, "actor": pp["name"],
                     "actor_id": f"user{pp['id']}"}
                if typ == "join":
                    m |= {"action": "join_group_by_link", "inviter": "Group"}
                else:
                    m |= {"action": "invite_members", "members": [g.person("group")["name"] for _ in range(g.rng.randrange(1, 3))]}
                msgs.append(m | {"text": "", "text_entities": []})
            continue
        p = obj
        a = p["author"]
        m = {"id": mid, "type": "message", "date": d, "date_unixtime": u}
        if g.p(0.08):
            e = t + dt.timedelta(minutes=g.rng.randrange(1, 180))
            m["edited"], m["edited_unixtime"] = tg_date(e)
        m["from"] = a["name"]
        m["from_id"] = f"channel{cid}" if a["type"] != "person" else f"user{a['id']}"
        if p.get("forward"):
            m["forwarded_from"] = p["forward"]
        if kind == "group" and p["kind"] == "reply" and recent_starters:
            m["reply_to_message_id"] = g.ch(recent_starters[-25:])
        elif kind == "group" and g.p(0.06) and recent_starters:
            m["reply_to_message_id"] = g.ch(recent_starters[-10:])
        if kind == "channel" and g.p(0.15):
            m |= {"photo": f"photos/photo_{mid}@{t:%d-%m-%Y_%H-%M-%S}.jpg", "width": 1280, "height": 960}
        tl = None
        if p["tlink"]:
            tl = "Толығырақ" if p["lang"] == "kk" else "Подробнее"
        txt, ents = tg_text(p["text"], bold_first=(kind == "channel"), tlink=tl)
        m["text"], m["text_entities"] = txt, ents
        r = reactions(g, 0.7 if kind == "channel" else 0.2, kind == "channel")
        if r:
            m["reactions"] = r
        b = p["broken"]
        if b == "date_word":
            m["date"] = "вчера"
            del m["date_unixtime"]
        elif b == "date_invalid":
            m["date"], m["date_unixtime"] = "2025-13-40T25:61:00", ""
        elif b == "no_text_key":
            del m["text"]
            del m["text_entities"]
        msgs.append(m)
        idmap[p["uid"]] = mid
        if p["kind"] != "reply":
            recent_starters.append(mid)
    top["messages"] = msgs
    s = json.dumps(top, ensure_ascii=False, indent=1)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(s)
    lines = s.split("\n")
    line_of = {}
    for i, ln in enumerate(lines):
        mm = re.fullmatch(r'   "id": (\d+),', ln)
        if mm:
            line_of[int(mm.group(1))] = i  # 1-based line of the '{' is i (0-based id line)
    for p in posts:
        mid = idmap[p["uid"]]
        info[p["uid"]] = (str(mid), line_of[mid])
    return info, len(msgs)


def write_instagram(g, posts, path):
    info = {}
    out = []
    textless = []
    cands = [p for p in posts if not p["dup_kind"] and not p["broken"]]
    null_caps = set(id(p) for p in g.rng.sample(cands, max(1, len(posts) // 50)))
    sources = set()
    for p in posts:
        if p["dup_of"] is not None:
            sources.add(id(p["dup_of"]))
    for i, p in enumerate(posts):
        a = p["author"]
        taken = int(p["dt"].timestamp())
        mpk = str(3000000000000000000 + g.rng.randrange(10**17))
        upk = str(a["id"] * 7 + 11)
        item_id = f"{mpk}_{upk}"
        coll = min(taken + g.rng.randrange(3600, 40 * 86400), int(dt.datetime(2026, 7, 15, tzinfo=TZ).timestamp()))
        tag = g.ch(["инклюзия", "инклюзивтібілім", "inclusion", "ерекшебалалар", "особыедети", "аутизм"])
        src = f"https://www.instagram.com/{a['handle']}/" if g.p(0.4) else \
            "https://www.instagram.com/explore/tags/" + __import__("urllib.parse").parse.quote(tag) + "/"
        loc = None
        if p["has_place"] and g.p(0.45):
            reg, city = place_names(g, p, None)
            loc = {"pk": str(200000000 + g.rng.randrange(10**8)), "name": g.ch([city, f"{city}, Kazakhstan", reg]),
                   "city": city if g.p(0.7) else "", "lat": None, "lng": None}
        cap = {"pk": str(int(mpk) + 17), "text": p["text"], "created_at": taken}
        if id(p) in null_caps and id(p) not in sources:
            cap = None
            textless.append(p)
            p["textless"] = True
        data = {"id": item_id, "pk": mpk, "code": p["code"], "taken_at": taken, "media_type": g.wch([1, 8, 2], [60, 30, 10]),
                "caption": cap, "user": {"pk": upk, "username": a["handle"], "full_name": a["name"],
                                         "is_verified": a["type"] == "media" and g.p(0.5), "is_private": False},
                "like_count": p["eng"], "comment_count": int(p["eng"] * g.rng.random() * 0.2), "location": loc}
        item = {"id": item_id, "item_id": item_id, "timestamp_collected": coll * 1000 + g.rng.randrange(1000),
                "source_platform": "instagram.com", "source_platform_url": "https://www.instagram.com",
                "source_url": src, "user_agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "data": data}
        b = p["broken"]
        if b == "taken_at_word":
            data["taken_at"] = "вчера"
        if b == "data_null":
            item["data"] = None
        line = json.dumps(item, ensure_ascii=False)
        if b == "truncated":
            line = line[: int(len(line) * 0.55)]
        out.append(line)
        info[p["uid"]] = (item_id, i + 1)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    return info, textless


def write_jsonl(g, posts, path):
    info = {}
    out = []
    for i, p in enumerate(posts):
        a = p["author"]
        pl = p["platform"]
        if pl == "vk":
            rid = f"vk:wall{p['vk_owner']}_{p['vk_post']}"
            channel = p["channel"] or (a["name"] if a["type"] != "person" or g.p(0.4) else
                                       g.ch(VK_GROUPS).format(city=p["city"]["ru"]))
        elif pl == "facebook":
            rid = "fb:" + p["url"].rsplit("/", 1)[-1]
            channel = p["channel"] or (a["name"] if a["type"] != "person" or g.p(0.3) else g.ch(FB_GROUPS))
        elif pl == "youtube":
            rid = f"yt:{p['yt']}:{g.rng.randrange(10**9)}"
            channel = p["channel"] or (a["name"] if a["type"] != "person" else g.ch(g.media[7:8] + g.orgs[:3])["name"])
        elif pl == "tiktok":
            rid = f"tt:{p['tt']}"
            channel = p["channel"] or "@" + a["handle"]
        else:
            rid = f"web:{p['uid']}"
            channel = p["channel"] or g.ch(WEB_FORUMS)
            p["url"] = f"https://{g.ch(['forum.ataana.example', 'mamsforum.example'])}/t/{p['uid'] % 997}/{p['uid']}"
        p["channel_out"] = channel
        if p["dt"].minute % 10 == 3:
            pub = p["dt"].astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        else:
            pub = p["dt"].isoformat()
        place = None
        if p["has_place"]:
            place = place_names(g, p, None)[1]
        rec = {"id": rid, "platform": pl, "channel": channel, "author": a["name"], "author_type": a["type"],
               "published_at": pub, "text": p["text"], "lang": p["lang"], "url": p["url"], "engagement": p["eng"],
               "place": place}
        b = p["broken"]
        if b == "date_word":
            rec["published_at"] = "вчера"
        elif b == "no_text_key":
            del rec["text"]
        line = json.dumps(rec, ensure_ascii=False)
        if b == "truncated":
            line = line[: int(len(line) * 0.6)]
        out.append(line)
        info[p["uid"]] = (rid, i + 1)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    return info


VK_GROUPS = ["Родители особых детей | {city}", "Инклюзия {city} — обсуждаем", "Мамы особенных детей {city}"]
FB_GROUPS = ["Инклюзивное образование в Казахстане (родители)", "Ерекше балалар — ата-аналар тобы",
             "Inclusive Education Kazakhstan — parents & teachers"]
WEB_FORUMS = ["Ата-Ана Форумы", "Мамский форум (mamsforum.example)"]


def write_forum(g, posts, path):
    info = {}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["post_id", "created", "user_name", "body", "link", "likes", "city"])
    line = 2
    sources = set(id(p["dup_of"]) for q in [posts] for p in q if p["dup_of"] is not None)
    earlier = []
    for i, p in enumerate(posts):
        a = p["author"]
        pid = 410000 + i * 3 + g.rng.randrange(3)
        user = a.get("nick") or a["handle"]
        body = p["text"]
        if not p["dup_kind"] and id(p) not in sources and earlier and g.p(0.15):
            q = g.ch(earlier[-30:])
            qt = q[1][:90].rsplit(" ", 1)[0] + "…"
            if p["lang"] == "kk":
                body = f'{q[0]} жазды:\n"{qt}"\n\n{body}'
            elif p["lang"] == "en":
                body = f'{q[0]} wrote:\n"{qt}"\n\n{body}'
            else:
                body = f'{q[0]} писал(а):\n"{qt}"\n\n{body}'
            p["quoted"] = True
        earlier.append((user, p["text"]))
        created = p["dt"].isoformat()
        b = p["broken"]
        if b == "date_word":
            created = "вчера"
        elif b == "date_invalid":
            created = "32.13.2025 25:61"
        elif b == "empty_body":
            body = ""
        city = place_names(g, p, None)[1] if p["has_place"] else ""
        tid = 1000 + (hash_str(p["topics"][0]) % 400)
        row = [pid, created, user, body, f"https://forum.ataana.example/topic/{tid}/#p{pid}", p["eng"], city]
        s0 = buf.tell()
        w.writerow(row)
        info[p["uid"]] = (str(pid), line)
        line += buf.getvalue()[s0:].count("\n")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    return info


def hash_str(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % 1000003
    return h


# ----------------------------------------------------------------- main
FILES = {"meltwater": "meltwater_export.csv", "meltwater_utf8": "meltwater_export_utf8.csv",
         "tg_channel": "telegram_channel/result.json", "tg_group": "telegram_group/result.json",
         "instagram": "instagram.ndjson", "jsonl": "posts.jsonl", "forum": "forum_posts.csv"}
BROKEN_DESC = {
    "date_word": "date is the word \"вчера\" (unparseable)",
    "date_invalid": "impossible date",
    "date_empty": "empty Date / Alternate Date Format / Time",
    "no_text": "Headline, Opening Text and Hit Sentence all empty (missing text)",
    "no_text_key": "no \"text\" key (missing text)",
    "truncated": "JSON line truncated mid-record (invalid JSON)",
    "taken_at_word": "data.taken_at is the string \"вчера\"",
    "data_null": "\"data\": null (no post object)",
    "empty_body": "empty body (missing text)",
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(REPO, "data", "sample"))
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--gazetteer", default=None, help="directory with places.csv and regions.csv")
    args = ap.parse_args()
    gaz = load_gazetteer(find_gazetteer(args.gazetteer))
    g = Gen(args.seed, gaz)
    corpus = Corpus(g)
    corpus.build()
    assign_urls(g, corpus)
    out = args.out
    os.makedirs(out, exist_ok=True)
    P = corpus.posts
    info = {}
    info["meltwater"] = write_meltwater(g, P["meltwater"], os.path.join(out, FILES["meltwater"]), utf16=True)
    info["meltwater_utf8"] = write_meltwater(g, P["meltwater_utf8"], os.path.join(out, FILES["meltwater_utf8"]), utf16=False)
    info["tg_channel"], n_ch = write_telegram(g, corpus, P["tg_channel"], os.path.join(out, FILES["tg_channel"]), "channel")
    info["tg_group"], n_gr = write_telegram(g, corpus, P["tg_group"], os.path.join(out, FILES["tg_group"]), "group")
    info["instagram"], textless = write_instagram(g, P["instagram"], os.path.join(out, FILES["instagram"]))
    info["jsonl"] = write_jsonl(g, P["jsonl"], os.path.join(out, FILES["jsonl"]))
    info["forum"] = write_forum(g, P["forum"], os.path.join(out, FILES["forum"]))

    # ground truth
    rows = []
    for f, ps in P.items():
        for p in ps:
            rid, line = info[f][p["uid"]]
            src = p["dup_of"]
            rows.append([FILES[f], rid, line, p["platform"], p["author"]["type"], p["lang"], p["variant"],
                         p["dt"].isoformat(), p["sentiment"], "|".join(p["topics"]), p["category"], p["stig"], p["sex"],
                         p["city"]["iso"], p["dup_kind"], FILES[src["file"]] if src else "",
                         info[src["file"]][src["uid"]][0] if src else "",
                         p["broken"] or ("caption_null" if p.get("textless") else "")])
    with open(os.path.join(out, "ground_truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "record_id", "line", "platform", "author_type", "lang", "variant", "published_at",
                    "sentiment", "topics", "disability_category", "stigmatising", "child_sex", "region_iso",
                    "dup_kind", "dup_of_file", "dup_of_record", "broken"])
        w.writerows(rows)

    # organisations and media (official accounts keep their names)
    with open(os.path.join(out, "organisations.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("name\ttype\n")
        for a in g.orgs + g.media:
            fh.write(f"{a['name']}\t{a['type']}\n")
            fh.write(f"{a['handle']}\t{a['type']}\n")

    write_readme(g, corpus, info, rows, textless, out, n_ch, n_gr, args.seed)
    total = sum(len(v) for v in P.values())
    print(f"wrote {total} posts to {out}", file=sys.stderr)


def write_readme(g, corpus, info, rows, textless, out, n_ch, n_gr, seed):
    P = corpus.posts
    total = len(rows)
    near = sum(1 for r in rows if r[14] == "near")
    exact = sum(1 for r in rows if r[14] == "exact")
    fwd = sum(1 for ps in P.values() for p in ps if p.get("forward"))
    cross = sum(1 for ps in P.values() for p in ps if p["dup_kind"] == "exact" and p["dup_of"]["file"] != p["file"])
    org = sum(1 for r in rows if r[4] != "person")
    from collections import Counter
    lang = Counter(r[6] for r in rows)
    per_file = Counter(r[0] for r in rows)
    months = Counter(r[7][:7] for r in rows)
    regions = Counter(r[13] for r in rows)
    stig_early = [int(r[11]) for r in rows if r[11] != "" and r[7] < "2025-07"]
    stig_late = [int(r[11]) for r in rows if r[11] != "" and r[7] >= "2026-01"]
    L = []
    L.append("# Sample corpus (SYNTHETIC)\n")
    L.append("**Everything in this folder is synthetic.** Every post, person, user name, handle, phone number, "
             "e-mail address, organisation, media outlet, school number, figure and news event is invented by "
             "`tools/sample/generate.py`. Any resemblance to real persons or accounts is accidental. Place names "
             "come from the project gazetteer (`places.csv`, `regions.csv`); platform host names (x.com, "
             "instagram.com, vk.com, ...) are real, but every path and id on them is made up; every other web "
             "address uses the reserved `.example` top-level domain. Public programmes (\"Образованная нация\" / "
             "\"Білімді ұлт\" / Educated Nation, \"Комфортная школа\" / \"Жайлы мектеп\" / Comfort School, State "
             "Programme of Education Development 2020–2025) and generic public institutions (ПМПК, akimat, education "
             "department, eOtinish) are mentioned by name only.\n")
    L.append("It exists to exercise the `listen` pipeline end to end (readers, dedup, pseudonymisation, masking, "
             "annotation, aggregation, topic model, report) and to back the example study report. It is **not** "
             "evidence about Kazakhstan: shares, trends and regional counts were chosen by the generator.\n")
    L.append("**Stigmatising wording appears on purpose** (e.g. \"инвалид\", \"даун\", \"умственно отсталый\", "
             "\"мүгедек бала\", \"disabled kids\", \"handicapped\", \"suffers from autism\") alongside person-first "
             "wording (\"дети с инвалидностью\", \"ерекше білім беру қажеттіліктері бар балалар\", \"children with "
             "disabilities\", \"ребёнок с аутизмом\"), so that the tool can measure stigmatising language. Its share "
             f"declines over time by construction (posts with a disability phrase: {100*sum(stig_early)/max(1,len(stig_early)):.0f}% "
             f"stigmatising in Jan–Jun 2025, {100*sum(stig_late)/max(1,len(stig_late)):.0f}% in Jan–Jun 2026).\n")
    L.append("Licence: **CC0 1.0** (public domain dedication), for the data and for the generator.\n")
    L.append("## Regenerate\n\n```\npython3 tools/sample/generate.py            # writes data/sample/ (seed "
             f"{seed})\npython3 tools/sample/generate.py --out /tmp/sample --gazetteer DIR\n```\n\n"
             "Python 3.9+ standard library only; the output is byte-identical for the same seed and gazetteer. "
             "The gazetteer is looked up in `data/gazetteer/`, `data/kazakhstan/`, then `/work/shared/data/kazakhstan/`.\n")
    L.append("## Files\n")
    L.append("| file | format | records with text |\n|---|---|---|")
    desc = {"meltwater": "Meltwater Explore export: UTF-16LE with BOM, TAB-separated, CRLF, every field quoted, newest first",
            "meltwater_utf8": "Meltwater export, other variant: UTF-8 (no BOM), comma-separated, CRLF, every field quoted",
            "tg_channel": f"Telegram Desktop export (JSON) of a public channel of an invented parents' association; {n_ch} messages incl. photo-only and service messages",
            "tg_group": f"Telegram Desktop export of a public supergroup (parents' chat), people with `user<digits>` ids, replies, forwards; {n_gr} messages incl. photo-only and service messages",
            "instagram": "Zeeschuimer-style NDJSON (one captured item per line)",
            "jsonl": "generic JSONL, Tenlik field names",
            "forum": "generic UTF-8 CSV (comma, RFC 4180 quoting, LF) with its own column names; bodies contain commas, quotes, newlines"}
    for f, name in FILES.items():
        L.append(f"| `{name}` | {desc[f]} | {per_file[name]} |")
    L.append(f"| `organisations.tsv` | `name<TAB>type` (header line first); every invented organisation / media account, once by display name and once by handle | {2*(len(g.orgs)+len(g.media))} rows |")
    L.append("| `ground_truth.csv` | what the generator put in each record (see below) | one row per record |")
    L.append(f"\nTotal: **{total}** records with text (plus text-less Telegram photo/service messages).\n")
    L.append("### Mapping for forum_posts.csv\n\n```\ntenlik listen ingest --format csv \\\n  --map id=post_id --map published_at=created "
             "--map author=user_name --map text=body \\\n  --map url=link --map engagement=likes --map place=city "
             "data/sample/forum_posts.csv\n```\n\n`created` is ISO 8601 with offset (`2025-06-01T08:30:00+05:00`). "
             "The file states no platform, channel, language or author type: all rows come from one invented forum "
             "(platform `web`); user names are nicknames, except a few organisation accounts posting under the handles "
             "listed in `organisations.tsv`. About 15% of bodies start with a quote of an earlier post "
             "(`<nick> писал(а):\\n\"…\"\\n\\n`).\n")
    L.append("### Notes for reader implementers\n")
    L.append(
        "- **Meltwater**: dates are local time (Asia/Almaty, UTC+05:00) without a zone, `DD-Mon-YYYY hh:mmAM`; "
        "`Alternate Date Format` and `Time` repeat it. Text: for social rows (Source = Twitter, Facebook, Instagram, VK, "
        "YouTube) `Opening Text` and `Hit Sentence` both hold the full post and `Headline` is empty (YouTube rows of "
        "organisations carry the video title in `Headline`); for news rows (Source = outlet name) `Headline` is the "
        "title, `Opening Text` the lead and `Hit Sentence` one sentence wrapped in `...`. Suggested text = Headline + "
        "\"\\n\" + Opening Text when Headline is non-empty, else Opening Text, else Hit Sentence. `Influencer` is the "
        "display name (the outlet's name on news rows); `Twitter Screen Name` is `@handle`. `Language` is `Russian` / "
        "`Kazakh` / `English` (mixed kk/ru posts carry the language of their first sentence). `Sentiment` is Meltwater's "
        "guess (Positive / Negative / Neutral / Not Rated) and is wrong on purpose in about 12% of rows. "
        "`State`/`City` are in the post's language (Kazakh names, transliterated for Latin/Russian-letter Kazakh posts); "
        "about 30% are empty. Text fields contain no newlines.\n"
        "- **Telegram**: `date` is local time (UTC+05:00) without zone; `date_unixtime` is authoritative. `text` is a "
        "string when there are no entities, otherwise an array mixing strings and objects (`hashtag`, `mention`, `link`, "
        "`email`, `phone`, `bold`, `text_link` with `href`); `text_entities` always has the full run list including "
        "`plain`. Joining the `text` parts gives the post text. Skip `type: service` and messages whose text is empty "
        "(photo-only). Message ids have gaps (deleted messages). Channel posts come `from` the channel "
        "(`from_id` = `channel<id>`); in the group a few posts come from the association's channel account and the rest "
        "from people (`user<digits>`), with `reply_to_message_id` and `forwarded_from`.\n"
        "- **Instagram**: `data.taken_at` is Unix seconds, `timestamp_collected` Unix ms; `data.caption` is null for "
        f"{len(textless)} records (no text: reject or skip them, they are listed below); `data.user.pk` and "
        "`data.pk` are strings; `location` is null or `{pk, name, city, lat, lng}` with `city` sometimes empty. No "
        "language field.\n"
        "- **posts.jsonl**: `published_at` carries an offset (`+05:00`) or, for ~10% of records, `Z` (UTC). "
        "`platform` is one of vk, facebook, youtube, tiktok, web (web = forums). `lang` is the export's claim "
        "(`ru`/`kk`/`en`; Kazakh in Latin or with Russian letters is `kk`; mixed posts carry the first sentence's "
        "language). `place` is a city name or null.\n"
        "- Phone numbers (`+7 (7xx) 555-..`, `8 7xx 555 .. ..`, `+77xx555....`) and e-mail addresses "
        "(`@mail.example`, `@inbox.example`, `info@<org>.example`) occur in texts so ingest can mask them; "
        "@mentions name invented people and the organisation handles in `organisations.tsv`.\n")
    L.append("## Deliberately broken records\n")
    L.append("About 0.5% per file; each file stays otherwise valid, so a reader must reject these and ingest the rest. "
             "Line numbers are 1-based physical lines (for Telegram: the line of the message's opening `{`).\n")
    L.append("| file | line | record | what |\n|---|---|---|---|")
    for f, ps in P.items():
        for p in ps:
            if p["broken"]:
                rid, line = info[f][p["uid"]]
                L.append(f"| `{FILES[f]}` | {line} | `{rid[:60]}` | {BROKEN_DESC[p['broken']]} |")
    L.append("\nText-less but well-formed (caption null) Instagram records, to be rejected or skipped as \"no text\":\n")
    L.append("| file | line | record |\n|---|---|---|")
    for p in textless:
        rid, line = info["instagram"][p["uid"]]
        L.append(f"| `instagram.ndjson` | {line} | `{rid}` |")
    L.append("\n## Duplicates\n")
    L.append(f"- near-duplicates: **{near}** records ({100*near/total:.1f}%): an earlier post re-posted with a prefix "
             "(\"Репост: \", \"Бөлісемін: \", \"RT: \", \"📲 repost @user: \"), a link added or removed, a word "
             f"changed, or a short comment appended, usually by another author; {fwd} of them are Telegram forwards "
             "(`forwarded_from`) with the channel post's text unchanged but a different author.\n"
             f"- exact duplicates: **{exact}** records ({100*exact/total:.1f}%): same author and identical text, "
             f"posted again minutes to days later; {cross} of them across files (the same person or organisation in "
             "`meltwater_export.csv` and `posts.jsonl`, or the association's Telegram channel cross-posted to Facebook).\n"
             "- `ground_truth.csv` names the source of each duplicate (`dup_of_file`, `dup_of_record`).\n")
    L.append("## Contents (by construction)\n")
    L.append(f"- Period 2025-01-01 .. 2026-06-30, all times UTC+05:00. Spikes: 2 April (autism awareness day) in both "
             "years, start of the school year (late Aug – mid Sep 2025), 3 December 2025, and an invented news event "
             "from 11 February 2026 (a video of a pupil with autism being bullied in a school in Aktobe) with a "
             "bullying peak. Summer and New Year dips; slight growth over time.\n")
    L.append("- Languages (variant column of ground_truth.csv): " +
             ", ".join(f"{k} {v} ({100*v/total:.0f}%)" for k, v in lang.most_common()) +
             ". `kk` = Kazakh in Cyrillic; `kk_latn` = Kazakh in the 2021 Latin alphabet (ä ö ü ğ q ñ ş ū ı; about half "
             "typed informally with i for ı); `kk_translit` = Kazakh typed with Russian letters (к for қ, г for ғ, "
             "н for ң, а for ә, о for ө, у for ұ/ү, и for і, х for һ); `mixed` = Kazakh-Russian code-switching or "
             "bilingual kk+ru posts.\n")
    L.append(f"- Authors: {org} records ({100*org/total:.0f}%) by the organisations and media in `organisations.tsv` "
             "(\"Corpus 2\"), the rest by invented people (\"Corpus 1\").\n")
    dark = ", ".join(f"{gaz_name(g, k)} {regions.get(k, 0)}" for k in MEDIA_DARK)
    L.append("- Places: cities and regions from the gazetteer in all three languages, including alternative names "
             "(Нур-Султан, Алма-Ата, Чимкент, Усть-Каменогорск / Öskemen, Семипалатинск, ...). Media-dark on purpose "
             f"(records by region_iso): {dark}.\n")
    L.append("- Topics: bullying / abuse / violence, teacher capacity, shortage of tutors and specialists, physical "
             "access (ramps, lifts, toilets), ПМПК assessment, transport, funding, stigma and attitudes, lack of materials "
             "in Kazakh, state programmes, rural children, migrant and kandas children, language minorities, girls and "
             "boys, success stories; disability categories autism, cerebral palsy, hearing, visual, Down syndrome, "
             "intellectual disability, general SEN / ООП / ЕБҚ.\n")
    L.append("## ground_truth.csv\n")
    L.append("One row per record: `file, record_id` (Meltwater: URL; Telegram: message id; Instagram: data.id; JSONL: "
             "id; forum: post_id), `line`, `platform`, `author_type`, `lang`, `variant`, `published_at`, `sentiment` (the "
             "generator's), `topics` (`|`-separated), `disability_category`, `stigmatising` (1/0; empty when the post has "
             "no disability phrase), `child_sex` (f/m when the post names girls/boys or a daughter/son), `region_iso` "
             "(the place the generator attached, whether or not the text names it), `dup_kind` (near/exact), "
             "`dup_of_file`, `dup_of_record`, `broken`.\n")
    L.append("## Records per month\n")
    L.append("| month | records |\n|---|---|")
    for m in sorted(months):
        L.append(f"| {m} | {months[m]} |")
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(L) + "\n")


def gaz_name(g, iso):
    return g.regions[iso]["en"] if iso in g.regions else iso


if __name__ == "__main__":
    main()
