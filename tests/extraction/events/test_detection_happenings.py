"""Happenings of the news that make an event of their own, and sentences dated by the ones around them."""

from datetime import date

from timeline.extraction.events.detection import classify
from timeline.extraction.pipeline import extract_article


def _mentions(text: str, published: date) -> list[tuple[str, date | None]]:
    found = extract_article(text, published=published).mentions
    return [(m.event_type, m.date.start if m.date else None) for m in found]


def test_a_count_or_a_process_halted_or_taken_up_again_is_a_happening():
    assert classify("The election board halted its vote tally on Friday night.", missile_context=False) == "other"
    assert classify("The commission stopped publishing the results on Friday.", missile_context=False) == "other"
    assert classify("The airline suspended all flights to the island on Monday.", missile_context=False) == "other"
    assert classify("When the tally resumed on Saturday, the gap had narrowed.", missile_context=False) == "other"
    assert classify("The talks were suspended on Tuesday.", missile_context=False) == "other"
    assert classify("The board stopped to think about it.", missile_context=False) is None


def test_arson_is_an_attack():
    assert classify("Rioters set fire to a police station in the capital on Sunday.", missile_context=False) == (
        "attack"
    )
    assert classify("A mob torched two buses outside the stadium.", missile_context=False) == "attack"
    assert classify("Demonstrators burned the offices of the ruling party.", missile_context=False) == "attack"
    assert classify("The chef burned the toast.", missile_context=False) is None


def test_a_border_crossing_closed_or_reopened_is_a_happening():
    assert classify("Poland closed two crossings on its eastern frontier.", missile_context=False) == "other"
    assert classify("The navy sealed the strait to shipping on Sunday.", missile_context=False) == "other"
    assert classify("The three northern crossings closed at midnight on Friday.", missile_context=False) == "other"


def test_a_decision_to_act_is_a_happening():
    assert classify("The cabinet decided on Monday to expel two envoys.", missile_context=False) == "other"
    assert classify("Last week the council decided to reopen the port.", missile_context=False) == "other"
    assert classify("The council decided to be patient.", missile_context=False) is None


def test_an_arrival_in_a_country_or_a_city_is_a_happening():
    assert classify("The exiled leader arrived in Lisbon on a military jet.", missile_context=False) == "other"
    assert classify("The parcel arrived in good shape.", missile_context=False) is None


def test_a_speech_to_a_gathering_by_video_is_a_statement():
    sentence = "The prime minister spoke to the congress in a filmed video, praising the delegates."
    assert classify(sentence, missile_context=False) == "statement"
    assert classify("The king addressed the assembly by video link.", missile_context=False) == "statement"


def test_a_body_with_a_relative_aside_that_said_on_a_day_it_was_concerned_is_a_statement_of_that_day():
    text = (
        "The regional bloc, which had sent monitors to the polls, said on Monday that it was concerned by the delays."
    )
    assert _mentions(text, date(2021, 3, 10)) == [("statement", date(2021, 3, 8))]


def test_told_reporters_on_a_day_dates_the_telling():
    text = "The spokesman told reporters on Monday that the drill was a provocation and accused the navy of lying."
    assert _mentions(text, date(2021, 3, 10)) == [("statement", date(2021, 3, 8))]


def test_hours_earlier_takes_the_day_of_the_sentence_before_that_gives_one():
    text = (
        "The senate sat late on Tuesday and chose a new speaker.\n\n"
        "The vote was close.\n\n"
        "Hours earlier, the former president arrived in Madrid on a chartered plane."
    )
    assert ("other", date(2021, 3, 9)) in _mentions(text, date(2021, 3, 10))


def test_a_gathering_the_report_opens_with_gives_its_day_to_what_happens_at_it():
    text = (
        "The premier skipped a trade forum in Nairobi on Tuesday, sending his deputy instead.\n\n"
        "The forum drew some two thousand delegates.\n\n"
        "The chancellor spoke to the forum in a filmed video, praising the new rules."
    )
    assert ("statement", date(2021, 3, 9)) in _mentions(text, date(2021, 3, 10))


def test_opening_fire_on_a_target_is_an_attack():
    assert classify("Coast guard cutters opened fire on two fishing boats.", missile_context=False) == "attack"


def test_armed_force_told_by_other_words_is_an_attack():
    for sentence in (
        "Chilean soldiers fired on a Bolivian patrol near Colchane on Monday.",
        "Gunmen shot dead two police officers in Kano on Monday.",
        "Militants gunned down six villagers in Borno on Monday.",
        "Security forces raided the protest camp before dawn on Friday.",
        "Protesters stormed the parliament building on Saturday.",
        "Russian artillery pounded Kharkiv overnight.",
        "Insurgents detonated a car bomb outside the ministry on Monday.",
        "Fighters infiltrated southern Israel on Saturday.",
        "Gunmen abducted 300 schoolboys from a school in Kankara on Friday.",
        "At least 80 pupils were kidnapped in Kuriga on Thursday.",
    ):
        assert classify(sentence, missile_context=False) == "attack", sentence


