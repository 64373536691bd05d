"""The loading pipeline: from the data file to a checked :class:`~beian_policy.Policy`.

One way through, one job per module:

- ``_location``: where the shipped ``provinces.toml`` is (wheel or source checkout);
- ``_document``: the file's shape, one record class per table, and the closed
  vocabularies the file may use;
- ``_structure``: each table into its record, strictly, every problem collected;
- ``_context``: the one problem collector the builders share, with their common checks;
- ``_build_catalogue``, ``_build_provinces``, ``_build_failures``: cross-record
  checks and the model, one family of tables each;
- ``_build``: the order of the steps above, and the schema version;
- ``_loader``: the public calls (load, validate) and the lazily loaded shipped policy;
- ``_writer``: a parsed document back to TOML, for the strategies that edit it.
"""
