"""The code version; the data carries its own (``DATA_VERSION``)."""

__version__ = "0.1.0"
