"""Title choice: a caption does not head an event, and a title another event shows is not chosen again."""

from timeline.extraction.events.title_choice import TitleCandidate, best_title


def test_a_caption_gives_way_to_the_report_of_the_launch():
    caption = TitleCandidate(
        "A commuter watches a TV report of the rocket launch at Seoul Station",
        sentence="A commuter watches a TV report of the rocket launch at Seoul Station.",
    )
    report = TitleCandidate(
        "North Korea's rocket launch fails", sentence="North Korea's rocket launch failed on Wednesday.", order=1
    )
    assert best_title([caption, report], "missile test") == "North Korea's rocket launch fails"


def test_a_title_another_event_shows_is_not_chosen_again():
    a = TitleCandidate("Allies condemn the launch", sentence="Washington, Seoul and Tokyo condemned the launch.")
    b = TitleCandidate(
        "Washington, Seoul and Tokyo condemn the launch",
        sentence="Washington, Seoul and Tokyo condemned the launch.",
        order=1,
    )
    chosen = best_title([a, b], "statement", taken={"Allies condemn the launch"})
    assert chosen == "Washington, Seoul and Tokyo condemn the launch"
    alone = best_title([b], "statement", taken={b.title})
    assert alone != b.title and "condemned the launch" in alone
