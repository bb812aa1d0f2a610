"""Attribution rules: quote spans, kinds, speakers (pronouns resolved), cues, outlets."""

from __future__ import annotations

import pytest
from conftest import SEED

from citecheck.attribution import extract, find_quotes
from citecheck.document import load, load_text


@pytest.fixture(scope="module")
def seed():
    doc = load(SEED)
    return doc, extract(doc)


def test_seed_has_its_twenty_quoted_spans_with_exact_offsets(seed):
    doc, attrs = seed
    quoted = [a for a in attrs if a.kind != "indirect"]
    assert len(quoted) == 20
    for a in quoted:
        s, e = a.span
        # the span holds the quote as printed (line breaks of the PDF included)
        assert " ".join(doc.raw[s:e].split()) == " ".join(a.quote.split())
        assert doc.raw[s - 1] == "“" and doc.raw[e] == "”"


def test_seed_scare_quotes_are_listed_not_attributed(seed):
    _, attrs = seed
    scare = {a.quote.strip(",.") for a in attrs if a.kind == "scare"}
    assert scare == {"confirmed", "interim president", "suggested", "anti-establishment"}
    assert all(a.speaker is None for a in attrs if a.kind == "scare")


def test_seed_satan_and_witchcraft_are_camachos_words_and_checkable(seed):
    """"Camacho continues to call for freeing Bolivia from “Satan” and “witchcraft.”": a speech
    act that goes on ("continues to call for") makes the short quotes his, not scare quotes."""
    _, attrs = seed
    words = [a for a in attrs if a.quote.strip(".") in ("Satan", "witchcraft")]
    assert [(a.kind, a.speaker) for a in words] == [("partial", "Luis Fernando Camacho")] * 2
    assert all(a.checkable for a in words)


def _by_start(attrs, start):
    return next(a for a in attrs if a.quote.startswith(start))


@pytest.mark.parametrize(
    "start, speaker, cue, outlet",
    [
        ("We are here fighting", "an indigenous worker in El Alto", "told a reporter", None),
        ("re-establish the constitutional", "Bolivian Workers Central (COB)", "threatened", None),
        ("all mobilized sectors", "Sergio Choque", "called on", None),  # "He first called on"
        ("pacify the country", "Evo Morales", None, None),  # "He has offered ..."
        ("the United States called", "Evo Morales", "stated", "El País"),
        ("We view everything", "Sergey Ryabkov", "declared", None),
        ("to act on the streets", "Infobae", "reported", "Infobae"),
        ("I spoke with the new Defense", "Arturo Murillo", "announced", None),
        ("the rule of law", "Roxana Lizárraga", "announced", None),
        (
            "no statistical or evidentiary",
            "Center for Economic and Policy Research (CEPR)",
            None,
            "Center for Economic and Policy Research",
        ),
        ("I dream of a Bolivia", "Jeanine Áñez", "declared", "Twitter"),
    ],
)
def test_seed_speakers_cues_and_outlets(seed, start, speaker, cue, outlet):
    _, attrs = seed
    a = _by_start(attrs, start)
    assert a.speaker == speaker
    if cue:
        assert a.cue == cue
    assert a.outlet == outlet


def test_seed_outlet_languages_and_date_hints(seed):
    _, attrs = seed
    assert _by_start(attrs, "the United States called").language == "es"
    assert _by_start(attrs, "to act on the streets").language == "es"
    assert _by_start(attrs, "I dream of a Bolivia").date_hint == "2013"


def test_quote_split_by_a_pdf_page_break_is_one_quote(seed):
    _, attrs = seed
    murillo = _by_start(attrs, "I spoke with the new Defense")
    assert murillo.quote.endswith("we’ll pursue you.")
    assert "[Luis Fernando López Julio]" in murillo.quote  # brackets kept for the matcher
    assert "coup… but" in _by_start(attrs, "We view everything").quote


