"""XML text from ElementTree with the prefixes each document wants, whoever else writes XML.

ElementTree knows namespace prefixes only through one registry for the whole
process (`register_namespace`), and our documents disagree: OAI-PMH wants its
namespace as the default, a Common Cartridge wants IMS Content Packaging's,
and both write a `lom` prefix for different LOM namespaces. Every writer asks
here: the prefixes are put in place, the text written and the registry given
back as it was, under one lock, so no document changes another's prefixes.
"""

import threading
from xml.etree import ElementTree

_lock = threading.Lock()


def xml_text(element, prefixes: dict[str, str], *, declaration: bool = True) -> str:
    """`element` as text, with `prefixes` (namespace → prefix, "" for the default)."""
    registry = ElementTree._namespace_map  # the registry register_namespace fills
    with _lock:
        saved = dict(registry)
        try:
            for namespace, prefix in prefixes.items():
                ElementTree.register_namespace(prefix, namespace)
            return ElementTree.tostring(element, encoding="unicode", xml_declaration=declaration)
        finally:
            registry.clear()
            registry.update(saved)
