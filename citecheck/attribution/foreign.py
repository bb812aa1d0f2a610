"""Who a source page in Spanish, Portuguese, French, German or Russian gives a passage to.

The English extractor reads English cues only, so a quote found in a foreign-language page by
the cross-language matcher had nobody to compare with the draft's speaker: a quote moved from
one minister to another went through as `translated`. This reads the sentence around the
located passage for the usual attribution shapes of news copy in those languages:

    «…», dijo el ministro Rafael Ondarra.      cue, then (role words and) a name
    Rafael Ondarra afirmó que …                 a name, then the cue
    Según Ondarra, …  /  По словам Ондарры, …   a preposition of attribution, then a name

It answers only when it finds a name; a pronoun ("declaró", "сказал он"), a role with no name
("un portavoz") or an institution ("la Policía Municipal") gives no name, or not a person, so
that a verdict of `misattributed` is never built on a guess. Pure functions over the page text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.sentences import split_sentences

# Verbs of saying, as news copy inflects them (third person, past and present).
_CUES = {
    "es": "dijo dice afirmó afirma declaró declara aseguró asegura señaló señala explicó explica "
    "añadió añade agregó agrega indicó indica sostuvo sostiene manifestó comentó advirtió "
    "advierte anunció expresó subrayó insistió denunció precisó recalcó admitió reconoció "
    "respondió escribió tuiteó publicó apuntó destacó enfatizó aclaró contó relató informó "
    "sentenció remarcó puntualizó acusó criticó prometió dijeron afirmaron declararon",
    "pt": "disse diz afirmou afirma declarou declara garantiu garante explicou explica "
    "acrescentou referiu sublinhou salientou adiantou anunciou escreveu frisou defendeu "
    "considerou admitiu reconheceu respondeu contou informou indicou destacou alertou avisou "
    "criticou prometeu disseram afirmaram declararam",
    "fr": "déclaré déclare dit affirmé affirme expliqué explique ajouté ajoute indiqué indique "
    "souligné souligne assuré assure estimé estime précisé précise annoncé annonce écrit "
    "reconnu reconnaît admis répondu répond martelé insisté confié confie lancé lance raconté "
    "raconte averti dénoncé dénonce tweeté",
    "de": "sagte sagt erklärte erklärt betonte betont meinte meint schrieb schreibt warnte warnt "
    "kritisierte versicherte bekräftigte unterstrich forderte berichtete antwortete twitterte "
    "sagten erklärten gesagt erklärt so",
    "ru": "заявил заявила заявили сказал сказала сказали отметил отметила отметили сообщил "
    "сообщила сообщили подчеркнул подчеркнула добавил добавила пояснил пояснила написал "
    "написала считает заявляет говорит уверен уверена признал признала ответил ответила "
    "рассказал рассказала утверждает утверждал объявил объявила",
}
# "According to": the name follows (es, pt, fr, de, ru) or, for German "zufolge", precedes.
_ACCORDING = {
    "es": r"según|de acuerdo con",
    "pt": r"segundo|de acordo com",
    "fr": r"selon|d'après|d’après",
    "de": r"laut|nach Angaben von",
    "ru": r"по словам|по мнению|как заявил|как сказал|как отметил",
}
# Words that stand between a cue and a name without being the name: articles, titles, roles.
_ROLE = frozenset(
    """
    el la los las un una del de al lo o a os as um uma do da dos das no na le les l' un une du des
    der die das ein eine einer des dem den am im von vom zu zur und y e et и
    señor señora sr sr. sra sra. don doña senhor senhora sr. sra. m. mme mme. mlle monsieur madame
    herr frau dr dr. prof prof. г-н г-жа
    ministro ministra presidente presidenta portavoz vocero vocera jefe jefa director directora
    secretario secretaria gobernador gobernadora alcalde alcaldesa senador senadora diputado
    diputada líder dirigente candidato candidata fiscal juez jueza general comandante coronel
    embajador embajadora canciller vicepresidente vicepresidenta experto experta analista
    primeiro primeira porta-voz governador governadora prefeito prefeita deputado deputada
    ministre porte-parole président présidente chef directeur directrice secrétaire maire
    sénateur député députée candidat candidate juge procureur ambassadeur expert experte
    premier première
    minister ministerin präsident präsidentin sprecher sprecherin kanzler kanzlerin chef chefin
    leiter leiterin bürgermeister bürgermeisterin abgeordnete abgeordneter kandidat kandidatin
    richter richterin botschafter botschafterin experte expertin generalsekretär
    министр президент премьер премьер-министр глава руководитель представитель пресс-секретарь
    официальный директор губернатор мэр сенатор депутат кандидат судья прокурор посол эксперт
    генерал министра президента главы руководителя представителя директора посла
    эксперта депутата внутренних иностранных дел его ее её их этот эта
    """.split()
)
_LONG_ROLES = tuple(r for r in _ROLE if len(r) >= 5)
# Auxiliaries between a name and a past participle: "Ondarra a déclaré", "Holmstedt hat gesagt".
_AUX = "a|ont|avait|avaient|hat|haben|hatte|tem|têm|ha|han|había"
# "of": after these a capitalised word belongs to the role ("portavoz del Gobierno").
_OF = frozenset("de del da do dos das du des der of".split())
# Before a name, these make it a place or a complement ("de Bristol", "из Бристоля").
_PREPOSITIONS = frozenset(
    "de del en a al con para por da do das dos em na no nos nas com à au aux du des sur dans chez "
    "von aus im in "
    "nach bei mit zu zur zum из в во на у от с со для под при".split()
)
# Institutions, not people: a source that gives the words to one cannot contradict a person.
_ORG = frozenset(
    """
    policía policia police polizei полиция полиции мвд gobierno governo gouvernement regierung
    правительство правительства ministerio ministério ministère ministerium министерство
    министерства departamento département abteilung департамент partido parti partei партия
    партии empresa compañía companhia société unternehmen компания компании universidad
    universidade université universität университет tribunal corte gericht суд суда ejército
    exército armée armee армия армии fiscalía procuraduría staatsanwaltschaft прокуратура
    agencia agência agence agentur агентство комиссия comisión comissão commission kommission
    consejo conselho conseil совет banco banque bank банк oficina bureau büro кремль kremlin
    embajada embaixada ambassade botschaft посольство ayuntamiento prefeitura mairie rathaus
    мэрия casa maison haus дом
    """.split()
)
_UPPER = "A-ZÁÉÍÓÚÑÜÀÂÆÇÈÊËÎÏÔŒÙÛŸÃÕÄÖА-ЯЁ"
_NAME_WORD = rf"[{_UPPER}][\w'’.-]*"
_PARTICLE = r"(?:de|da|do|dos|das|del|la|le|van|von|der|den|di|du|y|e)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,4}}"
_REACH = 600
# Quoted words are blanked before reading: a name inside the quote is not its speaker.
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|‚[^‘’]*[‘’]|\"[^\"]*\"")


@lru_cache(maxsize=8)
def _patterns(lang: str) -> tuple[re.Pattern, ...] | None:
    cues = _CUES.get(lang)
    if not cues:
        return None
    cue = "|".join(sorted(map(re.escape, cues.split()), key=len, reverse=True))
    cue = rf"(?i:{cue})(?![\w-])"
    roles = "|".join(sorted(map(re.escape, _ROLE), key=len, reverse=True))
    role = rf"(?P<role>(?:(?i:{roles})(?![\w-])[\s,]+){{0,6}})"  # titles and roles
    # «…», dijo (el ministro) Rafael Ondarra
    after = re.compile(rf"(?<![\w-]){cue}[\s,—–-]+{role}(?P<name>{_NAME})")
    # Ondarra dijo que …: the name right before the cue
    before = re.compile(rf"(?P<name>{_NAME})\s*,?\s+(?:(?:{_AUX})\s+)?{cue}")
    # The sentence's subject, then an appositive or a relative clause, then the cue:
    # "(El ministro de Obras,) Rafael Ondarra, que …, afirmó que …"
    subject = re.compile(
        rf"^[\W]*{role}(?:(?P<comp>{_NAME})\s*,\s*)?(?P<name>{_NAME})"
        rf"(?:\s*,[^.;:!?]{{1,160}}?,)?\s*,?\s*(?:(?:{_AUX})\s+)?{cue}"
    )
    according = re.compile(rf"(?<![\w-])(?i:{_ACCORDING[lang]})\s+{role}(?P<name>{_NAME})")
    return after, before, subject, according


def foreign_speaker(text: str, span: tuple[int, int], lang: str | None) -> tuple[str | None, bool]:
    """Who the page gives the words at `span` to, and whether that is a named person.

    Reads the sentences that hold the span; (None, False) when no attribution with a name is
    found there, or the language is not one of es, pt, fr, de, ru. A name of one word counts as
    a person only when the page introduces it in full somewhere ("Pavel Ondrin" ... "Ondrin"):
    news copy names people in full first, and a lone capitalised word after a cue is as often a
    place, an outlet or (in German) any noun."""
    pats = _patterns(lang or "")
    if pats is None:
        return None, False
    s0, s1 = span
    # The paragraph around the span, at most _REACH characters either side: an attribution sits
    # next to its quote, and the regexes stay linear on a page that is one long line.
    para_start = max(text.rfind("\n", 0, s0) + 1, s0 - _REACH)
    para_end = text.find("\n", s1)
    para_end = min(len(text) if para_end == -1 else para_end, s1 + _REACH)
    para = text[para_start:para_end]
    around = [s for s in split_sentences(para, lang) if s.span[0] < s1 - para_start]
    around = [s for s in around if s.span[1] > s0 - para_start] or around[-1:]
    found: list[tuple[int, int, str]] = []
    for sentence in around:
        context = _QUOTED.sub(lambda m: " " * len(m.group()), sentence.text)
        for pos, name in _candidates(context, pats):
            at = para_start + sentence.span[0] + pos
            distance = 0 if s0 <= at <= s1 else min(abs(at - s0), abs(at - s1))
            found.append((distance, at, name))
    if not found:
        return None, False
    name = min(found)[2]  # the attribution nearest the passage
    return name, _is_person(name) and _introduced(name, text)


def _candidates(context: str, pats: tuple[re.Pattern, ...]):
    """(position, name) for every attribution shape that matches in one sentence."""
    after, before, subject, according = pats
    for pat in (after, according):
        for m in pat.finditer(context):
            name = m.group("name")
            role = m.group("role").split()
            if role and role[-1].casefold() in _OF:
                # "el ministro de Obras, Rafael Ondarra": the capitalised word completes the
                # role; the name, if any, follows in apposition.
                nxt = re.match(rf",\s+(?P<name>{_NAME})", context[m.end() :])
                if nxt is None:
                    continue
                name = nxt.group("name")
            if clean := _clean_name(name):
                yield m.start(), clean
    for m in before.finditer(context):
        prev = context[: m.start()].split()
        if prev and prev[-1].casefold() in _PREPOSITIONS:
            continue  # "de Bristol afirmó": a place or a complement, not the subject
        if clean := _clean_name(m.group("name")):
            yield m.start(), clean
    m = subject.match(context)
    if m:
        role = m.group("role").split()
        of = bool(role) and role[-1].casefold() in _OF
        if bool(m.group("comp")) != of:
            return  # "Kit, Rose Leslie, ...": two names in a row; "de Obras": a complement
        if clean := _clean_name(m.group("name")):
            yield m.start("name"), clean


def _introduced(name: str, text: str) -> bool:
    """A name of two words or more, or one word the page also gives in full (allowing a case
    ending: "Ондрина" for "Павел Ондрин")."""
    words = name.split()
    if len(words) > 1:
        return True
    word = words[0].casefold()
    for full in _full_names(text):
        if word == full or (
            len(full) >= 4 and word.startswith(full) and len(word) - len(full) <= 2
        ):
            return True
    return False


def _role_compound(word: str) -> bool:
    w = word.casefold()
    return any(w.endswith(r) for r in _LONG_ROLES)


@lru_cache(maxsize=32)
def _full_names(text: str) -> frozenset[str]:
    """Last words of the runs of two or more capitalised words in a page (roles left out)."""
    out = set()
    for m in re.finditer(rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD})+", text):
        words = [w for w in m.group().split() if not (w.casefold() in _ROLE or _role_compound(w))]
        if len(words) >= 2:
            out.add(words[-1].casefold().strip(".,"))
    return frozenset(out)


def _clean_name(raw: str) -> str | None:
    """The name in a run of capitalised words: titles, roles and articles at its ends dropped."""
    words = raw.split()
    while words and (words[0].casefold() in _ROLE or words[0].casefold().rstrip(",") in _ROLE):
        words.pop(0)
    while words and words[-1].casefold() in _ROLE:
        words.pop()
    if not words or not words[0][:1].isupper():
        return None
    return " ".join(words).strip(" ,.")


def _is_person(name: str) -> bool:
    words = name.split()
    if any(w.casefold().strip("(),") in _ORG for w in words):
        return False
    if len(words) == 1 and _role_compound(words[0]):
        return False  # "Gesundheitsministerin", "вице-премьер": a role, in one word
    return not any(w.isupper() and len(w) >= 2 for w in words)
