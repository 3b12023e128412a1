"""Small made-up cases for the core modules (text, store, the layer models).

One file per group of modules.  Each test builds its input by hand and asserts an exact result,
so a one-line fault in the code (a boundary, a default, a message) makes it fail: these are the
tests mutation testing (``python -m mutmut run``, configured in ``pyproject.toml``) relies on.
"""
