"""Sphinx configuration of the documentation site.

``sphinx-build --fail-on-warning --keep-going docs site`` builds it (the
README's docs command); every warning fails the build, and ``nitpicky``
below makes a cross-reference that names nothing a warning.
"""

import sys
from pathlib import Path

import mgi

# tools/sphinx_mgi.py, the extension that resolves the docstrings' roles.
sys.path.insert(0, str(Path(__file__).parent.parent / "tools"))

project = "mgi"
author = "the mgi developers"
copyright = author
release = version = mgi.__version__

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx_copybutton", "sphinx_mgi"]

# The pages are Markdown (MyST); the docstrings are reST, which autodoc reads
# where a page wraps its directives in an eval-rst block.
source_suffix = {".md": "markdown"}
exclude_patterns = ["examples"]
myst_heading_anchors = 3  # links to a page's section by its title's slug
highlight_language = "text"  # a fence without a language is not Python
add_function_parentheses = False  # a role shows the name as written
nitpicky = True

# The API reference: one autodoc directive per public name (docs/reference/).
autodoc_member_order = "bysource"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
python_maximum_signature_line_length = 88

html_theme = "furo"
html_title = f"mgi {release}"
html_copy_source = False
html_show_sourcelink = False

# The copy button copies the code of an example, without prompts or output.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
