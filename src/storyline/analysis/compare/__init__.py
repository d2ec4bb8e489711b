"""How outlets tell the same event: their accounts side by side (``model.analyses.Comparison``).

``align``: each sentence of each report aligned with what the other outlets say about the same
thing, so it is shared by named outlets or only here; ``words``: the words each outlet uses for
the event's actors and acts where the others use other words; ``comparison``: the outlets side
by side — headline, first seen, voices, terms, only here, shared, numbers that disagree."""
