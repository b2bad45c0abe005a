"""Fast tests of the pipeline training package (no training): conversion, licence filter, shipped pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.training import convert as cv

GUM = """\
# newdoc id = GUM_news_basel
# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity
# sent_id = GUM_news_basel-1
# text = The University of Basel didn't hire John Smith.
1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\tEntity=(1-organization-new-sssss-cf1-2-coref-University_of_Basel
2\tUniversity\tUniversity\tPROPN\tNNP\tNumber=Sing\t7\tnsubj\t_\t_
3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_
4\tBasel\tBasel\tPROPN\tNNP\tNumber=Sing\t2\tnmod\t_\tEntity=(2-place-new-sssss-cf2-1-sgl-Basel)1)
5-6\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
5\tdid\tdo\tAUX\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t7\taux\t_\t_
6\tn't\tnot\tPART\tRB\tPolarity=Neg\t7\tadvmod\t_\t_
7\thire\thire\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\t_
8\tJohn\tJohn\tPROPN\tNNP\tNumber=Sing\t7\tobj\t_\tEntity=(3-person-new-sssss-cf3-1-sgl-John_Smith
9\tSmith\tSmith\tPROPN\tNNP\tNumber=Sing\t8\tflat\t_\tEntity=3)|SpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_

# sent_id = GUM_news_basel-2
# text = The city is big.
1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\tEntity=(2-place-giv-sssss-cf1-2-coref-Basel
2\tcity\tcity\tNOUN\tNN\tNumber=Sing\t4\tnsubj\t_\tEntity=2)
3\tis\tbe\tAUX\tVBZ\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t4\tcop\t_\t_
4\tbig\tbig\tADJ\tJJ\tDegree=Pos\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# newdoc id = GUM_whow_cake
# sent_id = GUM_whow_cake-1
# text = Bake it.
1\tBake\tbake\tVERB\tVB\tMood=Imp|VerbForm=Fin\t0\troot\t_\t_
2\tit\tit\tPRON\tPRP\tCase=Acc|Gender=Neut|Number=Sing|Person=3|PronType=Prs\t1\tobj\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_

# newdoc id = GUM_fiction_night
# sent_id = GUM_fiction_night-1
# text = It rained.
1\tIt\tit\tPRON\tPRP\tCase=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs\t2\texpl\t_\t_
2\trained\train\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""

EWT = """\
# newdoc id = weblog-test
# sent_id = weblog-test-0001
# text = Shaikh Abdullah visited Qaim.
1\tShaikh\tShaikh\tPROPN\tNNP\tNumber=Sing\t3\tnsubj\t3:nsubj\t_
2\tAbdullah\tAbdullah\tPROPN\tNNP\tNumber=Sing\t1\tflat\t1:flat\t_
3\tvisited\tvisit\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t0:root\t_
4\tQaim\tQaim\tPROPN\tNNP\tNumber=Sing\t3\tobj\t3:obj\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t3:punct\t_

# sent_id = weblog-test-0002
# text = Iraqi forces were attacked.
1\tIraqi\tIraqi\tADJ\tJJ\tDegree=Pos\t2\tamod\t2:amod\t_
2\tforces\tforce\tNOUN\tNNS\tNumber=Plur\t4\tnsubj:pass\t4:nsubj:pass\t_
3\twere\tbe\tAUX\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t4\taux:pass\t4:aux:pass\t_
4\tattacked\tattack\tVERB\tVBN\tTense=Past|VerbForm=Part|Voice=Pass\t0\troot\t0:root\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_

# sent_id = weblog-test-0003
# text = No NER here.
1\tNo\tno\tDET\tDT\t_\t2\tdet\t2:det\t_
2\tNER\tNER\tPROPN\tNNP\tNumber=Sing\t0\troot\t0:root\t_
3\there\there\tADV\tRB\tPronType=Dem\t2\tadvmod\t2:advmod\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_

"""

