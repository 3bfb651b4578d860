from dataclasses import replace
from datetime import date

from tests.timex_helpers import timex
from timeline.extraction.events.detection import classify, detect
from timeline.extraction.gazetteer import default_gazetteer
from timeline.extraction.lexicon.event_types import OTHER
from timeline.extraction.segment import segment


def test_it_classifies_event_types():
    assert classify("Iran test-fired a ballistic missile over the gulf.", missile_context=False) == "missile test"
    assert classify("Poland sent 2,000 troops to its eastern border.", missile_context=False) == "troop deployment"
    assert classify("Macron met Scholz in Berlin for talks.", missile_context=False) == "diplomatic meeting"
    assert classify("China warned Taiwan against the visit.", missile_context=False) == "statement"
    assert classify("The EU imposed new sanctions on Belarus.", missile_context=False) == "sanctions"
    assert classify("Japan and India signed a defence agreement.", missile_context=False) == "agreement"
    assert classify("The weather was mild in Paris.", missile_context=False) is None


def test_it_reads_a_bare_launch_as_a_missile_test_only_in_a_missile_story():
    assert classify("The launch came as talks stalled.", missile_context=True) == "missile test"
    assert classify("The launch came as talks stalled.", missile_context=False) is None


def test_it_reads_a_verdict_on_a_launch_as_a_statement():
    sentence = 'A Japanese spokesman called the launch "a grave threat" to the region.'
    assert classify(sentence, missile_context=True) == "statement"


def test_it_detects_mentions_with_actors_and_skips_hypotheticals_and_headlines():
    text = (
        "Iran launches missiles\n\n"
        "Iran fired two ballistic missiles toward the Red Sea on Tuesday.\n\n"
        "Analysts said Iran could have fired more missiles if it wanted to.\n\n"
        "The weather in Tehran was warm."
    )
    passages = segment(text)
    found = detect(text, passages, [timex(text, "Tuesday", date(2024, 5, 7))], date(2024, 5, 9), default_gazetteer())
    assert [m.passage for m in found] == [1]
    m = found[0]
    assert m.event_type == "missile test"
    assert m.actors == ("Iran",) and m.places == ("Red Sea",)
    assert m.date.start == date(2024, 5, 7)


def test_it_keeps_a_plain_quote_only_when_the_article_dates_it():
    text = '"We are watching closely," Blinken said.\n\n"We expect more soon," Blinken said on Friday.'
    passages = segment(text)
    found = detect(text, passages, [timex(text, "Friday", date(2024, 5, 3))], date(2024, 5, 4), default_gazetteer())
    assert [(m.passage, m.event_type, m.speaker) for m in found] == [(1, "statement", "Antony Blinken")]


def test_it_reads_no_statement_into_a_denied_or_missing_speech_act():
    assert classify("Officials did not immediately confirm the report about Iran.", missile_context=False) is None
    assert classify("Tehran has not yet announced its decision.", missile_context=False) is None
    assert classify("Tehran announced its decision on Monday.", missile_context=False) == "statement"


def test_it_types_by_the_act_the_sentence_reports_not_by_any_keyword():
    sentence = "The report says Serbia has supplied rebels with shells and with rockets that they have fired at towns."
    assert classify(sentence, missile_context=True) != "missile test"
    assert classify("Two rockets fired from drones struck a fuel depot, killing three.", missile_context=True) == (
        "attack"
    )
    assert classify("Chile test-fired a new rocket at dawn from its southern range.", missile_context=True) == (
        "missile test"
    )


def test_it_reads_a_treaty_signed_long_ago_in_a_remark_as_no_agreement():
    sentence = (
        "Asked about the border, the minister replied that the treaty the two countries signed in 1998 still held."
    )
    assert classify(sentence, missile_context=False) != "agreement"
    assert classify("The treaty was signed in Lima by both presidents.", missile_context=False) == "agreement"


def test_it_knows_joining_ratifying_and_new_sanctions():
    assert classify("Montenegro became the 29th member of NATO.", missile_context=False) == "agreement"
    assert classify("Parliament ratified the accession treaty on Tuesday.", missile_context=False) == "agreement"
    assert classify("Ministers adopted a new package of sanctions on Belarus.", missile_context=False) == "sanctions"
    assert classify("The leaders agreed to tighten sanctions on Iran.", missile_context=False) == "sanctions"


