"""The title audit (timeline.evaluation.titles): each fault a reader would see, on small literal sentences."""

from datetime import date

from timeline.evaluation.events import Source, SystemEvent
from timeline.evaluation.titles import audit_titles, title_faults


def kinds(title: str, sources: list[str], previous: list[str] = ()) -> list[str]:
    return [f.split(" (")[0] for f in title_faults(title, sources, list(previous))]


def test_a_complete_headline_from_its_sentence_has_no_fault():
    sentence = "North Korea fired a ballistic missile into the sea on Thursday, the military said."
    assert kinds("North Korea fires a ballistic missile into the sea", [sentence]) == []


def test_a_title_stopping_inside_a_phrase_is_cut_off():
    sentence = "Gabon's army officers said they placed President Ali Bongo under house arrest after the vote."
    assert "cut off" in kinds("Gabon's army officers say they placed President Ali Bongo", [sentence])
    listed = "The army is going through a serious institutional, political, economic and social crisis."
    assert "cut off" in kinds("The army is going through a serious institutional, political", [listed])


def test_a_title_stopping_before_a_time_or_a_new_clause_is_not_cut_off():
    sentence = "Russia's foreign ministry condemned the decision yesterday and said Moscow would respond."
    assert "cut off" not in kinds("Russia's foreign ministry condemns the decision", [sentence])


def test_a_title_joining_words_its_sentence_keeps_apart_is_spliced():
    sentence = "Israel struck the consulate in Damascus on Monday, killing 13 people, including seven officers."
    assert "cut off" in kinds("Israel struck the consulate in Damascus including seven officers", [sentence])


def test_a_pronoun_or_an_anaphoric_subject_is_unnamed():
    assert "pronoun/unnamed" in kinds("It joins the alliance", ["It joined the alliance."])
    assert "pronoun/unnamed" in kinds("The country pledges another attempt", ["The country pledged another attempt."])


def test_a_pronoun_resolved_to_another_actor_than_the_subject_before_is_flagged():
    previous = ["Sweden on Thursday joined NATO, unlike North Korea."]
    assert "pronoun/unnamed" in kinds("North Korea becomes the 32nd member", ["It became the 32nd member."], previous)
    assert kinds("Sweden becomes the 32nd member", ["It became the 32nd member."], previous) == []


def test_datelines_quotations_and_missing_verbs():
    assert "dateline" in kinds("SEOUL, Oct 31 (Reuters) - North Korea fires a missile", [])
    assert "quoted" in kinds('Deif says, "the people are regaining their revolution"', [])
    assert "no verb" in kinds("Iran's attacks – which Israel largely deterred with its air defence", [])
    assert "no verb" in kinds("Vice President Biden, in Poland to assure allies of support", [])
    assert "no verb" not in kinds("Washington, Seoul and Tokyo condemn the launch", [])


def test_a_picture_caption_and_a_bare_attribution():
    caption = "A commuter watches a TV report at Seoul Station, in the center of the capital."
    assert "caption" in kinds("A commuter watches a TV report at Seoul Station", [caption])
    quoted = "Agencies quoted the aviation agency."
    assert "attribution" in kinds("Agencies quoted the aviation agency", [quoted])


def test_two_events_with_one_title_share_it():
    def event(key: str) -> SystemEvent:
        return SystemEvent(
            key,
            date(2024, 1, 1),
            None,
            "day",
            (Source("a.txt", "Allies condemned the missile launch."),),
            title="Allies condemn the missile launch",
        )

    audit = audit_titles([event("one"), event("two")])
    assert audit.count("shared") == 2
    assert audit.lines()[0].startswith("titles: 2 faulty (cut off 0, pronoun/unnamed 0, dateline 0, quoted 0, shared 2")


def test_an_object_pointing_back_at_a_happening_it_does_not_name_is_unnamed():
    assert "pronoun/unnamed" in kinds("Elbonia condemns the launch", ["Elbonia condemned the launch."])
    assert "pronoun/unnamed" in kinds("The senate ratifies that treaty", ["The senate ratified that treaty."])
    assert kinds("Elbonia condemns Ruritania's launch", ["Elbonia condemned the launch."]) == []
    sentence = "Ruritania's senate ratified the treaty with Elbonia."
    assert kinds("Ruritania's senate ratifies the treaty with Elbonia", [sentence]) == []
    sentence = "Elbonia says that attack was planned in Ruritania."
    assert "pronoun/unnamed" not in kinds("Elbonia says that attack was planned in Ruritania", [sentence])


