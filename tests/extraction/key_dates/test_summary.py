from timeline.extraction.key_dates.summary import Candidate, best_summary, readable


def c(text, *, own_day=True, fresh=True, dated=True, lede=False, rank=0, order=0):
    return Candidate(text=text, own_day=own_day, fresh=fresh, dated=dated, lede=lede, rank=rank, order=order)


def test_a_sentence_opening_on_a_pronoun_or_a_pointer_does_not_stand_alone():
    assert readable("He said the army had seized power in the capital on Monday.") == ""
    assert readable("The statement said the leader had watched the launch.") == ""
    assert readable("Soldiers seized the state broadcaster in the capital on Monday.")


def test_a_dateline_is_taken_off():
    assert readable("MINSK (Reuters) - Riot police broke up a march of thousands in Minsk on Sunday.") == (
        "Riot police broke up a march of thousands in Minsk on Sunday."
    )


def test_the_fresh_report_of_the_day_wins_over_a_later_look_back():
    back = c("Since the coup on February 1, more than 700 people have been killed.", fresh=False, order=0)
    news = c("The army seized power on Monday and detained the country's elected leaders.", order=5)
    assert best_summary([back, news], "fallback").startswith("The army seized power")


def test_a_plan_gives_way_to_what_happened():
    plan = c("Opposition leaders will meet in the capital next week to plan a vote on a government.", lede=True)
    done = c("Opposition lawmakers formed a government in exile on Friday, naming ethnic leaders to it.")
    assert best_summary([plan, done], "fallback").startswith("Opposition lawmakers")


def test_the_title_stands_in_when_no_sentence_reads_alone():
    assert best_summary([c("They did.")], "Army seizes power") == "Army seizes power"
    assert best_summary([], "Army seizes power") == "Army seizes power"