def test_it_calls_an_ambiguous_sentence_a_statement_or_other():
    told = "Officials said the convoy, which had carried troops to the border, was empty."
    assert classify(told, missile_context=False) in ("statement", None)
    assert classify("Moscow has neither confirmed nor denied the deployment.", missile_context=False) is None


def test_it_makes_no_event_of_background_dated_long_before_the_article():
    text = "The council first imposed sanctions on Iran in 2009.\n\nIran fired a missile on Tuesday."
    passages = segment(text)
    timexes = [
        timex(text, "2009", date(2009, 1, 1), precision="year", end=date(2009, 12, 31)),
        timex(text, "Tuesday", date(2024, 5, 7)),
    ]
    found = detect(text, passages, timexes, date(2024, 5, 9), default_gazetteer())
    assert [m.passage for m in found] == [1]


def test_it_titles_the_mention_from_its_reporting_sentence():
    text = "Iran said on Tuesday that it had test-fired a new cruise missile the previous evening."
    passages = segment(text)
    found = detect(text, passages, [timex(text, "Tuesday", date(2024, 5, 7))], date(2024, 5, 9), default_gazetteer())
    assert found[0].title == "Iran says it test-fired a new cruise missile"
    assert found[0].summary == text


def test_it_knows_coups_arrests_and_agreements_to_act():
    assert classify("Soldiers detained the president inside his residence on Wednesday.", missile_context=False) == (
        "other"
    )
    assert classify("Rebel units agreed yesterday to lay down their weapons.", missile_context=False) == "agreement"
    assert classify("Delegations are holding talks in Geneva today.", missile_context=False) == "diplomatic meeting"
    assert classify("The country hosts French and American troops.", missile_context=False) != "diplomatic meeting"
    assert classify("The former minister conceded defeat on Sunday.", missile_context=False) == "statement"


def test_it_dates_an_election_by_the_day_it_names():
    text = "Ana Souza became president yesterday after her party won Sunday's runoff election."
    passages = segment(text)
    tx = [timex(text, "yesterday", date(2024, 5, 6)), timex(text, "Sunday", date(2024, 5, 5))]
    (found,) = detect(text, passages, tx, date(2024, 5, 7), default_gazetteer())
    assert found.event_type == "election" and found.date.start == date(2024, 5, 5)


def test_it_reads_an_analyst_view_as_a_statement_not_a_happening():
    sentence = "Analysts note that the timing of the launch makes a deal less likely."
    assert classify(sentence, missile_context=True) == "statement"
    assert classify("Officials said the launch took place at dawn.", missile_context=True) == "missile test"


def test_it_knows_ambushes_declared_results_and_agreeing_on_a_text():
    assert classify("Gunmen ambushed a police patrol near the border on Sunday.", missile_context=False) == "attack"
    result = "The electoral council declared Lopez the winner of Sunday's presidential election."
    assert classify(result, missile_context=False) == "election"
    border = "Armenia and Azerbaijan agreed on Friday on the first section of their shared border."
    assert classify(border, missile_context=False) == "agreement"
    assert classify("The ministers agreed on the need for more talks.", missile_context=False) is None


def test_it_reads_a_meeting_before_the_words_said_at_it_as_a_meeting():
    sentence = "The Chinese premier met the bloc's leaders on Thursday and urged them to keep out rivals."
    assert classify(sentence, missile_context=False) == "diplomatic meeting"
    assert classify("The premier warned the bloc's leaders on Thursday.", missile_context=False) == "statement"


def test_it_makes_a_dated_claim_by_a_speaker_the_gazetteer_does_not_know_a_statement():
    text = "Maria Lopez said on Monday that tally sheets showed her candidate had won."
    passages = segment(text)
    found = detect(text, passages, [timex(text, "Monday", date(2024, 7, 29))], date(2024, 7, 30), default_gazetteer())
    assert [(m.event_type, m.speaker) for m in found] == [("statement", "Maria Lopez")]


def test_it_gives_a_statement_by_the_agency_to_the_agency_named_before():
    text = (
        "Iran met officials of the International Atomic Energy Agency on Saturday.\n\n"
        "In a report to member states on Tuesday, the agency said inspectors had found enriched particles."
    )
    passages = segment(text)
    tx = [timex(text, "Saturday", date(2023, 3, 4)), timex(text, "Tuesday", date(2023, 2, 28))]
    found = detect(text, passages, tx, date(2023, 3, 5), default_gazetteer())
    report = next(m for m in found if m.passage == 1)
    assert report.event_type == "statement"
    assert report.speaker == "International Atomic Energy Agency"
    assert report.date.start == date(2023, 2, 28)


