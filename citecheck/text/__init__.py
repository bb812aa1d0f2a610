"""The text floor: what every stage needs to read words, one of each.

Sentences, negation, numbers, stopwords, folding (case and accents), language identification
and byte decoding. Pure functions over strings and bytes; nothing here imports the rest of
citecheck, so every stage may build on it.
"""