def test_pronoun_resolves_to_the_last_named_person():
    doc = load_text(
        "Mayor Ingrid Vantongeren opened the session. She later said “the budget is closed.”\n\n"
        "Councillor Bram Okafor disagreed. He told reporters, “We will reopen it.”",
        "x.txt",
    )
    a, b = extract(doc)
    assert a.speaker == "Ingrid Vantongeren"
    assert b.speaker == "Bram Okafor" and b.cue == "told reporters"


@pytest.mark.parametrize(
    "text, speaker, kind",
    [
        (
            "“The river is rising fast,” said Harriet Quell, a hydrologist.",
            "Harriet Quell",
            "direct",
        ),
        (
            "“The river is rising fast,” Harriet Quell told Example Daily.",
            "Harriet Quell",
            "direct",
        ),
        (
            "According to the Example Water Board, “the river is rising fast.”",
            "Example Water Board",
            "partial",
        ),
        (
            "Harriet Quell said the river was “rising faster than any model predicted.”",
            "Harriet Quell",
            "partial",
        ),
        ('Harriet Quell said: "The river is rising fast."', "Harriet Quell", "direct"),
    ],
)
def test_common_attribution_patterns(text, speaker, kind):
    (a,) = extract(load_text(text, "x.txt"), reported=False)
    assert a.speaker == speaker
    assert a.kind == kind


def test_follow_on_quote_keeps_the_speaker():
    doc = load_text(
        "“We will rebuild the pier,” said Lorcan Abernethy.\n\n“It will take two years.”", "x.txt"
    )
    a, b = extract(doc)
    assert b.speaker == "Lorcan Abernethy" and b.cue is None


def test_quote_running_across_paragraphs_that_reopen():
    text = "He said: “The first part ends here.\n\n“The second part closes it.”"
    spans = find_quotes(text)
    assert [text[q.start : q.end] for q in spans] == [
        "The first part ends here.",
        "The second part closes it.",
    ]
    assert spans[0].continues and not spans[1].continues


def test_apostrophes_are_not_quote_marks_but_nested_singles_are():
    text = "“The mayor’s words were ‘not now’, and the ’90s plan is dead,” said Ona Brisk."
    quotes = [text[q.start : q.end] for q in find_quotes(text)]
    assert quotes == [
        "The mayor’s words were ‘not now’, and the ’90s plan is dead,",
        "not now",
    ]
    assert extract(load_text(text, "x.txt"))[0].speaker == "Ona Brisk"


def test_a_straight_mark_that_can_only_close_opens_nothing():
    # an apostrophe turned into a double mark in a scraped page: no quote runs from it
    text = 'The play casts a kind eye on the enemies" distress.\n\nIt said "we will win" today.'
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["we will win"]
    # with a mark after it in its paragraph it opens: a PDF's spacing ('said" we ...')
    pasted = 'Ada Quill said" we will not be moved" and left.'
    assert [pasted[q.start : q.end] for q in find_quotes(pasted)] == [" we will not be moved"]


@pytest.mark.parametrize(
    "text",
    [
        "An odd “number of marks and no close",
        "x" * 10 + " no quotes at all",
        "混合「引用」と“mixed” quotes 'here' and “there”",
        "שלום “עולם” עברית",
        "",
    ],
)
def test_hostile_inputs_give_a_result(text):
    attrs = extract(load_text(text, "x.txt"))
    assert isinstance(attrs, list)


def test_large_draft_is_linear_not_quadratic():
    """A megabyte of news text (the seed repeated) is read in bounded time with every quote."""
    import time

    seed = SEED.read_text(encoding="utf-8")
    copies = 130  # ~1 MB
    t = time.perf_counter()
    attrs = extract(load_text((seed + "\n\n") * copies, "big.txt"))
    assert len([a for a in attrs if a.kind != "indirect"]) == 20 * copies
    assert time.perf_counter() - t < 30