def test_words_of_force_that_tell_no_attack_do_not_make_one():
    assert classify("The minister stormed out of the meeting on Monday.", missile_context=False) != "attack"
    assert classify("The shots fired on Sunday may be the third.", missile_context=False) != "attack"
    # the victims of an abduction named by what happens to them later: their release is the news
    freed = "More than 340 schoolboys abducted from their school last week were freed on Thursday night."
    assert classify(freed, missile_context=False) != "attack"


def test_in_the_evening_takes_the_day_of_the_sentence_before_that_gives_one():
    text = (
        "The standoff started at dawn on Saturday near the island.\n\n"
        "In the evening, border guards opened fire on the trawler and towed it to port."
    )
    assert ("attack", date(2021, 3, 6)) in _mentions(text, date(2021, 3, 8))


def test_a_telling_before_the_press_is_a_statement_even_of_a_plan():
    sentence = "The governor has told a news conference that she will call a fresh vote."
    assert classify(sentence, missile_context=False) == "statement"
    assert classify("The mayor told a press briefing that the roads were clear.", missile_context=False) == (
        "statement"
    )


def _kind(sentence: str) -> str | None:
    return classify(sentence, missile_context=False)


def test_a_crowd_rallying_or_marching_somewhere_is_a_happening():
    assert _kind("Several hundred students rallied outside the parliament in Lima on Friday.") == "other"
    assert _kind("Farmers marched through the capital on Sunday, blocking traffic.") == "other"
    assert _kind("The party has rallied behind its leader.") is None


def test_a_vote_that_decides_is_a_happening():
    assert _kind("The assembly voted 88 to 40, with 3 abstentions, to remove the governor.") == "other"
    assert _kind("The senate voted to ratify the accord on Wednesday.") in ("other", "agreement")
    assert _kind("The lower house impeached the president on Monday.") == "other"


def test_a_courts_decision_on_a_person_is_a_happening():
    assert _kind("A court in Tbilisi sentenced the opposition leader to four years in prison.") == "other"
    assert _kind("On Friday a judge ordered the former minister to remain in custody for six months.") == "other"
    assert _kind("The two journalists were acquitted on Monday.") == "other"


def test_a_convoy_reaching_its_destination_is_a_happening():
    assert _kind("The first aid convoy in three months reached the besieged town on Tuesday.") == "other"


def test_talks_opening_are_a_meeting_but_talks_beginning_to_falter_are_not():
    assert _kind("Talks between the two governments opened in Doha on Monday.") == "diplomatic meeting"
    assert _kind("The talks began to falter within hours.") is None


def test_an_act_in_the_simple_past_on_a_day_the_sentence_gives_is_a_happening_of_no_set_kind():
    from timeline.extraction.events.detection import acted

    assert acted("On Monday, a chamber of the high court threw out the two appeals.")
    assert acted("The freighter weighed anchor and left Greek waters on Friday morning.")
    assert acted("The banned party held a rally on Monday.")
    assert not acted("Officials said 40 prisoners had been released on Friday.")  # a telling: a statement's rule
    assert not acted("The minister was a critic of the plan.")
    assert not acted("The council would have approved the plan on Monday.")
    found = _mentions("The port authority reopened the northern terminal on Tuesday.", date(2024, 3, 7))
    assert found == [("other", date(2024, 3, 5))]
    assert _mentions("The port authority reopened the terminal after Tuesday's storm.", date(2024, 3, 7)) == []


def test_force_at_sea_short_of_arms_is_an_attack():
    assert _kind("Two coast guard ships fired water cannon at the supply boat on Saturday.") == "attack"
    assert _kind("The trawler came under water cannon fire near the reef.") == "attack"
    assert _kind("A patrol vessel rammed a fishing boat off the island.") == "attack"


def test_a_text_put_to_the_people_is_a_vote():
    sentence = (
        "Voters endorsed the new charter, which widens the president's powers, in Sunday's referendum, the board said."
    )
    assert _kind(sentence) == "election"


def test_the_act_searched_for_is_the_main_clauses_not_one_after_it():
    from timeline.extraction.events.detection import acted

    assert not acted("The seizure on Friday came hours after a court extended the detention of the ship.")


def test_an_act_followed_by_the_words_that_explain_it_is_the_act():
    assert _kind("Ruritania expelled two diplomats on Monday, accusing them of spying.") == "other"
    assert _kind("The president condemned the raid on Sunday, calling it barbaric.") == "statement"


