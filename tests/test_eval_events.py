"""The event scorer on tiny hand-made gold and predictions (no model needed)."""

from __future__ import annotations

from lagebild.evaluate.events import gold_events, pred_event, score

TEXT = ("Die Armee griff am Montag die Stadt an. Danach forderte die Regierung Gespräche. "
        "Die Polizei nahm zwei Demonstranten fest.")
S1 = "Die Armee griff am Montag die Stadt an."
S2 = "Danach forderte die Regierung Gespräche."
S3 = "Die Polizei nahm zwei Demonstranten fest."


def _gold_event(sentence: str, trigger: str, plover: str, actor: list[str], recipient: list[str], **kw) -> dict:
    start = TEXT.index(sentence) + sentence.index(trigger)
    ev = {"sentence": sentence, "trigger": {"text": trigger, "start": start, "end": start + len(trigger)},
          "plover": plover, "mode": None, "cameo": kw.get("cameo", "190"),
          "actor": [{"code": c} for c in actor], "recipient": [{"code": c} for c in recipient],
          "location": {"country": kw["country"]} if kw.get("country") else None,
          "date": kw.get("date"), "modality": kw.get("modality", "asserted"), "dead": kw.get("dead"),
          "injured": None}
    return ev


def _pred(sentence: str, trigger: str, plover: str, actor: list[str], recipient: list[str], **kw) -> dict:
    start = TEXT.index(sentence) + sentence.index(trigger)
    return {"sentence": sentence, "trigger": {"text": trigger, "start": start, "end": start + len(trigger)},
            "plover": {"type": plover}, "cameo": {"code": kw.get("cameo", "190")},
            "actor": [{"code": c} for c in actor], "recipient": [{"code": c} for c in recipient],
            "location": {"country": kw["country"]} if kw.get("country") else None, "date": kw.get("date"),
            "modality": kw.get("modality", "asserted"), "dead": kw.get("dead"), "injured": None}


def _article(events: list[dict]) -> dict:
    return {"id": "a1", "text": TEXT, "date": "2020-01-08", "events": events}


def test_matching_is_per_sentence_type_and_one_to_one() -> None:
    gold = gold_events(_article([
        _gold_event(S1, "griff", "ASSAULT", ["SYRMIL"], [], country="SYR",
                    date={"value": "2020-01-06", "precision": "day"}),
        _gold_event(S2, "forderte", "REQUEST", ["SYRGOV"], [], cameo="106"),
        _gold_event(S3, "nahm", "COERCE", ["SYRCOP"], ["SYROPP"], cameo="173"),
    ]))
    pred = [pred_event("a1", p) for p in [
        # right sentence and type, wrong actor country
        _pred(S1, "griff", "ASSAULT", ["TURMIL"], [], country="SYR", date={"value": "2020-01-06", "precision": "day"}),
        # a second ASSAULT in the same sentence: only one may match (one-to-one)
        _pred(S1, "Stadt", "ASSAULT", ["SYRMIL"], [], country="TUR"),
        # right type, but the trigger lies in another sentence than the gold REQUEST
        _pred(S3, "Polizei", "REQUEST", ["SYRGOV"], []),
        # right sentence, wrong type
        _pred(S2, "forderte", "ACCUSE", ["SYRGOV"], []),
        # full match
        _pred(S3, "nahm", "COERCE", ["SYRCOP"], ["SYROPP"], cameo="173"),
    ]]
    r = score(gold, pred)
    assert r["event"]["tp"] == 2  # S1 ASSAULT once, S3 COERCE
    assert r["event"]["precision"] == round(2 / 5, 4)
    assert r["event"]["recall"] == round(2 / 3, 4)
    # the triple matching may use the second S1 ASSAULT, whose actor set is right
    assert r["triple"]["tp"] == 2
    assert r["triple_country"]["tp"] == 2
    assert r["by_type"]["REQUEST"]["tp"] == 0 and r["by_type"]["ACCUSE"]["n_pred"] == 1
    # attributes use the event pairing, which prefers the same trigger ("griff"): its location and date agree
    assert r["location_country_accuracy"] == 1.0
    assert r["date_accuracy"] == 1.0


def test_triple_needs_equal_code_sets_and_country_variant_compares_prefixes() -> None:
    gold = gold_events(_article([_gold_event(S1, "griff", "ASSAULT", ["SYRMIL", "RUSMIL"], ["SYRREB"])]))
    subset = [pred_event("a1", _pred(S1, "griff", "ASSAULT", ["SYRMIL"], ["SYRREB"]))]
    r = score(gold, subset)
    assert r["event"]["tp"] == 1 and r["triple"]["tp"] == 0 and r["triple_country"]["tp"] == 0
    same_countries = [pred_event("a1", _pred(S1, "griff", "ASSAULT", ["SYRGOV", "RUSGOV"], ["SYROPP"]))]
    r = score(gold, same_countries)
    assert r["triple"]["tp"] == 0 and r["triple_country"]["tp"] == 1
    # an empty gold recipient only matches an empty predicted recipient
    gold2 = gold_events(_article([_gold_event(S1, "griff", "ASSAULT", ["SYRMIL"], [])]))
    r = score(gold2, [pred_event("a1", _pred(S1, "griff", "ASSAULT", ["SYRMIL"], ["SYRREB"]))])
    assert r["triple"]["tp"] == 0
    r = score(gold2, [pred_event("a1", _pred(S1, "griff", "ASSAULT", ["SYRMIL"], []))])
    assert r["triple"]["tp"] == 1


def test_attributes_date_precision_modality_and_casualties() -> None:
    gold = gold_events(_article([
        _gold_event(S1, "griff", "ASSAULT", ["SYRMIL"], [], date={"value": "2020-01-01", "precision": "month"},
                    dead=3, cameo="195"),
        _gold_event(S3, "nahm", "COERCE", ["SYRCOP"], [], modality="future", cameo="173"),
    ]))
    pred = [pred_event("a1", p) for p in [
        _pred(S1, "griff", "ASSAULT", ["SYRMIL"], [], date={"value": "2020-01-06", "precision": "day"}, dead=3,
              cameo="190"),
        _pred(S3, "nahm", "COERCE", ["SYRCOP"], [], date={"value": "2020-01-08", "precision": "day"}, cameo="1041"),
    ]]
    r = score(gold, pred)
    assert r["cameo_root_accuracy"] == 0.5  # 195 and 190 share root 19; 173 and 1041 do not
    assert r["date_accuracy"] == 0.5  # month precision agrees; gold null date vs predicted date does not
    assert r["modality_accuracy"] == 0.5
    assert r["casualty_accuracy"] == 1.0