def test_a_noun_phrase_named_from_another_sentence_is_not_cut_off():
    sources = ["A drone strike hit the depot, killing four guards.", "Ruritania blamed Elbonia for the attack."]
    assert kinds("Ruritania blames Elbonia for the drone strike", sources) == []


def test_a_time_left_out_between_two_words_is_no_splice():
    night = "The border guards said raiders crossed the river overnight and burned a depot."
    assert "cut off" not in kinds("The border guards say raiders crossed the river and burned a depot", [night])
    weekend = "The two sailors rescued by the coast guard over the weekend have returned home."
    assert "cut off" not in kinds("The two sailors rescued by the coast guard have returned home", [weekend])
    clock = "The agency said the probe left the pad at 9.15pm and reached orbit at 9.31pm."
    assert "cut off" not in kinds("The agency says the probe left the pad and reached orbit", [clock])
    place = "The jets flew over Lisbon and landed."
    assert "cut off" in kinds("The jets flew Lisbon and landed", [place])


def test_a_name_owning_the_subject_is_found_in_its_sentence_without_the_possessive():
    sentence = '"We open a new chapter for Ruritania," the rebels said.'
    assert "pronoun/unnamed" not in kinds("Ruritania's rebels open a new chapter for Ruritania", [sentence])
    assert "pronoun/unnamed" in kinds("Freedonia's rebels open a new chapter", [sentence])


def test_a_share_of_the_vote_is_no_object_pointing_back():
    sentence = "Jan Novak won a second term with 58 percent of the vote, the board said."
    assert "pronoun/unnamed" not in kinds("Jan Novak wins a second term with 58 percent of the vote", [sentence])
    assert "pronoun/unnamed" in kinds("Elbonia condemns the vote", ["Elbonia condemned the vote."])


def test_it_lets_a_title_stop_before_a_time_phrase_its_sentence_goes_on_with():
    for title, source in (
        ("The council endorses the law", "The council endorsed the law the following day."),
        (
            "A court issues a warrant for the ship",
            "A court issued a warrant for the ship the next day, but no one acted.",
        ),
        (
            "A strong earthquake strikes the valley",
            "A strong earthquake struck the valley shortly before noon on Sunday.",
        ),
        ("Divers pull nine sailors from the hull", "Divers pulled nine sailors from the hull overnight, but two died."),
    ):
        assert not any(f.startswith("cut off") for f in title_faults(title, [source])), title


def test_an_owner_named_in_the_subject_before_names_the_title_s_subject():
    faults = title_faults(
        "Osterlich's coast guard accuses Ruritania of fishing in its waters",
        ["It accused Ruritania of fishing in its waters."],
        ["Osterlich's coast guard said it had stopped two trawlers."],
    )
    assert not faults


def test_it_reads_a_present_verb_before_a_counted_object():
    assert "no verb" not in title_faults("Divers in Hel pull two people from the water", ["x"])


def test_a_time_then_more_of_the_phrase_is_still_a_cut():
    faults = title_faults(
        "Ruritania agrees to host ten rockets", ["Ruritania agreed to host ten rockets after 18 months of talks."]
    )
    assert not faults  # "after ..." opens a clause of its own
    faults = title_faults(
        "A quake hit with its centre near Dorn", ["A quake hit at 11:56 a.m. local time with its centre near Dorn."]
    )
    assert not faults
    faults = title_faults(
        "Ana Roe announces rockets will be deployed at Dorn",
        ["Ana Roe announced that rockets would be deployed at Dorn and that jets would escort bombers."],
    )
    assert not faults


def test_a_duration_or_a_clock_time_after_the_title_s_end_is_no_cut():
    assert not title_faults(
        "Osterlich says hackers were inside the ministry's network",
        ["Osterlich said hackers were inside the ministry's network for about 14 months before the raid."],
    )
    assert not title_faults(
        "Ana Roe convenes her ministers at the palace and orders a search",
        ["Ana Roe convened her ministers at the palace shortly before 11 p.m. and ordered a search."],
    )
