"""rasd (رصد): a traceable knowledge graph of actors, claims, platforms and dates from Arabic news."""

__version__ = "0.1.0"
