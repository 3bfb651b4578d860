from datetime import date

from timeline.extraction.key_dates.scoring import WEIGHTS, DayEvidence, day_scores, pick_days, weights_with


def d(day: int) -> date:
    return date(2021, 3, day)


def test_a_day_later_reports_look_back_at_beats_a_busy_day_no_one_recalls():
    recalled = DayEvidence(day=d(1), events=1, sources=2, later_references=6, published_after=2, kind=1.0)
    busy = DayEvidence(day=d(10), events=4, sources=3, published_after=4, kind=0.3)
    assert [p.day for p in pick_days([recalled, busy], 1)] == [d(1)]


def test_the_kind_of_happening_breaks_an_even_count():
    attack = DayEvidence(day=d(3), events=1, sources=2, kind=1.0)
    words = DayEvidence(day=d(4), events=1, sources=2, kind=0.3)
    assert [p.day for p in pick_days([attack, words], 1, weights_with(spread_days=0))] == [d(3)]


def test_the_day_after_a_picked_day_gives_way_to_a_day_of_its_own():
    big = DayEvidence(day=d(1), events=3, sources=5, references=5, kind=1.0)
    next_day = DayEvidence(day=d(2), events=2, sources=4, references=4, kind=1.0)
    apart = DayEvidence(day=d(20), events=2, sources=3, references=3, kind=1.0)
    scores = day_scores([big, next_day, apart])
    assert scores[d(2)] > scores[d(20)]  # alone, the day after would win
    assert [p.day for p in pick_days([big, next_day, apart], 2)] == [d(1), d(20)]


def test_days_come_back_in_date_order_with_their_scores():
    days = [DayEvidence(day=d(n), events=1, sources=n) for n in (9, 3, 6)]
    picked = pick_days(days, 3, weights_with(spread_days=0))
    assert [p.day for p in picked] == [d(3), d(6), d(9)]
    assert picked[2].score > picked[0].score


def test_asking_for_more_days_than_there_are_gives_them_all_and_none_for_zero():
    days = [DayEvidence(day=d(1), events=1, sources=1)]
    assert len(pick_days(days, 5)) == 1
    assert pick_days(days, 0) == [] and pick_days([], 3) == []


def test_the_weights_live_in_one_place():
    assert weights_with(sources=2.0).sources == 2.0 and weights_with().later_days == WEIGHTS.later_days


def test_look_backs_count_against_the_reports_that_came_later():
    # Two look-backs among the three reports published after a late day say more than two among sixty.
    late = DayEvidence(day=d(28), events=1, sources=1, later_references=2, published_later=3, kind=0.6)
    early = DayEvidence(day=d(2), events=1, sources=1, later_references=2, published_later=60, kind=0.6)
    assert [p.day for p in pick_days([late, early], 1)] == [d(28)]
    raw = weights_with(later_prior=0)
    assert day_scores([late, early], raw)[d(28)] == day_scores([late, early], raw)[d(2)]


def test_a_day_only_named_in_sentences_is_not_taken_for_the_least_weighty_kind():
    named = DayEvidence(day=d(5), references=3, later_references=2, published_later=10)
    assert day_scores([named])[d(5)] > day_scores([named], weights_with(unknown_kind=0))[d(5)]
