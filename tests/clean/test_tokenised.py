from storyline.clean import Extractor
from storyline.clean.tokenised import detokenise, is_tokenised
from storyline.model import Article, Source

TOKENS = (
    "The harbour board said it ca n't reopen the quay before May -LRB- the earliest date -RRB- .\n"
    "`` We will not rush it , '' the board 's chair said ."
)
PROSE = (
    "The harbour board said it can't reopen the quay before May (the earliest date).\n"
    '"We will not rush it," the board\'s chair said.'
)


def test_treebank_tokens_are_recognised_and_joined_again_line_by_line() -> None:
    assert is_tokenised(TOKENS)
    assert detokenise(TOKENS) == PROSE


def test_edited_prose_is_left_as_it_is() -> None:
    assert not is_tokenised(PROSE)
    assert not is_tokenised("Prices rose 3.5 percent in May. Rents, too, rose: by 2 percent; food fell.")


def test_spaced_punctuation_alone_is_tokeniser_output_when_most_marks_are_spaced() -> None:
    assert is_tokenised("The dam held . Rain fell all night , then stopped . Villages stayed dry .")
    assert not is_tokenised("The dam held. Rain fell all night , then stopped. Villages stayed dry.")


def test_the_extract_stage_gives_a_tokenised_text_back_its_spacing() -> None:
    art = Extractor()(Article(id="a", source=Source(), raw=TOKENS, format="text"))
    assert art.text == PROSE