def test_reported_speech_is_an_indirect_attribution(seed):
    _, attrs = seed
    reported = [a for a in attrs if a.kind == "indirect"]
    office = next(a for a in reported if "three protesters" in a.quote)
    assert office.quote == "three protesters have been killed since Monday"
    assert office.speaker == "Prosecutor’s Office" and office.cue == "recognized"
    local = next(a for a in reported if "many more have been killed" in a.quote)
    assert local.speaker == "Local news outlets"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor reported a fire on Elm Street near the old mill.",  # no clause: not speech
        "It said in a statement on Wednesday.",
        "“We will go,” she said that morning, and the crowd said nothing more at all.",
        # a sentence adverb is not a speaker
        "Additionally, 38 percent said they thought the ferry timetable was far too late.",
    ],
)
def test_sentences_that_are_not_reported_speech(text):
    assert [a for a in extract(load_text(text, "x.txt")) if a.kind == "indirect"] == []


def test_reported_speech_with_adverbial_and_trailing_credit():
    (a,) = extract(
        load_text(
            "The Example Water Board said on Tuesday that the reservoir would stay closed until "
            "June, Example Daily reported.",
            "x.txt",
        )
    )
    assert a.kind == "indirect" and a.speaker == "Example Water Board"
    assert a.quote == "the reservoir would stay closed until June"


def _quote(text, start):
    return next(a for a in extract(load_text(text, "x.txt")) if a.quote.startswith(start))


@pytest.mark.parametrize(
    "text, start, speaker, kind",
    [
        # doubled single marks close a double quote
        (
            "“We will not sell the harbour,’’ Mayor Ottoline Marsh-Greaves said. Then she left.",
            "We will not sell",
            "Ottoline Marsh-Greaves",
            "direct",
        ),
        # the inverted cue at the end of a long sentence
        (
            "“The dam will hold” through the spring floods, said Idris Pellow, an engineer.",
            "The dam will hold",
            "Idris Pellow",
            "direct",
        ),
        # a description after the inverted cue, the name in apposition
        (
            "Pellow boasted that the dam was “his alone” during the inspection, said a second "
            "engineer on the project, Fenwick surveyor Maud Tressle.",
            "his alone",
            "Maud Tressle",
            "partial",
        ),
        # a person after a title inside a capitalised run
        (
            "“We expect delays,” Fenwick Harbour Board Chief Executive Maud Tressle said.",
            "We expect",
            "Maud Tressle",
            "direct",
        ),
        # a pronoun after "as": the person named earlier in the sentence or before
        (
            "Mayor Ottoline Marsh-Greaves took the stage. The hall fell silent as she pleaded "
            "with the council, “Save the pier for our grandchildren.”",
            "Save the pier",
            "Ottoline Marsh-Greaves",
            "direct",
        ),
        # a second verb joined by "and": the subject of the first
        (
            "Mayor Ottoline Marsh-Greaves read the report twice and then criticized it as “a "
            "shambles.”",
            "a shambles",
            "Ottoline Marsh-Greaves",
            "partial",
        ),
        # an appositive that starts with a lower-case role
        (
            "Wendel Ashgrove, treasurer of the Fenwick Lifeboat Society, warned members that the "
            "old boat was “beyond repair.”",
            "beyond repair",
            "Wendel Ashgrove",
            "partial",
        ),
        # a possessive appositive
        (
            "“We will launch in May,” Wendel Ashgrove, Fenwick’s harbour master, said. “We are "
            "ready.”",
            "We are ready",
            "Wendel Ashgrove",
            "direct",
        ),
        # a bare plural as the speaker
        ("“Stay indoors!” firefighters shouted from the truck.", "Stay", "firefighters", "direct"),
        # the subject of the clause after "that"
        (
            "The Fenwick Courier says that inspectors told the bakery to “shut its doors at once.”",
            "shut its doors",
            "inspectors",
            "partial",
        ),
        # a one-word quote standing as the whole utterance is direct
        (
            "Idris Pellow opened the gates. “Finally,” Pellow said.",
            "Finally",
            "Idris Pellow",
            "direct",
        ),
        # the clause after the quote goes on: no second speaker there
        (
            "Mayor Ottoline Marsh-Greaves said in a statement, “The council accepts the ruling” "
            "after the hearing, adding that an appeal was unlikely.",
            "The council accepts",
            "Ottoline Marsh-Greaves",
            "direct",
        ),
    ],
)
def test_speaker_rules(text, start, speaker, kind):
    a = _quote(text, start)
    assert (a.speaker, a.kind) == (speaker, kind)