UNER = """\
# sent_id = weblog-test-0001
# text = Shaikh Abdullah visited Qaim.
1\tShaikh\tB-PER\t-\tx
2\tAbdullah\tI-PER\t-\tx
3\tvisited\tO
4\tQaim\tB-LOC\t-\tx
5\t.\tB-O\t-\tx

# sent_id = weblog-test-0002
# text = Iraqi forces were attacked.
1\tIraqi\tB-OTH\t-\tx
2\tforces\tO
3\twere\tO
4\tattacked\tO
5\t.\tO

"""


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_conllu_words_spaces_tags_heads():
    from spacy.vocab import Vocab

    docs = cv.group_documents(cv.parse_conllu(GUM.splitlines(True)))
    assert [d for d, _ in docs] == ["GUM_news_basel", "GUM_whow_cake", "GUM_fiction_night"]
    sents = docs[0][1]
    words = sents[0].words
    assert [w.form for w in words] == ["The", "University", "of", "Basel", "did", "n't", "hire", "John", "Smith", "."]
    # inside the multiword token no space; after its last word the token's own SpaceAfter (default yes)
    assert [w.space_after for w in words] == [True, True, True, True, False, True, True, True, False, True]
    doc = cv.sentences_to_doc(Vocab(), sents)
    assert doc.text == "The University of Basel didn't hire John Smith. The city is big."
    assert [t.tag_ for t in doc][:10] == ["DT", "NNP", "IN", "NNP", "VBD", "RB", "VB", "NNP", "NNP", "."]
    assert [t.pos_ for t in doc][4:7] == ["AUX", "PART", "VERB"]
    assert [t.lemma_ for t in doc][4:6] == ["do", "not"]
    assert str(doc[4].morph) == "Mood=Ind|Tense=Past|VerbForm=Fin"
    assert [t.head.i for t in doc] == [1, 6, 3, 1, 6, 6, 6, 6, 7, 6, 11, 13, 13, 13, 13]
    assert [t.dep_ for t in doc][:10] == ["det", "nsubj", "case", "nmod", "aux", "advmod", "ROOT", "obj", "flat",
                                          "punct"]
    assert [s.text for s in doc.sents] == ["The University of Basel didn't hire John Smith.", "The city is big."]


def test_dep_subtypes_kept():
    from spacy.vocab import Vocab

    sents = list(cv.parse_conllu(EWT.splitlines(True)))
    doc = cv.sentences_to_doc(Vocab(), sents)
    assert [t.dep_ for t in doc][5:10] == ["amod", "nsubj:pass", "aux:pass", "ROOT", "punct"]


def test_gum_entity_brackets_nested_and_trimmed():
    from spacy.vocab import Vocab

    sents = list(cv.parse_conllu(GUM.splitlines(True)))
    first = sents[0]
    mentions = sorted((m.start, m.end, m.etype, m.identity) for m in cv.gum_mentions(first))
    assert mentions == [
        (0, 4, "organization", "University_of_Basel"),
        (3, 4, "place", "Basel"),
        (7, 9, "person", "John_Smith"),
    ]
    cv.add_gum_entities(sents)
    # the determiner is trimmed; the nested place inside the organization name is dropped
    assert first.ents == ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]
    # "The city" refers to Basel but its head is a common noun: not a named entity
    assert sents[1].ents == ["O"] * 5
    doc = cv.sentences_to_doc(Vocab(), sents[:2])
    assert _ents(doc) == [("University of Basel", "ORG"), ("John Smith", "PERSON")]


def test_parse_entity_field():
    events = cv.parse_entity_field("(14-place-new-nnnnn-cf2-1-sgl-Bourg-la-Reine)13)12)")
    assert events[0][0] == "single" and events[0][2][1] == "place" and events[0][2][7] == "Bourg-la-Reine"
    assert [(k, i) for k, i, _ in events] == [("single", "14"), ("close", "13"), ("close", "12")]


def test_licence_filter_drops_whow_and_fiction(tmp_path: Path):
    docs = cv.group_documents(cv.parse_conllu(GUM.splitlines(True)))
    kept = cv.filter_licence(docs)
    assert [d for d, _ in kept] == ["GUM_news_basel"]
    # the same through the split loader, on a treebank folder in tmp_path
    gum_dir = tmp_path / "ud" / "en_gum"
    gum_dir.mkdir(parents=True)
    (gum_dir / "train.conllu").write_text(GUM, encoding="utf8")
    loaded = cv.load_gum(tmp_path, "train")
    assert [d for d, _ in loaded] == ["GUM_news_basel"]
    assert len(cv.load_gum(tmp_path, "train", noncommercial=True)) == 3


