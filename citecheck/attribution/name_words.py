"""The words that tell names apart: titles before a name, words that make a capitalised run
an organisation, capitalised words that open a sentence but name no one, and the particles
inside names. Data only, so names.py keeps to the rules."""

TITLES = {
    "president", "vice", "minister", "senator", "sen.", "rep.", "representative", "gov.",
    "governor", "mayor", "dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "prof.", "professor",
    "madam", "mdm", "mdm.",  # Singaporean, Malaysian and West African copy: "Madam Siti Rohani"
    "general", "gen.", "judge", "justice", "chief", "secretary", "pope", "king", "queen", "prince",
    "princess", "sir", "dame", "lord", "lady", "rev.", "father", "sister", "brother", "col.",
    "colonel", "lt.", "lieutenant", "capt.", "captain", "sgt.", "sergeant", "commander", "admiral",
    "chancellor", "premier", "prime", "deputy", "undersecretary", "ambassador", "attorney",
    "councillor", "councilor", "councilman", "councilwoman", "speaker", "leader", "director",
    "coach", "ceo", "chairman", "chairwoman", "chair", "interior", "defense", "defence", "foreign",
    "finance", "health", "former", "new", "then", "acting", "interim", "st.", "saint", "detective",
    "officer", "inspector", "superintendent", "commissioner", "bishop", "cardinal", "rabbi", "imam",
    "sheikh", "emir", "sultan", "dean", "principal", "agent", "trooper", "sheriff", "mx.",
    "administrator", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "aide",
    "envoy", "executive", "manager", "chairperson", "president-elect", "senator-elect",
    # British and Commonwealth ranks and titles written without a dot: "PC Ann Lee", "Cllr Lee"
    "pc", "wpc", "dc", "ds", "di", "dci", "det", "det.", "insp", "insp.", "supt", "supt.", "sgt",
    "cllr", "cllr.", "coun.", "lt", "capt", "col", "gen", "sen", "gov", "hon", "hon.", "alhaji",
    "mp", "td", "mla", "msp", "mep", "datuk", "dato", "dato’", "dato'", "tun", "puan",
    "encik",
    # police and military ranks of the Commonwealth press ("ASP Ann Lee", "ACP Lee") and the
    # Philippine styles ("Atty. Ann Lee", "Engr. Lee")
    "asp", "dsp", "acp", "dcp", "igp", "aig", "cpl", "cpl.", "maj", "maj.", "brig", "brig.",
    "atty", "atty.", "engr", "engr.",
    "opposition",  # "Leader of the Opposition Rana Mehmood", "Opposition Leader Ann Lee"
    "seri", "sri", "mentri", "menteri", "besar",  # "Mentri Besar Datuk Seri Azman Rahman"
}  # fmt: skip
# Titles that may stand inside a capitalised run, between an organisation and a person:
# "Example Harbour Board Chief Executive Ada Quill" names Ada Quill.
INNER_TITLES = TITLES - {
    "new",
    "former",
    "then",
    "acting",
    "interim",
    "st.",
    "saint",
    "house",
    "interior",
    "defense",
    "defence",
    "foreign",
    "finance",
    "health",
    "vice",
    "prime",
    "deputy",
    "brother",
    "sister",
    "father",
    "lady",
    "lord",
    "king",
    "queen",
    "prince",
    "princess",
    "general",
    "justice",
    "leader",
    "chief",
    "director",
    "officer",
    "agent",
    "speaker",
    "executive",
    "chair",
}
INNER_TITLES |= {
    "ceo",
    "president",
    "secretary",
    "administrator",
    "minister",
    "chairman",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "executive",
    "officer",
    # a company's officers, in capitals inside a name: "Gulls GM Marty Kolbeck", "Sarang Air
    # CFO Meera Rao"
    "gm",
    "cfo",
    "coo",
    "cto",
}
ORG_WORDS = {
    "office", "central", "court", "ministry", "party", "center", "centre", "organization",
    "organisation", "union", "council", "councils", "congress", "department", "committee",
    "agency", "inc", "inc.", "corp", "corp.", "co.", "ltd", "llc", "association", "university",
    "police", "army", "government", "house", "senate", "parliament", "assembly", "federation",
    "institute", "foundation", "bank", "company", "group", "commission", "board", "service",
    "services", "force", "forces", "air", "navy", "church", "school", "college", "hospital",
    "museum", "league", "club", "team", "network", "news", "times", "post", "press", "journal",
    "daily", "tribune", "herald", "gazette", "media", "bureau", "administration",
    "authority", "program", "programme", "project", "fund", "trust", "society", "coalition",
    "alliance", "movement", "front", "guard", "corps", "academy", "laboratory", "lab", "labs",
    "systems", "technologies", "airlines", "motors", "capital", "partners", "holdings",
    "records", "recordings", "studios", "pictures",
    "nations", "states", "republic", "kingdom", "county", "city", "state", "province", "region",
    "prosecutor's", "prosecutor’s", "ministry's", "department's", "white", "pentagon", "kremlin",
    "courier", "radio", "television", "tv", "chronicle", "observer", "telegraph",  # the media
    "broadcasting", "channel", "magazine", "newspaper", "guardian", "express", "mail", "wire",
    "foods", "energy", "industries", "enterprises", "ventures", "logistics", "airways",  # firms
    "telecom", "insurance", "pharmaceuticals", "pharma", "brands", "mining", "petroleum",
    "utilities", "communications", "solutions", "stores", "electric",
    "affairs", "co", "power", "securities", "investments", "management", "consulting",
}  # fmt: skip
# the words of a sports club's name: "Harrowby Rovers", "Sporting Vellmar", "Example FC"
CLUB_WORDS = frozenset(
    "fc afc cf united city town rovers wanderers athletic albion hotspur county club rangers "
    "celtic sporting real dynamo olympic racing".split()
)
ORG_WORDS |= CLUB_WORDS - {"real", "olympic", "racing", "celtic", "rangers", "dynamo"}
STOP_CAPS = {
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "our", "my", "your", "in", "on", "at", "for", "from", "by",
    "with", "after", "before", "during", "while", "when", "where", "as", "but", "and", "or", "if",
    "meanwhile", "however", "despite", "although", "though", "because", "since", "among",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "ultimately", "early", "late", "last", "next", "both", "under",
    "highlighting", "expressing", "according", "said", "says", "there", "here", "what", "who",
    "why", "how", "not", "no", "yes", "one", "two", "three", "many", "some", "several", "all",
    "also", "then", "now", "today", "yesterday", "tomorrow", "mr", "mrs", "ms", "dr", "to", "of",
    "so", "yet", "still", "even", "just", "only", "other", "another", "each", "every", "such",
    # page furniture: "READ MORE:", "RELATED:", "Advertisement", "Correction:"
    "read", "more", "related", "advertisement", "sponsored", "correction",
    # prepositions opening a sentence: "Inside Lumora, the update ..." names Lumora
    "inside", "outside", "amid", "amidst", "against", "toward", "towards", "beside", "beneath",
    "around", "near", "alongside", "into", "onto", "regarding", "concerning", "unlike",
    # sentence adverbs: "Additionally, 38 percent said ..." names nobody
    "additionally", "moreover", "furthermore", "instead", "indeed", "nevertheless",
    "nonetheless", "likewise", "similarly", "separately", "overall", "finally", "later",
    "earlier", "afterwards", "eventually", "recently", "currently", "previously", "initially",
    "otherwise", "therefore", "thus", "hence", "besides", "notably", "specifically",
    "importantly", "unfortunately", "fortunately", "clearly", "again", "together", "first",
    "second", "third", "lastly", "meantime", "elsewhere", "altogether",
    # conjunctions and prepositions that open a sentence: "Once I", "Until Monday"
    "once", "until", "unless", "whether", "upon", "within", "without", "across", "through",
    "throughout", "whenever", "wherever", "whereas",
    # page furniture that opens with a verb: "Learn more", "Follow Example News on ..."
    "learn", "follow", "subscribe", "click", "download", "hey",
}  # fmt: skip
CONNECTORS = {"de", "del", "la", "las", "los", "van", "von", "der", "den", "da", "do", "dos",
              "di", "du", "le", "bin", "ibn", "al", "el", "y", "e", "st."}  # fmt: skip
PRONOUNS = {"he", "she", "him", "her", "his"}
