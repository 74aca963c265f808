"""rasd (رصد): a traceable knowledge graph of actors, claims, platforms and dates.

Read from Arabic news; every fact keeps the article, sentence and offsets it came from.
"""

__version__ = "0.1.0"