def test_it_reads_blockades_and_street_protests_as_happenings_without_a_type():
    farmers = "Farmers blocked roads leading to three border crossings on Friday."
    assert classify(farmers, missile_context=False) == "other"
    assert classify("Thousands took to the streets of the capital on Monday.", missile_context=False) == "other"
    assert classify("The road was blocked by snow.", missile_context=False) is None


def test_it_reads_missiles_fired_at_a_ship_as_an_attack():
    sentence = "The group fired two anti-ship missiles at a tanker in the Gulf of Aden on Wednesday."
    assert classify(sentence, missile_context=True) == "attack"


def test_it_makes_no_event_of_a_campaign_under_way_since_a_date():
    text = "The allies have carried out strikes on rebel targets since January."
    passages = segment(text)
    tx = [timex(text, "January", date(2024, 1, 1), "month", date(2024, 1, 31))]
    assert detect(text, passages, tx, date(2024, 6, 13), default_gazetteer()) == []


def _kinds(text: str) -> list[str]:
    from datetime import date

    from timeline.extraction.pipeline import extract_cleaned

    return [m.event_type for m in extract_cleaned(text, published=date(2024, 5, 8)).mentions]


def test_an_opinion_a_plan_a_conditional_and_a_question_make_no_mention():
    assert _kinds("Analysts argue that the missile test was a message to Washington.") in ([], ["statement"])
    assert _kinds("Iran will launch more missiles at Israel next week.") == []
    assert _kinds("Iran would attack Israel if the strikes continued.") == []
    assert _kinds("Did Iran attack Israel on Monday?") == []


def test_background_from_years_before_makes_no_mention():
    assert _kinds("Russia invaded Ukraine in February 2014, long before the current talks.") == []
    assert _kinds("In recent years, Israel has been preparing for a direct attack by Iran.") == []


def test_it_types_a_telling_by_the_happening_it_reports_but_keeps_a_vow_a_statement():
    assert (
        classify("The officers announced on television that they had seized power.", missile_context=False) == "attack"
    )
    assert classify("Rebels announced they had captured the capital.", missile_context=False) == "attack"
    assert classify("The rebels claimed they had captured the city.", missile_context=False) == "attack"
    assert classify("The army confirmed that it had arrested the minister.", missile_context=False) == "other"
    assert classify("The president vowed to retaliate for the attack.", missile_context=False) == "statement"
    assert classify("The ministry condemned the strikes on the city.", missile_context=False) == "statement"
    assert classify("The ministry announced a new aid package.", missile_context=False) == "statement"
    assert (
        classify("An official confirmed the figure, stressing the scale of the attack.", missile_context=False)
        == "statement"
    )


def test_it_reads_present_perfect_news_as_told_now_but_not_a_tally_or_a_stance():
    from timeline.extraction.events.detection import told_as_news

    assert told_as_news("The interior minister has ordered the closure of all schools, his office said.")
    assert told_as_news("The opposition leader has been arrested at his home.")
    assert not told_as_news("The militia has been firing shells at the town since May.")
    assert not told_as_news("The army has so far retaken 12 villages.")
    assert not told_as_news("Both capitals have denied any role in the blast.")
    assert not told_as_news("The blockade has led to shortages of fuel.")
    assert not told_as_news("The envoy has been a frequent critic of the government.")


def test_it_finds_news_told_as_an_appeal_an_offer_a_defeat_or_a_call_up():
    assert (
        classify(
            "The foreign minister ended the summit with an appeal to the neighbours to reopen the border.",
            missile_context=False,
        )
        == "statement"
    )
    assert (
        classify("The exiled leader appeared in a video posted online, pleading for help.", missile_context=False)
        == "statement"
    )
    assert (
        classify("The interior minister said that the cabinet is ready to step down.", missile_context=False)
        == "statement"
    )
    assert (
        classify("The governing party was defeated in a general election on Sunday.", missile_context=False)
        == "election"
    )
    assert (
        classify("The defence minister has approved the call-up of 10,000 reservists.", missile_context=False)
        == "troop deployment"
    )
    assert classify("The senate ratified the country's admission to the bloc.", missile_context=False) == "agreement"
    assert classify("The ministers held phone talks on the crisis.", missile_context=False) == "diplomatic meeting"