def test_uner_merge(tmp_path: Path):
    from spacy.vocab import Vocab

    sents = list(cv.parse_conllu(EWT.splitlines(True)))
    uner = cv.parse_iob2(UNER.splitlines(True))
    assert cv.merge_uner(sents, uner) == (2, 1)
    assert sents[0].ents == ["B-PERSON", "I-PERSON", "O", "B-LOC", "O"]
    assert sents[1].ents == ["O"] * 5  # OTH is not in the label set
    assert sents[2].ents is None  # no UNER sentence: left missing
    doc = cv.sentences_to_doc(Vocab(), sents)
    assert _ents(doc) == [("Shaikh Abdullah", "PERSON"), ("Qaim", "LOC")]
    assert [t.ent_iob_ for t in doc][-4:] == ["", "", "", ""]  # missing, not O
    # DocBin round trip through tmp_path keeps everything
    from spacy.tokens import DocBin

    path = tmp_path / "x.spacy"
    DocBin(docs=[doc], store_user_data=False).to_disk(path)
    back = list(DocBin().from_disk(path).get_docs(Vocab()))[0]
    assert _ents(back) == _ents(doc) and [t.dep_ for t in back] == [t.dep_ for t in doc]
    assert [t.tag_ for t in back] == [t.tag_ for t in doc]


def test_convert_all_writes_docbins(tmp_path: Path):
    data = tmp_path / "data"
    (data / "ud" / "en_ewt").mkdir(parents=True)
    (data / "ud" / "en_gum").mkdir(parents=True)
    (data / "ner" / "uner_en_ewt").mkdir(parents=True)
    for split in cv.SPLITS:
        (data / "ud" / "en_ewt" / f"{split}.conllu").write_text(EWT, encoding="utf8")
        (data / "ud" / "en_gum" / f"{split}.conllu").write_text(GUM, encoding="utf8")
        (data / "ner" / "uner_en_ewt" / f"{split}.iob2").write_text(UNER, encoding="utf8")
    stats = cv.convert_all(data, tmp_path / "work")
    assert stats["train/gum"]["docs"] == 1 and stats["train/gum"]["sentences"] == 2
    assert stats["test_extra/gum_all" if "test_extra/gum_all" in stats else "test/gum_all"]["sentences"] == 4
    assert (tmp_path / "work" / "corpus" / "train" / "ewt.spacy").exists()
    with pytest.raises(FileNotFoundError):
        cv.convert_all(tmp_path / "nothing", tmp_path / "work2")


# ------------------------------------------------------------------ the shipped pipeline


@pytest.fixture(scope="module")
def shipped():
    import spacy

    from kg.training.paths import PIPELINE_DIR

    return spacy.load(PIPELINE_DIR)


def test_pipeline_info_lists_components_and_labels():
    from kg.training.info import pipeline_info

    info = pipeline_info()
    assert info["name"] == "kg_en_conflict"
    for comp in ("tok2vec", "tagger", "morphologizer", "parser", "lemmatizer", "ner"):
        assert comp in info["components"]
    assert {"PERSON", "ORG", "LOC"} <= set(info["labels"]["ner"])
    assert "nsubj:pass" in info["labels"]["parser"]
    assert "NNP" in info["labels"]["tagger"]


def test_shipped_pipeline_parses(shipped):
    doc = shipped("Angela Merkel visited the refugee camp in Jordan on Tuesday.")
    roots = [t for t in doc if t.dep_ == "ROOT"]
    assert len(roots) == 1 and roots[0].text == "visited" and roots[0].pos_ == "VERB"
    assert roots[0].tag_ == "VBD" and roots[0].lemma_ == "visit"
    assert all(t.tag_ for t in doc)
    assert ("Angela Merkel", "PERSON") in _ents(doc)