def test_capitalised_or_noun_cue_words_are_not_cues():
    # "States" in a name and "reports" after a possessive are no speech verbs
    a = _quote("The “twin towns” pact between the United States and Canada lapsed.", "twin")
    assert a.kind == "scare" and a.cue is None
    b = _quote(
        "Wendel Ashgrove described the council’s reports on the pier as “pure fantasy.”", "pure"
    )
    assert b.speaker == "Wendel Ashgrove" and b.cue == "described"


def test_question_mark_before_the_attribution_does_not_end_the_sentence():
    a = _quote("Councillor Bram Okafor stood. “Is the pier safe?” Okafor asked.", "Is the pier")
    assert (a.speaker, a.cue) == ("Bram Okafor", "asked")


def test_outlets_found_in_frame_speaker_and_domain():
    a = _quote("“The pier will close,” Maud Tressle told Reuters on Monday.", "The pier")
    assert a.outlet == "Reuters"
    b = _quote("“The pier will close,” Maud Tressle wrote on elpais.com last week.", "The pier")
    assert b.outlet == "El País"


@pytest.mark.parametrize(
    "text, start, speaker",
    [
        # a pronoun in the sentence of its antecedent
        (
            "Maud Tressle opened the dam. Inspector Idris Pellow walked its length on Monday; "
            "afterwards he called it “perfectly sound.”",
            "perfectly sound",
            "Idris Pellow",
        ),
        # a name after a preposition is not the subject a description points back to
        (
            "Wendel Ashgrove retired in May after a dispute with Fenwick Rovers.\n\n"
            "The 61-year-old told the Courier: “I would do it all again.”",
            "I would do it",
            "Wendel Ashgrove",
        ),
        # an acronym spelled out earlier in the article
        (
            "The Fenwick Centre for Coastal Safety warned of storms. The FCCS said the risk was "
            "“very high indeed.”",
            "very high",
            "Fenwick Centre for Coastal Safety",
        ),
        # ... or in the story below a headline that uses it
        (
            "FCCS warns of “very high” risk on the coast\n\n"
            "The Fenwick Centre for Coastal Safety warned of storms on Monday.",
            "very high",
            "Fenwick Centre for Coastal Safety",
        ),
        # ... but in the story an acronym is no later body's
        (
            "Storm warning\n\nThe FCSA said the risk was “very high indeed.” Later, Ada Quill "
            "of the Fenwick Cycling Safety Association disagreed.",
            "very high",
            "FCSA",
        ),
        # "Nurses for Clean Air" is one group, which "the nurses" points back to
        (
            "Nurses for Clean Air wrote to the council last week.\n\n"
            "“We cannot wait any longer,” the nurses stated.",
            "We cannot wait",
            "Nurses for Clean Air",
        ),
        # "several states" is a noun, not the cue
        (
            "The guild said it has branches in several states and wants to “raise the bar for "
            "everyone.”",
            "raise the bar",
            "The guild",
        ),
    ],
)
def test_speaker_references(text, start, speaker):
    assert _quote(text, start).speaker == speaker


def test_pull_quote_heading_takes_the_speaker_of_the_quote_it_repeats():
    text = (
        "2. “A pier too far”\n\nCouncillor Bram Okafor attacked the plan. “This is a pier too "
        "far for a town this size,” Okafor said.\n\n“We will not move”\n\n“We will not move. "
        "The pier stays,” said Maud Tressle."
    )
    attrs = extract(load_text(text, "x.txt"), reported=False)
    heading, _, second, _ = attrs
    assert (heading.speaker, heading.kind) == ("Bram Okafor", "partial")
    assert (second.speaker, second.kind) == ("Maud Tressle", "direct")


