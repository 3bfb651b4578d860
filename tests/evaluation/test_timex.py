"""Scoring a tagger against MEANTIME-style XML by TempEval-3's rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.evaluation.timex import Span, evaluate, load_corpus, load_document, ours, score_document

XML = """<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Test" lang="en">
<token number="0" sentence="0" t_id="1">Markets</token>
<token number="1" sentence="0" t_id="2">fall</token>
<token number="2" sentence="1" t_id="3">October</token>
<token number="3" sentence="1" t_id="4">9</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2008</token>
<token number="6" sentence="2" t_id="7">Stocks</token>
<token number="7" sentence="2" t_id="8">fell</token>
<token number="8" sentence="2" t_id="9">on</token>
<token number="9" sentence="2" t_id="10">Wednesday</token>
<token number="10" sentence="2" t_id="11">for</token>
<token number="11" sentence="2" t_id="12">three</token>
<token number="12" sentence="2" t_id="13">days</token>
<token number="13" sentence="2" t_id="14">(</token>
<token number="14" sentence="2" t_id="15">AP</token>
<token number="15" sentence="2" t_id="16">)</token>
<token number="16" sentence="2" t_id="17">.</token>
<token number="17" sentence="3" t_id="18">Traders</token>
<token number="18" sentence="3" t_id="19">met</token>
<token number="19" sentence="3" t_id="20">in</token>
<token number="20" sentence="3" t_id="21">2007</token>
<token number="21" sentence="3" t_id="22">.</token>
<Markables>
<EVENT_MENTION m_id="9"><token_anchor t_id="8"/></EVENT_MENTION>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2008-10-09">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2008-10-08"><token_anchor t_id="10"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DURATION" value="P3D">
<token_anchor t_id="12"/><token_anchor t_id="13"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="4" type="DATE" value="2008-10-09"></TIMEX3>
</Markables>
</Document>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "intra-doc_annotation" / "corpus_test"
    folder.mkdir(parents=True)
    (folder / "1_Test.xml").write_text(XML, encoding="utf-8")
    return tmp_path


def test_it_rebuilds_the_text_with_offsets_for_every_timex(corpus: Path) -> None:
    doc = load_document(next(corpus.rglob("*.xml")))
    assert (
        doc.text == "Markets fall\nOctober 9, 2008\nStocks fell on Wednesday for three days (AP).\nTraders met in 2007."
    )
    assert doc.dct == date(2008, 10, 9)
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("October 9, 2008", "DATE", "2008-10-09"),
        ("Wednesday", "DATE", "2008-10-08"),
        ("three days", "DURATION", "P3D"),
    ]
    for g in doc.gold:
        assert doc.text[g.start : g.end] == g.text


def test_it_scores_only_the_annotated_sentences(corpus: Path) -> None:
    doc = load_document(next(corpus.rglob("*.xml")))
    assert doc.text[: doc.annotated_end].endswith("(AP).")
    report = evaluate([doc], ours)
    figures = report.overall.figures()
    assert (figures["gold"], figures["system"]) == (3, 3)  # "2007" lies after the annotated region
    assert figures["strict_f1"] == figures["value_f1"] == 1.0


def test_it_counts_strict_and_relaxed_matches_and_values() -> None:
    gold = [Span(0, 10, "DATE", "2025-02-26"), Span(20, 30, "DURATION", "P3D"), Span(40, 45, "DATE", "2025")]
    system = [Span(0, 10, "DATE", "2025-02-26"), Span(18, 30, "DATE", "P3D"), Span(50, 55, "DATE", "2024")]
    scores = score_document(gold, system)
    assert (scores.strict_system, scores.strict_gold) == (1, 1)
    assert (scores.relaxed_system, scores.relaxed_gold) == (2, 2)
    assert (scores.pairs, scores.type_correct, scores.value_correct) == (2, 1, 2)
    figures = scores.figures()
    assert figures["relaxed_f1"] == pytest.approx(2 / 3)
    assert figures["value_f1"] == pytest.approx(2 / 3)
    assert figures["type_f1"] == pytest.approx(1 / 3)
    assert [kind for kind, _, _ in scores.errors] == ["value", "missed", "spurious"]


def test_it_meets_the_targets_on_meantime(meantime_dir: Path) -> None:
    report = evaluate(load_corpus(meantime_dir), ours)
    overall = report.overall.figures()
    assert overall["gold"] > 400
    assert overall["value_f1"] >= 0.85
    assert overall["relaxed_f1"] >= 0.92
    assert report.by_type["DATE"].figures()["value_acc"] >= 0.90