def test_it_takes_an_office_holder_the_gazetteer_lacks_as_an_actor():
    from timeline.extraction.events.detection import titled_name

    assert titled_name("Interior Minister Ana Ruiz-Vega has resigned.") == "Ana Ruiz-Vega"
    assert titled_name("Prime Minister Karim al-Rashid said the talks failed.") == "Karim al-Rashid"
    assert titled_name("The prime minister said the talks failed.") == ""


def test_it_dates_a_happening_told_beside_the_reports_news_on_the_day_the_lede_gives():
    text = (
        "The two presidents opened their summit in the port city on Wednesday with a tour of the shipyard.\n\n"
        "They discussed grain exports and energy, officials said.\n\n"
        "The talks ran late into the evening.\n\n"
        "Hours before the summit, the navy fired two cruise missiles into the sea, the defence ministry said."
    )
    passages = segment(text)
    found = detect(text, passages, [timex(text, "Wednesday", date(2023, 3, 8))], date(2023, 3, 9), default_gazetteer())
    missile = next(m for m in found if "cruise missiles" in m.summary)
    assert missile.date is not None and missile.date.start == date(2023, 3, 8)


def test_it_names_a_body_by_its_initials_when_the_gazetteer_lacks_it():
    from timeline.extraction.events.detection import initials_subject

    assert initials_subject("The WFP has suspended deliveries to the region.") == "WFP"
    assert initials_subject("A convoy reached the town.") == ""


def test_a_host_welcoming_a_named_guest_is_a_meeting_but_welcoming_a_decision_is_not():
    assert (
        classify("The king welcomed President Ana Ruiz to the palace on Monday.", missile_context=False)
        == "diplomatic meeting"
    )
    assert classify("The minister welcomed the decision.", missile_context=False) is None


def test_a_stance_told_in_the_present_or_over_a_span_is_not_the_days_news():
    from timeline.extraction.events.detection import told_as_news

    assert not told_as_news("Aid groups warn that the returned refugees could face reprisals.")
    assert not told_as_news("Both governments denied any arms trade for most of the period the inquiry covers.")
    assert told_as_news("The government denied the report.")


def test_an_offer_on_conditions_is_news():
    text = (
        "The mayor spoke to reporters on Monday.\n\n"
        "The mayor said the city was ready to reopen the bridge if the army withdrew its checkpoints."
    )
    passages = segment(text)
    found = detect(text, passages, [timex(text, "Monday", date(2024, 2, 5))], date(2024, 2, 6), default_gazetteer())
    assert any("reopen the bridge" in m.summary and m.event_type == "statement" for m in found)


def test_a_speaker_going_on_in_the_next_sentence_is_dated_by_the_first_telling():
    text = (
        "Two hundred soldiers were wounded near the front, Volodymyr Zelensky said on Monday.\n\n"
        "Zelensky warned that the enemy could attack again."
    )
    passages = segment(text)
    found = detect(text, passages, [timex(text, "Monday", date(2024, 2, 5))], date(2024, 2, 6), default_gazetteer())
    warning = next(m for m in found if "warned" in m.summary)
    assert warning.date is not None and warning.date.start == date(2024, 2, 5)


def test_a_page_updated_the_next_day_reads_that_days_weekday_as_that_day():
    text = (
        "Drones were fired at the capital on Saturday night, the army said.\n\n"
        "At 3 a.m. on Sunday, the army withdrew its troops from the border villages.\n\n"
        "Smoke rose over the city on April 14, 2024."
    )
    passages = segment(text)
    saturday, sunday, week_before = date(2024, 4, 13), date(2024, 4, 14), date(2024, 4, 7)
    tx = [timex(text, "Saturday night", saturday), timex(text, "3 a.m. on Sunday", week_before)]
    tx.append(replace(timex(text, "April 14, 2024", sunday), anchor_kind="absolute"))
    found = detect(text, passages, tx, saturday, default_gazetteer())
    lifted = next(m for m in found if "withdrew" in m.summary)
    assert lifted.date is not None and lifted.date.start == sunday


def test_a_verdict_on_a_launch_is_a_statement_even_with_its_verb_in_quotes():
    talks = 'The foreign ministers held phone talks and "strongly condemned" the latest launch.'
    assert classify(talks, missile_context=True) == "statement"
    verdict = "The defence minister said the repeated missile launches were a threat to the region."
    assert classify(verdict, missile_context=True) == "statement"
    assert classify("The navy said the launch was conducted at dawn.", missile_context=True) == "missile test"