def test_quotes_inside_quotes_take_the_speaker_named_inside():
    text = (
        "Wendel Ashgrove spoke first. “I was in the room when Mayor Ottoline Marsh-Greaves "
        "asked, ‘So is the pier closing?’” Ashgrove testified. “Councillor Bram Okafor answered "
        "that ‘It closes on Friday,’ adding later in the meeting that ferries would ‘keep their "
        "timetable.’”\n\n“Then I said, ‘Not on my watch,’ and left,” Ashgrove said."
    )
    attrs = {a.quote: a for a in extract(load_text(text, "x.txt"), reported=False)}
    assert attrs["So is the pier closing?"].speaker == "Ottoline Marsh-Greaves"
    assert attrs["So is the pier closing?"].kind == "direct"
    assert attrs["It closes on Friday,"].speaker == "Bram Okafor"
    assert attrs["It closes on Friday,"].kind == "direct"
    assert attrs["keep their timetable."].speaker == "Bram Okafor"
    assert attrs["Not on my watch,"].speaker == "Wendel Ashgrove"


def test_negated_cues_and_clauses_are_not_speakers():
    text = (
        "“Our job is to check twice,” Maud Tressle said. “The worry is that inspectors don’t ask "
        "questions and label the crack ‘harmless’ too soon.”"
    )
    attrs = {a.quote: a for a in extract(load_text(text, "x.txt"), reported=False)}
    assert attrs["harmless"].kind == "scare"


@pytest.mark.parametrize(
    "text, start, speaker, kind",
    [
        # the statement's author, introduced in the sentence before
        (
            "A ferry ran aground near Fenwick, the Example Coast Guard said in a statement on "
            "Monday.\n\n“All passengers were brought ashore safely,” the statement said.",
            "All passengers",
            "Example Coast Guard",
            "direct",
        ),
        # a description whose capitalised words only modify its head
        (
            "“Tell us the truth about the pier,” a Fenwick shopkeeper said.",
            "Tell us",
            "a Fenwick shopkeeper",
            "direct",
        ),
        # a caption after a colon is quoted, however short
        (
            "The Fenwick Library announced on its Instagram account: “Open again”.",
            "Open again",
            "Fenwick Library",
            "direct",
        ),
        # several sentences after a comma are direct speech
        (
            "As Maud Tressle recalled later, “the storm took the pier. We rebuilt it in a year.”",
            "the storm took",
            "Maud Tressle",
            "direct",
        ),
        # a clause ending at the comma before "said Name" is direct speech
        (
            "Until the survey, “the hollow piles were invisible to everyone,” said Maud Tressle.",
            "the hollow piles",
            "Maud Tressle",
            "direct",
        ),
        # a short quote in a sentence that names its speaker at the end
        (
            "Fares are “simply too high” and must come down, “starting this spring,” union chief "
            "Idris Pellow said.",
            "simply too high",
            "Idris Pellow",
            "partial",
        ),
        # the speaker named in the sentence before, with the writer's own words leading in
        (
            "The harbour is older than the church, Maud Tressle says. Even so, “nobody should "
            "assume the town grew up around the water.”",
            "nobody should",
            "Maud Tressle",
            "partial",
        ),
    ],
)
def test_speaker_and_kind_in_context(text, start, speaker, kind):
    a = _quote(text, start)
    assert (a.speaker, a.kind) == (speaker, kind)


def test_names_given_to_things_are_scare_quotes():
    text = "When the dust comes from old sails, the rash is called “rigger’s itch.”"
    assert _quote(text, "rigger").kind == "scare"
    text = "Okafor dislikes the term “pier barons” and avoids it."
    assert _quote(text, "pier barons").kind == "scare"


def test_platform_account_is_the_outlet():
    a = _quote("The Fenwick Library announced on its Instagram account: “Open again”.", "Open")
    assert a.outlet == "Instagram"