def test_a_participle_after_its_noun_is_not_the_clauses_act():
    from timeline.extraction.events.detection import acted

    assert not acted("The shells fired on Sunday may be the last.")
    assert acted("Forty hostages seized last week were freed on Thursday night.")


def test_speech_told_in_a_clause_of_the_why_leaves_the_act_the_news():
    assert _kind("The premier resigned on Sunday after the army chief urged him to step down.") == "other"


def test_a_labelled_summary_listing_happenings_is_no_event():
    text = "Key points: the army seized the airport; the president resigned; talks opened in Geneva."
    assert _mentions(text, date(2024, 3, 7)) == []


def test_the_time_of_a_trailing_participle_clause_does_not_date_the_act():
    found = _mentions(
        "The premier dismissed the criticism, citing the riot of March 3 in the capital.", date(2024, 3, 7)
    )
    assert found == []
    found = _mentions(
        "Ruritania froze payments, including bonds, late on Monday, citing a lack of cash.", date(2024, 3, 7)
    )
    assert found and found[0][1] == date(2024, 3, 4)


def test_an_emergency_session_held_is_a_meeting():
    meeting = "diplomatic meeting"
    assert classify("Alliance envoys held an extraordinary meeting in Brussels.", missile_context=False) == meeting
    assert classify("The council convened an emergency session on the crisis.", missile_context=False) == meeting
    assert classify("The board held its meeting to plan the budget.", missile_context=False) is None


def test_hours_before_dawn_count_from_the_dawn_of_the_day_given():
    text = (
        "Camp cleared\n\nHours before dawn on Friday, hundreds of police officers raided the protest camp "
        "outside the ministry and tore down its tents."
    )
    assert _mentions(text, date(2024, 3, 16)) == [("attack", date(2024, 3, 15))]


def test_a_leading_when_clause_tells_the_happening_when_the_main_clause_tells_none():
    text = (
        "A vote ignored\n\nWhen the assembly elected Maria Lopez as president on Wednesday, it did what the "
        "street had begged it not to do."
    )
    found = extract_article(text, published=date(2024, 3, 16)).mentions
    assert [(m.event_type, m.date.start) for m in found] == [("other", date(2024, 3, 13))]
    assert found[0].title.startswith("The assembly elects Maria Lopez")
    # a main clause with an act of its own keeps it
    text = "Airport taken\n\nAfter rebels seized the airport on Sunday, the president fled the capital."
    assert [m.title for m in extract_article(text, published=date(2024, 3, 16)).mentions] == [
        "The president flees the capital"
    ]


def test_an_accident_or_a_rule_coming_into_force_on_a_day_is_a_happening():
    spill = "Coast fouled\n\nAbout 2,000 barrels of crude spilled into the bay last Saturday while a tanker unloaded."
    assert _mentions(spill, date(2024, 3, 20)) == [("other", date(2024, 3, 16))]
    rules = "Curbs bite\n\nThe new export rules came into force on March 4, the trade ministry said."
    assert _mentions(rules, date(2024, 3, 20)) == [("other", date(2024, 3, 4))]
    # "came" alone still gives way to the verb it introduces
    assert classify("The seizure came hours after a court extended the detention.", missile_context=False) is None


def test_acts_of_war_and_of_state_in_the_act_lexicon_make_happenings_of_their_day():
    for sentence in (
        "Rioters torched the regional governor's office on Sunday.",
        "The ministry blacklisted four shipping firms on Sunday.",
        "Rebel fighters overran the garrison town on Sunday.",
        "The new president was sworn in on Sunday.",
    ):
        assert _mentions(f"News\n\n{sentence}", date(2024, 3, 20)), sentence


def test_agreeing_to_resign_is_no_pact_and_a_fronted_day_dates_the_telling_without_a_comma():
    assert classify("The governor agreed to resign next week.", missile_context=False) != "agreement"
    assert classify("The rebels agreed to release 40 prisoners on Friday.", missile_context=False) == "agreement"
    text = (
        "Residence overrun\n\nProtesters overran the governor's residence on Saturday, and on Sunday the speaker "
        "said the governor had agreed to resign next week."
    )
    found = extract_article(text, published=date(2022, 7, 11)).mentions
    assert [(m.event_type, m.date.start) for m in found] == [
        ("other", date(2022, 7, 9)),
        ("statement", date(2022, 7, 10)),
    ]


def test_people_taken_who_are_the_subject_of_a_later_verb_are_not_the_sentences_happening():
    s = "The two soldiers captured by the army and shown to the press over the weekend have turned a quiet question loud."
    assert classify(s, missile_context=False) is None
    assert _mentions(f"Captives\n\n{s}", date(2025, 1, 13)) == []
    assert classify("Three sailors captured by the navy on Sunday.", missile_context=False) == "other"