def test_it_types_by_the_clause_act_not_by_a_gerund_after_a_preposition():
    # a gerund after a preposition tells the manner of another act: the news here is what the speaker said
    sentence = "Efforts to isolate Iran by imposing sanctions had failed, the minister said."
    assert classify(sentence, missile_context=False) == "statement"
    # the same verbs as the clause's own act keep their kind
    assert classify("The bloc imposed sanctions on six banks on Friday.", missile_context=False) == "sanctions"
    assert classify("Ministers agreed to impose sanctions on the junta.", missile_context=False) == "sanctions"
    assert classify("Peru sent 2,000 troops to the border on Monday.", missile_context=False) == "troop deployment"


def test_it_reads_soldiers_taken_prisoner_as_no_attack():
    assert classify(
        "Three Chadian soldiers captured by the rebels were shown on television.", missile_context=False
    ) == ("other")
    assert (
        classify("The army said it had captured two enemy soldiers near the river.", missile_context=False) != "attack"
    )
    assert classify("Rebels captured the town of Goma on Tuesday.", missile_context=False) == "attack"
    assert classify("Rebels attacked the base and captured 20 soldiers.", missile_context=False) == "attack"


def test_it_reads_a_meeting_for_the_ceremony_of_an_accession_as_the_agreement():
    sentence = (
        "The secretary general welcomed President Lidia Novak to the headquarters for a ceremony marking the accession."
    )
    assert classify(sentence, missile_context=False) == "agreement"
    assert classify("Chile hosted a signing ceremony for the trade accord on Monday.", missile_context=False) == (
        "agreement"
    )
    # a meeting with no ceremony of an agreement stays a meeting
    assert classify("The president met the prime minister in Rome on Monday.", missile_context=False) == (
        "diplomatic meeting"
    )
    assert classify("The president visited the memorial ceremony in Kyiv on Monday.", missile_context=False) == (
        "diplomatic meeting"
    )


def test_it_reads_a_decision_taken_by_a_vote_as_a_happening():
    for sentence in (
        "China vetoed a draft resolution on the ceasefire on Tuesday.",
        "The Security Council adopted a resolution extending the mission on Monday.",
        "Parliament passed the new security law on Wednesday.",
    ):
        assert classify(sentence, missile_context=False) == OTHER, sentence
    # a vote still to come, or a tally of the votes, is not a decision taken
    assert classify("The council could adopt a resolution next week.", missile_context=False) is None
    assert classify("Thirteen of the fifteen members voted for the text.", missile_context=False) is None


def test_a_titled_name_at_the_end_of_a_sentence_leaves_the_full_stop_out():
    from timeline.extraction.events.detection import titled_name

    assert titled_name("Soldiers detained President Tomas Arvelo.") == "Tomas Arvelo"
    assert titled_name("The envoy met President John Q.") == "John Q."


def test_a_tally_of_happenings_over_a_span_is_no_happening_of_its_own():
    from timeline.extraction.events.detection import _TALLY_OF_HAPPENINGS

    assert _TALLY_OF_HAPPENINGS.search("Ruritania has now fired more than a dozen missiles this year.")
    assert _TALLY_OF_HAPPENINGS.search("The militia has carried out 14 drone strikes so far.")
    assert not _TALLY_OF_HAPPENINGS.search("The quake has killed more than 2,000 people since Friday.")
    assert not _TALLY_OF_HAPPENINGS.search("Ruritania fired two missiles on Tuesday.")


def test_joining_a_body_named_in_several_words_is_an_accession():
    assert classify("Ruritania became the 33rd member of the North Atlantic Alliance on Tuesday.",
                    missile_context=False) == "agreement"  # fmt: skip
    assert classify("Ruritania joined the Arab League on Monday.", missile_context=False) == "agreement"


def test_it_knows_a_signed_protocol_several_agreements_and_a_document_signed_in_the_passive():
    assert classify(
        "Peru and Chile have signed a protocol on moving patrols off the river.", missile_context=False
    ) == ("agreement")
    assert classify("The two presidents signed 12 agreements in Lima on Friday.", missile_context=False) == (
        "agreement"
    )
    assert classify("The document was signed on Tuesday at a customs post.", missile_context=False) == "agreement"
    assert classify("The documents were seized by the police.", missile_context=False) != "agreement"


def test_it_reads_an_envoy_summoned_as_a_happening_of_its_own():
    assert classify("The ministry summoned the Peruvian ambassador on Monday.", missile_context=False) == OTHER
    assert classify("Lima summoned Chile's envoy, Ana Ruiz, to protest.", missile_context=False) == OTHER


