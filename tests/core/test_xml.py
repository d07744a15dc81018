"""core/xml.py: each document gets its own prefixes, and leaves everyone else's alone."""

from xml.etree import ElementTree

from resource_hub.core.xml import xml_text

A = "urn:example:a"
B = "urn:example:b"


def _doc(namespace):
    root = ElementTree.Element(f"{{{namespace}}}root", {"id": "x"})
    ElementTree.SubElement(root, f"{{{B}}}child").text = "1"
    return root


def test_prefixes_are_the_documents_own():
    text = xml_text(_doc(A), {A: "", B: "bee"}, declaration=False)
    assert text == f'<root xmlns="{A}" xmlns:bee="{B}" id="x"><bee:child>1</bee:child></root>'


def test_another_documents_prefixes_are_left_as_they_were():
    ElementTree.register_namespace("", B)  # what a module of ours registers at import
    try:
        xml_text(_doc(A), {A: "", B: "bee"})
        # ElementTree's own writer still sees B as the default namespace.
        plain = ElementTree.tostring(ElementTree.Element(f"{{{B}}}root"), encoding="unicode")
        assert plain == f'<root xmlns="{B}" />'
    finally:
        del ElementTree._namespace_map[B]
