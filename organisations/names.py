"""How people write a council's name, reduced to the words that tell councils apart.

"Barnet", "barnet council", "London Borough of Barnet" and "LB Barnet" all mean one council,
but only the official name contains "London Borough of" and no name contains "council" for
Barnet at all. So the directory compares names without the words every council shares.
"""

import re
import unicodedata

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

# Whole phrases first: "london" alone must stay, or "City of London" could not be found.
GENERIC_PHRASES = (
    ("london", "borough", "of"),
    ("royal", "borough", "of"),
)
# Words (and their usual abbreviations) that name the kind of council, not which one.
GENERIC_WORDS = frozenset(
    """council borough district county city metropolitan the of and lb rb mbc bc dc cc
    corporation""".split()  # noqa: SIM905
)
# Spellings of one word that official and short names mix ("St. Helens", "Saint Helens").
SAME_WORD = {"saint": "st"}


def words_of(value: str) -> list[str]:
    """Lower-case words, with "&" read as "and" and accents kept ("Ynys Môn")."""
    value = unicodedata.normalize("NFKC", value or "").casefold().replace("&", " and ")
    return [SAME_WORD.get(word, word) for word in WORD_RE.findall(value)]


def distinctive_words(value: str) -> tuple[str, ...]:
    """The words of a name or query that tell one organisation from another, in order.

    "London Borough of Barnet", "barnet council" and "LB Barnet" all give ("barnet",);
    "Brighton & Hove City Council" and "brighton and hove" both give ("brighton", "hove").
    """
    words = words_of(value)
    kept: list[str] = []
    index = 0
    while index < len(words):
        for phrase in GENERIC_PHRASES:
            if tuple(words[index : index + len(phrase)]) == phrase:
                index += len(phrase)
                break
        else:
            if words[index] not in GENERIC_WORDS:
                kept.append(words[index])
            index += 1
    return tuple(kept)