def test_cli_errors_are_one_line():
    from typer.testing import CliRunner

    from kg.training.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["info", "--model", "/nonexistent/model"])
    assert res.exit_code == 1
    assert res.exception is None or isinstance(res.exception, SystemExit)
    res = runner.invoke(app, ["evaluate", "--data", "/nonexistent/data"])
    assert res.exit_code == 1


# ------------------------------------------------------------------ continuing from a trained pipeline


def test_check_source_model(tmp_path: Path):
    from kg.training.paths import PIPELINE_DIR
    from kg.training.train import check_source_model

    check_source_model(PIPELINE_DIR)  # the shipped pipeline can be continued
    with pytest.raises(FileNotFoundError):
        check_source_model(tmp_path / "nothing")
    (tmp_path / "config.cfg").write_text('[nlp]\nlang = "en"\npipeline = ["tok2vec","parser","ner"]\n')
    with pytest.raises(ValueError, match="lacks the syntax components"):
        check_source_model(tmp_path)


def test_continue_syntax_training_from_shipped(tmp_path: Path):
    """Two steps of syntax_continue.cfg on a tiny corpus: every component is sourced and trained on."""
    import spacy

    from kg.training.paths import PIPELINE_DIR
    from kg.training.train import CONFIG_DIR, SYNTAX_COMPONENTS, train_one

    data = tmp_path / "data"
    for sub in ("ud/en_ewt", "ud/en_gum", "ner/uner_en_ewt"):
        (data / sub).mkdir(parents=True)
    for split in cv.SPLITS:
        (data / "ud" / "en_ewt" / f"{split}.conllu").write_text(EWT, encoding="utf8")
        (data / "ud" / "en_gum" / f"{split}.conllu").write_text(GUM, encoding="utf8")
        (data / "ner" / "uner_en_ewt" / f"{split}.iob2").write_text(UNER, encoding="utf8")
    cv.convert_all(data, tmp_path / "work")
    best = train_one(CONFIG_DIR / "syntax_continue.cfg", tmp_path / "work" / "corpus", tmp_path / "out",
                     overrides={"paths.source_model": str(PIPELINE_DIR), "training.max_steps": 2,
                                "training.eval_frequency": 1})
    nlp = spacy.load(best)
    assert tuple(nlp.pipe_names) == SYNTAX_COMPONENTS
    shipped = spacy.load(PIPELINE_DIR, exclude=["ner", "ner_tok2vec"])
    assert nlp.get_pipe("parser").labels == shipped.get_pipe("parser").labels
    doc = nlp("Angela Merkel visited the refugee camp in Jordan on Tuesday.")
    assert [t.text for t in doc if t.dep_ == "ROOT"] == ["visited"]
    assert doc[2].lemma_ == "visit"


def test_restore_lemmatizer_labels(shipped):
    """spaCy 3.8 does not restore the lemmatizer's tree -> label map from disk; the continuation
    config rebuilds it, otherwise further training maps every gold lemma to label 0."""
    from kg.training.train import restore_lemmatizer_labels_now

    lem = shipped.get_pipe("lemmatizer")
    restore_lemmatizer_labels_now(shipped)
    assert len(lem.tree2label) == len(lem.labels) > 0
    assert all(lem.tree2label[tree] == i for i, tree in enumerate(lem.labels))


def test_evaluate_reports_bare_and_kg_pipeline(tmp_path: Path):
    from kg.training.evaluate import evaluate_pipeline, format_results

    data = tmp_path / "data"
    for sub in ("ud/en_ewt", "ud/en_gum", "ner/uner_en_ewt"):
        (data / sub).mkdir(parents=True)
    for split in cv.SPLITS:
        (data / "ud" / "en_ewt" / f"{split}.conllu").write_text(EWT, encoding="utf8")
        (data / "ud" / "en_gum" / f"{split}.conllu").write_text(GUM, encoding="utf8")
        (data / "ner" / "uner_en_ewt" / f"{split}.iob2").write_text(UNER, encoding="utf8")
    res = evaluate_pipeline(None, data, include_noncommercial=False)
    for key in ("uner_ewt_test", "uner_ewt_test_rules", "gum_test_mapped", "gum_test_mapped_rules"):
        assert {"PER", "ORG", "LOC", "micro"} <= set(res[key])
    assert "kg_gazetteer" in res["kg_pipeline"]
    text = format_results(res)
    assert "bare model" in text and "as kg loads it" in text
    assert "uner_ewt_test_rules" not in evaluate_pipeline(None, data, include_noncommercial=False, rules=False)


