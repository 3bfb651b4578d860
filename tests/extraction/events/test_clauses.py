"""Reporting frames and main clauses of small sentences of our own."""

from timeline.extraction.events.clauses import (
    aside_spans,
    core_clause,
    definite_referent,
    main_clause,
    report_frame,
    strip_appositives,
    strip_lead,
    strip_title_appositives,
    told_in_simple_past,
)


def test_it_finds_who_told_what_before_the_told_clause():
    frame = report_frame("The foreign ministry said on Friday that Chile had recalled its ambassador.")
    assert frame is not None
    assert (frame.speaker, frame.verb, frame.told) == (
        "The foreign ministry",
        "said",
        "Chile had recalled its ambassador",
    )
    frame = report_frame("General Ortiz reported to the president that rebels had taken the bridge.")
    assert frame is not None and frame.told == "rebels had taken the bridge"


def test_it_finds_the_telling_after_the_happening():
    frame = report_frame("Rebels seized the airport on Monday, the army said, the second such attack this year.")
    assert frame is not None
    assert frame.speaker == "the army" and frame.told == "Rebels seized the airport on Monday"
    frame = report_frame("Two ships were sunk near the strait, according to the navy.")
    assert frame is not None and frame.speaker == "the navy"


def test_it_takes_a_noun_for_no_speech_verb():
    frame = report_frame("The report says Serbia has supplied ammunition to its neighbours.")
    assert frame is not None and frame.speaker == "The report"
    assert report_frame("The United States, Canada and Mexico have said that talks will resume.").speaker == (
        "The United States, Canada and Mexico"
    )


def test_it_finds_no_frame_in_a_plain_happening_or_a_speech_act_with_an_object():
    assert report_frame("Chile recalled its ambassador from Lima.") is None
    assert report_frame("The ministry confirmed the arrests.") is None
    assert report_frame("The launch came as Washington warned that troops were moving.") is None


def test_it_drops_leading_adverbials_and_asides():
    assert strip_lead("Hours before the summit, rebels shelled the port.") == "rebels shelled the port."
    assert strip_lead("Earlier this week South Korean troops fired warning shots.") == (
        "South Korean troops fired warning shots."
    )
    assert strip_lead("For Lima, which protested first, the move confirms a pattern.") == "the move confirms a pattern."
    assert (
        strip_appositives("Ana Souza, the foreign minister, warned of reprisals.") == "Ana Souza warned of reprisals."
    )
    assert (
        strip_appositives("Peru's foreign minister, Ana Souza, warned of reprisals.")
        == "Ana Souza warned of reprisals."
    )


def test_a_name_after_a_clause_is_not_a_role_giving_way_to_it():
    sentence = "Oslo's envoy Ola Berg says he agreed a truce with his Danish peer, Lars Holm, that began at noon."
    assert strip_title_appositives(sentence).startswith("Oslo's envoy Ola Berg says")


def test_it_cuts_trailing_and_subordinate_clauses():
    assert main_clause("Rebels took the town, which lies on the main road, after a week of fighting.") == (
        "Rebels took the town"
    )
    assert main_clause("The army withdrew hours after the ceasefire was signed.") == "The army withdrew"


def test_it_reads_the_happening_without_relative_clauses():
    core = core_clause("The report says Serbia sold shells and rockets that rebels have fired at the city.")
    assert core == "Serbia sold shells and rockets"
    core = core_clause("Putin landed in the capital at dawn, hours later than planned, and was met by Kim.")
    assert "was met by Kim" in core


def test_it_strips_a_leading_phrase_that_holds_a_speech_noun():
    s = "In a confidential report to member states on Tuesday, the agency said inspectors had found traces."
    assert strip_lead(s).startswith("the agency said")
    frame = report_frame(s)
    assert frame is not None and frame.speaker == "the agency" and frame.told.startswith("inspectors had found")


def test_it_resolves_a_definite_description_to_the_last_actor_named_with_its_noun():
    recent = ["International Atomic Energy Agency", "Iran", "Foreign Ministry of Freedonia"]
    assert definite_referent("the agency", recent) == "International Atomic Energy Agency"
    assert definite_referent("The foreign ministry", recent) == "Foreign Ministry of Freedonia"
    assert definite_referent("the agency", ["Iran"]) == ""
    assert definite_referent("Maria Lopez", recent) == ""


def test_it_finds_the_asides_of_a_sentence():
    s = "The Ostrava, a freighter struck by a missile two weeks ago, sank off the coast on Saturday."
    ((start, end),) = aside_spans(s)
    assert "two weeks ago" in s[start:end] and "Saturday" not in s[start:end]
    assert aside_spans("The ship sank on Saturday.") == []


def test_it_keeps_a_sentence_opening_with_this_that_is_no_time_phrase():
    s = "This is a good day for both countries, President Ana Ruiz said."
    assert strip_lead(s) == s
    assert strip_lead("This week, the minister met his counterpart.") == "the minister met his counterpart."


def test_a_happening_told_in_the_simple_past_is_news():
    assert told_in_simple_past("Soldiers broke into a military base and killed one serviceman.")
    assert told_in_simple_past("Shortly afterwards, the army announced that strikes were under way.")


def test_the_perfect_the_present_and_modals_tell_background_or_what_may_come():
    assert not told_in_simple_past("Both governments have denied such arms deals.")
    assert not told_in_simple_past("The leaders have previously warned of more decisive actions.")
    assert not told_in_simple_past("Joining the alliance places the country under its mutual defence clause.")
    assert not told_in_simple_past("The agency will soon send up more satellites.")
    assert not told_in_simple_past("The country had vowed a third launch would take place in October.")


def test_a_role_before_a_name_is_read_as_the_former_pattern_read_it() -> None:
    # the role runs to the first comma; the pattern no longer tries every split of it before failing
    import re

    from tests.paths import DEMO
    from timeline.extraction.events import clauses

    former = re.compile(
        r"^(?P<role>[^,;\"“]{2,60}?[a-z][^,;\"“]*),\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3}),\s+(?=[a-z])"
    )
    own = [
        "The country's top diplomat, Maria Lopez, said on Monday that the talks would resume.",
        "The navy chief, Admiral Jon Berg Olsen, visited the base, officials said.",
        "A spokesman for the navy, who declined to be named, said the ship was hit.",
        "Its envoy, Ana Souza, and the minister, Li Wei, met in Geneva.",
        "ab, Cd Ef, gh",
        "Xy, Ab Cd, ef",
        'The "envoy", Ana Souza, said nothing.',
        "IN SHORT, Ana Souza, the envoy, left.",
        "The leader of the largest party in the lower house of parliament of the republic, Ana Souza, spoke.",
    ]
    demo = " ".join(p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.json")))
    for text in own + [s for s in re.split(r"(?<=[.!?])\s+|\\n", demo) if s.count(",") >= 2]:
        a, b = former.match(text), clauses._TITLED_NAME.match(text)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), text


def test_the_gathering_a_speaker_told_is_not_part_of_what_was_told():
    frame = report_frame("The army chief has told a news conference that the troops will stay in their barracks.")
    assert frame is not None and frame.told == "the troops will stay in their barracks"
