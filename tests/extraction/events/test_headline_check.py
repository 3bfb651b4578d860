"""Titles that do not read as headlines, and what stands in for them."""

from timeline.extraction.events.headline_check import headline_faults, strip_dateline, trimmed_sentence
from timeline.extraction.events.headlines import write_title


def test_a_complete_clause_with_a_named_subject_reads_as_a_headline():
    assert headline_faults("North Korea fires an ICBM into the sea") == []


def test_each_kind_of_failure_is_named():
    assert "no named subject" in headline_faults("The admission confirms an assessment it holds")
    assert "no named subject" in headline_faults("It came moments after the vote")
    assert "cut off" in headline_faults("Officials in Seoul say the missile was probably a weapon similar")
    assert "cut off" in headline_faults("The test originated from the county at approximately")
    assert "cut off" in headline_faults("U.S. President Joe Biden meets")
    assert "dateline or label" in headline_faults("MOSCOW — President Vladimir Putin signs a treaty")
    assert "no named subject" in headline_faults("Will be met with stronger sanctions than before")
    assert "no named subject" in headline_faults("Came four days after the council tightened sanctions")
    assert "no named subject" in headline_faults("Failed to prevent the land grab")
    assert headline_faults("Willem-Alexander opens the new parliament") == []
    assert "dateline or label" in headline_faults("The big picture: Iran attacks Israel")
    assert "opens with a phrase, not a subject" in headline_faults("Appearing on state-run TV")
    assert "quotation" in headline_faults('"We will respond," the minister says')
    assert "starts inside a word or a sentence" in headline_faults("E declare the end of an era")


def test_a_dateline_never_heads_a_title():
    assert strip_dateline("SEOUL, Oct 31 (Reuters) - North Korea fired a missile.") == "North Korea fired a missile."
    assert strip_dateline("BERLIN/PARIS - The ministers met in Rome.") == "The ministers met in Rome."
    title = write_title("SEOUL, Oct 31 (Reuters) - North Korea fired an intercontinental ballistic missile.")
    assert title == "North Korea fires an intercontinental ballistic missile"


def test_a_pronoun_or_an_unnamed_subject_gives_way_to_the_clause_reported():
    title = write_title(
        "The admission confirms an assessment it holds that Pyongyang sent soldiers to fight for Moscow."
    )
    assert title == "Pyongyang sends soldiers to fight for Moscow"
    title = write_title("It came hours after the ministry announced new sanctions on three Iranian firms.")
    assert title == "The ministry announces new sanctions on three Iranian firms"


def test_a_participle_opening_gives_way_to_the_sentence_trimmed():
    title = write_title(
        "Appearing on state-run TV hours after the result, the officers said they were cancelling the result, "
        "suspending the government and closing the borders."
    )
    assert not title.startswith("Appearing") and "cancelling the result" in title


def test_the_sentence_trimmed_loses_its_attribution_and_is_cut_only_between_clauses():
    assert trimmed_sentence("Rebels seized the airport, the army said.") == "Rebels seized the airport"
    long = "Rebels seized the airport and the port, while the army withdrew south to regroup near the old capital."
    assert trimmed_sentence(long, max_chars=60) == "Rebels seized the airport and the port"


def test_a_short_quotation_loses_its_marks():
    assert write_title("The Russian president accused Prigozhin of “treason” after the mutiny.") == (
        "The Russian president accuses Prigozhin of treason"
    )


def test_a_picture_caption_and_a_bare_attribution_are_told_apart_from_news():
    from timeline.extraction.events.headline_check import headline_faults, is_caption

    assert is_caption("A commuter watches a TV report at Seoul Station, in the center of the capital.")
    assert is_caption("Protesters gather outside parliament (AP Photo/Jane Doe).")
    assert not is_caption("North Korea fired a missile on Monday, the military said.")
    assert "attribution only" in headline_faults("Three agencies quoted the Aviation Agency")


def test_a_subject_that_names_no_one_is_an_unnamed_subject():
    assert "unnamed subject" in headline_faults("The state radio quickly issues a statement on the failure")
    assert "unnamed subject" in headline_faults("The two envoys agree to extend the truce")
    assert "unnamed subject" in headline_faults("The bank's board meets in Basel")
    assert headline_faults("The Dutch navy seizes a tanker") == []
    assert headline_faults("The 12-member Arctic Council meets in Oslo") == []


def test_a_verb_inside_a_relative_clause_is_not_the_titles_verb():
    assert "no verb" in headline_faults("The second try by Oslo, which fails over a valve fault, and a third")
    assert "no verb" not in headline_faults("The second try by Oslo, which fails over a valve fault, ends early")


def test_a_share_of_the_vote_points_back_at_nothing():
    from timeline.extraction.events.headline_check import pointing_object

    assert pointing_object("Jan Novak wins a second term with 58 percent of the vote") == ""
    assert pointing_object("Elbonia condemns the vote") == "the vote"


def test_an_owners_apostrophe_after_an_s_is_no_quotation():
    assert "quotation" not in headline_faults("The army declares an alert following Elbonias’ attack")
    assert "quotation" in headline_faults("The envoy calls the plan ‘a trap’")


def test_an_attribution_in_the_middle_splices_two_clauses():
    spliced = "Novak was named the winner, the generals said they were voiding the result"
    assert "two sentences" in headline_faults(spliced)
    assert "two sentences" not in headline_faults("The generals say they are voiding the result, closing the borders")


def test_a_title_telling_what_someone_said_needs_a_verb_in_what_is_told():
    assert "attribution only" in headline_faults("Unicef says the first convoy of aid to enter the region")
    assert headline_faults("Unicef says the first convoy of aid reached the region") == []
    assert headline_faults("Kenya says it would host the talks") == []


def test_the_trimmed_sentence_leaves_out_an_attribution_and_the_detail_after_it():
    sentence = "The convoy reached the town on Monday, the agency said: 15 trucks carrying wheat and oil."
    assert trimmed_sentence(sentence) == "The convoy reached the town on Monday"


def test_a_verb_known_by_its_past_reads_as_a_verb_after_its_subject_only():
    assert "no verb" not in headline_faults("Ruritania and Osterlich swap prisoners near Velka")
    assert "no verb" in headline_faults("The prisoner swap near Velka")


def test_a_told_clause_with_a_present_verb_we_do_not_list_is_no_bare_attribution():
    assert "attribution only" not in headline_faults("Ana Roe says the bloc encourages both sides to talk")
    assert "attribution only" in headline_faults("Ana Roe says the first convoy of aid to enter the region")
