"""Views, plans, guesses, questions and background: sentences that tell no happening."""

from timeline.extraction.events.modality import background, is_question, tells_no_happening, vows_response


def test_a_plan_or_schedule_is_no_happening():
    assert tells_no_happening("The two leaders will meet in Geneva next week.")
    assert tells_no_happening("The ministry plans to send more troops to the border.")
    assert tells_no_happening("The agency said it will try again in October.")


def test_a_conditional_or_a_modal_is_no_happening():
    assert tells_no_happening("The strike would trigger a wider war if it went ahead.")
    assert tells_no_happening("The cabinet is expected to approve the deal on Sunday.")
    assert tells_no_happening("The launch was certain to invite strong condemnation.")


def test_an_opinion_or_a_guess_told_as_held_is_no_happening():
    assert tells_no_happening("Officials have said the delay was likely caused by foreign help.")
    assert tells_no_happening("Analysts said the missile was probably a solid-fuel weapon.")


def test_a_question_is_no_happening():
    assert is_question("What do we know about the attack?")
    assert tells_no_happening("Who fired the rockets?")
    assert not is_question('He asked "why now?" and left the room.')


def test_a_past_act_before_a_modal_is_still_reported():
    assert not tells_no_happening("The army fired a missile that could reach the mainland.")
    assert not tells_no_happening("The minister warned that the country would retaliate.")
    assert not tells_no_happening("The rebels seized the airport in May.")


def test_background_marks_itself():
    assert background("In recent years, the army has been preparing for a direct attack.")
    assert background("The leaders have previously warned of more decisive actions.")
    assert not background("The army fired two missiles on Monday.")


def test_an_effort_under_way_is_no_happening():
    assert tells_no_happening("The agency said it was trying to determine how many troops had been sent.")


def test_a_photo_caption_is_no_happening():
    assert tells_no_happening("A woman watches a news broadcast at a railway station in the capital on June 2.")
    assert tells_no_happening("Smoke is seen over the harbour after the strike on Monday.")
    assert tells_no_happening("Two boys look at a burned-out car in the market square")
    assert not tells_no_happening("Two soldiers were killed in the attack on Monday.")
    assert not tells_no_happening("Several governments condemned the test.")


def test_a_pledge_to_try_again_is_a_plan():
    assert tells_no_happening("The agency pledged to make a second attempt within weeks.")
    assert tells_no_happening("The rebels vowed to attack again.")
    assert not tells_no_happening("The army admitted the test had failed, vowing that it would try again.")


def test_a_commentators_view_is_analysis_not_a_happening():
    assert tells_no_happening("Some regional analysts said the drills were a warning to the new government.")
    assert tells_no_happening("An expert interviewed by a local radio, a retired colonel, said the strike was planned.")
    assert not tells_no_happening("The defence ministry said the drills ended on Friday.")


def test_a_forecast_of_what_another_will_do_is_no_happening():
    assert tells_no_happening("The ministry said it expected the rebels to withdraw within a week.")
    assert not tells_no_happening("The army expected the attack and moved its tanks.")


def test_a_vow_to_answer_anothers_act_told_by_its_speaker_is_a_happening():
    assert vows_response("Peru will respond to the expulsion of its envoys, the ministry said on Monday.")
    assert vows_response('The spokesman said the move was a mistake and that Peru would take "reciprocal measures".')
    assert not tells_no_happening("Peru will respond to the expulsion of its envoys, the ministry said on Monday.")
    # the writer's own future, an analyst's view and a plan to act again stay what they were
    assert not vows_response("Peru will respond to the expulsion of its envoys.")
    assert not vows_response("Analysts said Peru would respond in kind.")
    assert not vows_response("The council said it will take all necessary measures to keep order.")
    assert tells_no_happening("The agency said it will try again in October.")


def test_a_habit_told_in_the_perfect_is_background():
    assert background("The envoy has repeatedly accused the government of bad faith.")
    assert not background("The envoy accused the government of bad faith on Monday.")


def test_a_forecasters_warning_of_what_may_come_is_no_happening():
    assert tells_no_happening("Economists warned that such sanctions would hurt local consumers as well.")
    assert tells_no_happening("Some German economists warned that the tariffs could hurt German exporters too.")
    assert tells_no_happening("Geologists warned that further quakes could not be ruled out.")
    # what they measured or saw is news
    assert not tells_no_happening("Seismologists recorded a magnitude 7 quake on Friday.")
    assert not tells_no_happening("Scientists said the quake struck at 3 a.m. on Friday.")
    # a government's warning of its own answer is
    assert not tells_no_happening("The ministry warned that it would retaliate against the expulsions.")


def test_a_measure_announced_by_those_who_take_it_is_news():
    assert not tells_no_happening("Chile said on Monday it would restrict exports of lithium to two buyers.")
    assert not tells_no_happening("The ministry said on Friday that it would expel two diplomats.")
    # a plan to try, an aid offer, a condition or an observer's guess stay out
    assert tells_no_happening("The agency said it will try again in October.")
    assert tells_no_happening("Officials said the government would impose sanctions if the talks failed.")
    assert tells_no_happening("Analysts said Chile would restrict exports.")


def test_what_may_come_told_with_have_is_no_hypothetical_past():
    # "would have serious consequences" looks ahead; the act told before it is the news
    assert not tells_no_happening(
        'The president called the downing "a betrayal" and said it would have serious consequences for relations.'
    )
    assert tells_no_happening("Officials said the strike could have killed dozens.")