def test_an_agreement_suspended_or_scrapped_is_no_agreement_made():
    assert classify("The cabinet agreed to suspend part of the 2018 military agreement.", missile_context=False) == (
        "other"
    )
    assert classify("The two sides signed a peace agreement on Friday.", missile_context=False) == "agreement"


def test_an_amount_of_time_does_not_place_the_sentence_at_another_time():
    # Wednesday, 2015-04-29: the appeal was launched that day; "three months of relief" is what it pays for
    text = (
        "Quake relief\n\nRescuers searched the ruins of Kathmandu on Wednesday.\n\n"
        "The weather was mild.\n\nThe weather was dry.\n\n"
        "The United Nations and its partners launched a flash appeal for $415 million to fund three months of relief."
    )
    found = extract_article(text, published=date(2015, 4, 29)).mentions
    appeal = [m for m in found if "appeal" in m.summary]
    assert appeal and not any(m.other_time for m in appeal)


def test_a_named_officials_verdict_on_the_happening_is_a_statement_even_undated():
    text = (
        "Embassy stormed\n\nProtesters stormed the British embassy in Tehran on Tuesday.\n\n"
        'British Foreign Secretary William Hague said the attack was "utterly unacceptable".'
    )
    ex = extract_article(text, published=date(2011, 11, 29))
    verdicts = [e for e in ex.events if any("unacceptable" in ex.mentions[i].summary for i in e.mentions)]
    assert [e.event_type for e in verdicts] == ["statement"]  # a reaction of its own, not the storming
    # an unnamed voice saying the same is no news
    plain = 'Protesters stormed the British embassy in Tehran on Tuesday.\n\nSome said the attack was "unacceptable".'
    assert not any("unacceptable" in m.summary for m in extract_article(plain, published=date(2011, 11, 29)).mentions)


def test_blaming_someone_is_an_accusation_told_by_the_one_who_blames():
    from timeline.extraction.events.detection import statement_speaker

    sentence = (
        "Iran's foreign minister, Hossein Amir-Abdollahian, blamed Israel for the attack and said Tehran would act."
    )
    assert classify(sentence, missile_context=False) == "statement"
    assert statement_speaker(sentence) == "Iran"
    assert classify("The fire was blamed on faulty wiring.", missile_context=False) is None


def test_the_force_of_nature_is_no_attack():
    text = "Quake\n\nA magnitude 7.8 earthquake struck central Nepal on Saturday, killing more than 1,000 people."
    assert [t for t, _ in _mentions(text, date(2015, 4, 25))] == ["other"]
    armed = "Shelling\n\nRebels shelled the town on Monday, days after the earthquake."
    assert [t for t, _ in _mentions(armed, date(2015, 4, 27))] == ["attack"]


def test_a_happening_told_before_its_telling_is_the_happening_whatever_its_kind():
    told_first = (
        "The protocol on Ruritania's accession to the alliance has entered into force, the State Department announced."
    )
    assert classify(told_first, missile_context=False) == "agreement"
    # a telling of a telling stays a statement
    twice = "Earlier in the week, a newspaper revealed how troops had been sent to the border, the alliance confirmed."
    assert classify(twice, missile_context=False) == "statement"
    # and so does a confirmation that something was done, told after its telling
    assert (
        classify("The Pentagon confirmed that Ruritania had sent 10,000 troops abroad.", missile_context=False)
        == "statement"
    )


def test_a_text_named_before_going_on_is_no_telling_of_its_own():
    text = (
        "Pact\n\nOn Thursday, Ruritania's defence ministry said it would no longer be bound by the pact.\n\n"
        "The statement blamed Borduria for the breakdown."
    )
    assert not any("blamed" in m.summary for m in extract_article(text, published=date(2023, 11, 24)).mentions)


def test_a_telling_dated_by_its_own_day_keeps_its_act_of_no_set_kind_as_news():
    text = (
        "Prisoners\n\nUkrainian troops have captured two Ruritanian soldiers in the Kursk region, President "
        "Volodymyr Zelensky announced on Saturday."
    )
    assert [t for t, _ in _mentions(text, date(2025, 1, 12))] == ["statement"]


def test_calling_a_happening_names_is_a_verdict_whatever_the_happening():
    sentence = 'President Ana Roe called the downing "a stab in the back" and said it would have consequences.'
    assert classify(sentence, missile_context=False) == "statement"


def test_a_craft_that_vanished_is_a_happening():
    text = "Flight lost\n\nA Ruritanian military plane vanished from radar over the sea on Sunday."
    assert [t for t, _ in _mentions(text, date(2024, 12, 9))] == ["other"]
