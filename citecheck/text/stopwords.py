"""Function words: too common to make a search phrase distinctive or to count as content.

English, with the commonest Spanish ones (drafts quote Spanish-language sources often enough
that "de la" must not make a phrase look rare). Lower-case; compare lower-cased words.
"""

from __future__ import annotations

STOPWORDS: frozenset[str] = frozenset(
    """a about after all also am an and any are as at be been before being but by can could did
    do does each for from had has have he her here him his how i if in into is it its just may
    me might more most must my no not now of on or our out over said shall she should so some
    such than that the their them then there these they this those to too under until up us very
    was we were what when where which who whom why will with would you your
    de del el en es la las lo los por que se un una y""".split()
)