@pytest.mark.parametrize(
    "text, start, cue",
    [
        (
            "Maud Tressle said in a statement, “The pier is safe.”",
            "The pier",
            "said in a statement",
        ),
        (
            "“The pier is safe,” Maud Tressle said in a video call with residents.",
            "The pier",
            "said in a video call with residents",
        ),
        ("Maud Tressle told them, “The pier is safe.”", "The pier", "told them"),
        ("Maud Tressle urged neighbours, “Keep the pier.”", "Keep", "urged neighbours"),
        (
            "Wendel Ashgrove has said the repairs are “long overdue.”",
            "long overdue",
            "has said",
        ),
        # a relative clause after the medium is not part of the cue
        (
            "“Keep the pier,” Tressle wrote in a 2019 post that she later deleted.",
            "Keep",
            "wrote",
        ),
    ],
)
def test_cue_as_written(text, start, cue):
    assert _quote(text, start).cue == cue


def test_outlets_carry_over_to_the_speakers_later_quotes():
    text = (
        "“The pier is safe,” Maud Tressle wrote in the journal Coastal Engineering Letters "
        "this spring.\n\n“We tested every pile,” Tressle added.\n\n"
        "“Nobody asked us,” Idris Pellow told Reuters. “Not once.”"
    )
    attrs = extract(load_text(text, "x.txt"), reported=False)
    assert [a.outlet for a in attrs] == [
        "Coastal Engineering Letters",
        "Coastal Engineering Letters",
        "Reuters",
        "Reuters",
    ]
    told = _quote("“Nobody asked,” Idris Pellow told Fenwick radio on Monday.", "Nobody")
    assert told.cue == "told Fenwick radio" and told.outlet is None


def test_word_alternation_matches_exactly_its_words():
    import re

    from citecheck.attribution.cues import word_alternation

    pattern = re.compile(rf"\b{word_alternation(['say', 'said', 'says', 'saying', 'told'])}\b")
    text = "they say, she said, he says, saying so, told, sayings, tolled, sai"
    assert [m.group(0) for m in pattern.finditer(text)] == [
        "say",
        "said",
        "says",
        "saying",
        "told",
    ]


@pytest.mark.parametrize(
    "text, n",
    [
        ("“Pier news” and " * 3000, 3000),  # one run-on sentence holding thousands of quotes
        ("Mayor Ada Quill spoke and “we ‘will’ go,” she said and " * 2000, 4000),
        (("“" + "word " * 3000 + "”\n\n") * 40, 40),  # very long quotes
    ],
)
def test_pathological_drafts_stay_near_linear(text, n):
    import time

    t = time.perf_counter()
    attrs = extract(load_text(text, "x.txt"), reported=False)
    assert len(attrs) == n
    assert time.perf_counter() - t < 20  # was quadratic: minutes for the first


def test_told_object_and_outlet_stop_at_word_ends():
    a = _quote("“We believed them,” Maren Quill told the meeting.", "We believed")
    assert (a.cue, a.outlet) == ("told the meeting", None)
    b = _quote("“It is over,” Ada Quill told the Fenwick Courier on Monday.", "It is over")
    assert (b.cue, b.outlet) == ("told the Fenwick Courier", "Fenwick Courier")


def test_pronoun_is_not_resolved_to_a_name_after_a_preposition():
    text = "Mayor Ada Quill spoke. Asked about Pellow, she said “he is a friend.”"
    assert _quote(text, "he is").speaker == "Ada Quill"
    alone = "Asked about Pellow, she said “he is a friend of the town.”"
    assert _quote(alone, "he is").speaker is None


def test_full_sentence_after_that_is_direct_and_ends_there():
    text = (
        "Mayor Ada Quill said that “the ferry timetable has failed the island for a decade.” "
        "She said the council would vote on Friday."
    )
    a = _quote(text, "the ferry timetable")
    assert (a.kind, a.speaker) == ("direct", "Ada Quill")


def test_an_addressee_that_is_no_medium_is_no_outlet():
    text = (
        "Idris Pellow told the Finance Committee, “The money is gone.”\n\n“We spent it all,” "
        "Pellow added."
    )
    attrs = extract(load_text(text, "x.txt"), reported=False)
    assert [a.outlet for a in attrs] == [None, None]
    assert attrs[0].cue == "told the Finance Committee"