def test_assembled_pipeline_carries_the_static_vectors_of_its_ner(tmp_path: Path):
    """An NER trained with static word vectors keeps working in the assembled pipeline: the vectors
    move into its vocab."""
    import numpy
    import spacy

    from kg.training.paths import PIPELINE_DIR
    from kg.training.train import CONFIG_DIR, assemble, train_one

    data = tmp_path / "data"
    for sub in ("ud/en_ewt", "ud/en_gum", "ner/uner_en_ewt"):
        (data / sub).mkdir(parents=True)
    for split in cv.SPLITS:
        (data / "ud" / "en_ewt" / f"{split}.conllu").write_text(EWT, encoding="utf8")
        (data / "ud" / "en_gum" / f"{split}.conllu").write_text(GUM, encoding="utf8")
        (data / "ner" / "uner_en_ewt" / f"{split}.iob2").write_text(UNER, encoding="utf8")
    cv.convert_all(data, tmp_path / "work")
    vectors = spacy.blank("en")
    rng = numpy.random.default_rng(0)
    for word in ("merkel", "visited", "jordan", "camp", "the"):
        vectors.vocab.set_vector(word, rng.standard_normal(8).astype("float32"))
    vectors.to_disk(tmp_path / "vectors")
    ner = train_one(CONFIG_DIR / "ner.cfg", tmp_path / "work" / "corpus", tmp_path / "ner",
                    overrides={"paths.vectors": str(tmp_path / "vectors"), "training.max_steps": 2,
                               "training.eval_frequency": 1,
                               "components.ner_tok2vec.model.embed.include_static_vectors": True})
    spacy.load(PIPELINE_DIR, exclude=["ner", "ner_tok2vec"]).to_disk(tmp_path / "syntax")
    out = assemble(tmp_path / "syntax", ner, tmp_path / "assembled", sentences="senter")
    nlp = spacy.load(out)
    assert nlp.vocab.vectors.n_keys == 5 and nlp.vocab.vectors.shape[1] == 8
    assert nlp.pipe_names[-2:] == ["ner_tok2vec", "ner"]
    doc = nlp("Angela Merkel visited the refugee camp in Jordan on Tuesday.")
    assert doc[2].has_vector and [t.text for t in doc if t.dep_ == "ROOT"] == ["visited"]


def test_set_changes_one_setting_of_one_training(tmp_path: Path, monkeypatch):
    from kg.training import train as tr

    assert tr.parse_settings(["syntax:components.tok2vec.model.encode.depth=6",
                              "ner:training.dropout=0.2", "syntax:training.seed=7"]) == {
        "syntax": {"components.tok2vec.model.encode.depth": 6, "training.seed": 7},
        "ner": {"training.dropout": 0.2}}
    for bad in ("depth=6", "syntax:depth=6", "parser:components.x=1", "syntax:components.x"):
        with pytest.raises(ValueError):
            tr.parse_settings([bad])
    jobs = {}

    def run(phase, work_dir, parallel, log=print):
        jobs.update(phase)
        raise RuntimeError("stop before training")

    monkeypatch.setattr(cv, "check_data_dir", lambda path: None)
    monkeypatch.setattr(cv, "convert_all", lambda data, work: {})
    monkeypatch.setattr(tr, "_run_trainings", run)
    with pytest.raises(RuntimeError):
        tr.train_pipeline(tmp_path, tmp_path / "out", tmp_path / "work",
                          overrides=tr.parse_settings(["syntax:components.tok2vec.model.encode.depth=6"]))
    assert "--components.tok2vec.model.encode.depth=6" in jobs["syntax"]
    assert not any("depth" in arg for arg in jobs["ner"])
