from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from lagebild.evaluate.ner import bio_spans, read_sentences


def test_bio_spans_handles_iob1_and_iob2() -> None:
    assert bio_spans(["B-PER", "I-PER", "O", "B-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}
    assert bio_spans(["I-ORG", "I-ORG", "I-LOC", "O"]) == {(0, 2, "ORG"), (2, 3, "LOC")}
    assert bio_spans(["B-LOC", "B-LOC"]) == {(0, 1, "LOC"), (1, 2, "LOC")}


def test_format_detection(tmp_path: Path) -> None:
    ge = tmp_path / "ge.tsv"
    ge.write_text("#\tsource\n1\tAngela\tB-PER\tO\n2\tMerkel\tI-PER\tO\n3\treiste\tO\tO\n4\tnach\tO\tO\n"
                  "5\tParis\tB-LOC\tO\n\n", encoding="utf8")
    fmt, sents = read_sentences(ge)
    assert fmt == "germeval" and sents[0][0][:2] == ["Angela", "Merkel"]
    co = tmp_path / "co.conll"
    co.write_text("-DOCSTART- O\n\nAngela NE I-PER\nMerkel NE I-PER\nreiste VV O\nnach APPR O\nParis NE I-LOC\n",
                  encoding="utf8")
    fmt, sents = read_sentences(co)
    assert fmt == "conll" and sents[0][1][4] == "I-LOC"


def test_eval_ner_json_on_a_small_file(tmp_path: Path) -> None:
    ge = tmp_path / "ge.tsv"
    ge.write_text("1\tAngela\tB-PER\tO\n2\tMerkel\tI-PER\tO\n3\treiste\tO\tO\n4\tnach\tO\tO\n5\tParis\tB-LOC\tO\n"
                  "6\t.\tO\tO\n\n", encoding="utf8")
    proc = subprocess.run([sys.executable, "-m", "lagebild", "eval", "ner", str(ge), "--json"], capture_output=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    r = json.loads(proc.stdout)
    assert r["n_gold"] == 2
    assert set(r) >= {"precision", "recall", "f1", "by_label", "n_gold", "n_pred"}
    assert r["by_label"]["LOC"]["n_gold"] == 1


def test_eval_parse_on_a_small_file(tmp_path: Path) -> None:
    conllu = tmp_path / "s.conllu"
    conllu.write_text(
        "# text = Die Regierung tritt zurück.\n"
        "1\tDie\tder\tDET\tART\t_\t2\tdet\t_\t_\n"
        "2\tRegierung\tRegierung\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
        "3\ttritt\ttreten\tVERB\tVVFIN\t_\t0\troot\t_\t_\n"
        "4\tzurück\tzurück\tADP\tPTKVZ\t_\t3\tcompound:prt\t_\tSpaceAfter=No\n"
        "5\t.\t.\tPUNCT\t$.\t_\t3\tpunct\t_\t_\n\n", encoding="utf8")
    proc = subprocess.run([sys.executable, "-m", "lagebild", "eval", "parse", str(conllu), "--json"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    r = json.loads(proc.stdout)
    assert r["n_tokens"] == 5
    for key in ("upos", "lemma", "uas", "las"):
        assert 0.0 <= r[key] <= 1.0
    missing = subprocess.run([sys.executable, "-m", "lagebild", "eval", "parse", str(tmp_path / "x.conllu")],
                             capture_output=True, timeout=300)
    assert missing.returncode == 2 and b"no such file" in missing.stderr
