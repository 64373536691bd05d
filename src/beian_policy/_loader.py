"""Where the query modules get the policy from: the loading pipeline lives in
:mod:`beian_policy._data`; this module only re-exports what they import from here, so
that moving the pipeline changed no query module. New code imports ``._data._loader``.
"""

from __future__ import annotations

from ._data._loader import default_policy, resolve_policy

__all__ = ["default_policy", "resolve_policy"]