def test_it_reads_a_post_and_an_address_through_a_medium_as_statements():
    assert classify("The senator wrote on Twitter that the vote was rigged.", missile_context=False) == "statement"
    assert classify("The queen addressed farmers directly in a video on Monday.", missile_context=False) == (
        "statement"
    )
    assert classify("The premier used a speech in Lima on Friday to question the tariffs.", missile_context=False) == (
        "statement"
    )
    assert classify("The delegates used the meeting to discuss trade.", missile_context=False) is None


def test_it_reads_a_nomination_as_a_happening_but_not_an_appointee_named_by_it():
    assert classify(
        "On Monday, President Ana Lima nominated Pedro Alves to form a cabinet.", missile_context=False
    ) == (OTHER)
    assert classify("The king appointed a new prime minister.", missile_context=False) == OTHER
    assert classify("Pedro Alves was appointed envoy to Chile.", missile_context=False) == OTHER
    assert classify("The newly appointed Ambassador Ana Ruiz said little.", missile_context=False) is None


def test_it_reads_a_vow_to_answer_told_by_its_speaker_as_a_statement():
    assert classify("Chile will respond to the expulsion of its consul, the ministry said.", missile_context=False) == (
        "statement"
    )
    assert classify("Chile will respond to the expulsion of its consul.", missile_context=False) is None


def test_a_summit_the_act_comes_from_is_not_its_meeting():
    assert classify("The premier flew home from the regional summit in Lima.", missile_context=False) is None
    assert classify("The premiers met at the summit in Lima.", missile_context=False) == "diplomatic meeting"


def test_a_happening_told_in_a_relative_clause_within_the_one_named_gives_its_kind():
    sentence = "The minister's trip last week, during which she signed two treaties, had angered the opposition."
    assert classify(sentence, missile_context=False) == "agreement"


def test_the_speaker_is_the_subject_not_a_name_in_the_aside_that_describes_it():
    from timeline.extraction.events.detection import statement_speaker

    said = "On Monday, Kim Yo Jong, the sister of leader Kim Jong Un, accused Seoul of sending drones over the border."
    assert statement_speaker(said) == "Kim Yo Jong"


def test_the_speaker_is_the_subject_of_the_telling_not_a_name_the_rest_of_the_sentence_brings_up():
    from timeline.extraction.events.detection import statement_speaker

    said = ("Kim Jong Un has crossed into Russia, Russian and North Korean officials said on Tuesday, "
            "on his way to a meeting with President Vladimir Putin.")  # fmt: skip
    assert statement_speaker(said) == "North Korea"
    assert (
        statement_speaker("The talks were useful, said Sergei Lavrov after meeting Antony Blinken.") == "Sergei Lavrov"
    )


def test_a_satellite_put_into_orbit_is_a_launch_told_by_its_outcome():
    assert classify("Ruritania put a new weather satellite in orbit on Friday.", missile_context=False) == (
        "missile test"
    )
    assert classify("The satellite reached its planned orbit on Friday.", missile_context=False) == "missile test"


def test_a_toll_someone_gives_is_their_statement_not_an_attack_of_that_day():
    from datetime import date

    from timeline.extraction.pipeline import extract_article

    text = "More than 400 troops have been killed or wounded in the border region, Defence Minister Ana Roe said on Monday."
    (m,) = extract_article(text, published=date(2024, 5, 8)).mentions
    assert m.event_type == "statement" and m.date.start == date(2024, 5, 6) and not m.date.telling


def test_a_statement_told_in_the_past_perfect_is_background_to_the_news():
    from datetime import date

    from timeline.extraction.pipeline import extract_article

    said = "Officials in Rivia had warned earlier this week that the army appeared to be massing near the river."
    assert extract_article(said, published=date(2024, 10, 31)).mentions == []
    news = "Officials in Rivia warned on Tuesday that the army appeared to be massing near the river."
    assert [m.event_type for m in extract_article(news, published=date(2024, 10, 31)).mentions] == ["statement"]


def test_a_result_the_sentence_measures_its_news_from_does_not_make_it_an_election():
    said = "Hours after a board proclaimed Ana Roe the winner of the vote, the generals announced they had voided the count."
    assert classify(said, missile_context=False) != "election"
    assert classify("The board proclaimed Ana Roe the winner of the vote.", missile_context=False) == "election"
