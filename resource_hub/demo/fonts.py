"""Fonts to embed in the demo PDFs, found on this machine; nothing is downloaded.

A PDF shows text only in the fonts it embeds. We look for fonts that the
operating system's packages put in the usual folders (Debian: fonts-dejavu,
fonts-noto-core, fonts-wqy-microhei, fonts-thai-tlwg, fonts-khmeros-core,
fonts-sil-padauk, ...). A font is used only if it has a glyph for every
character of the text (with a Latin font as fallback for names and numbers);
otherwise the caller falls back to English text. Khmer
and Burmese need a shaping engine (uharfbuzz, optional) to come out right.
"""

import importlib.util
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont

FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
)

# ISO 15924 script -> font file names, best first.
CANDIDATES = {
    "Latn": ("DejaVuSans.ttf", "NotoSans-Regular.ttf", "LiberationSans-Regular.ttf"),
    "Hani": (
        "wqy-microhei.ttc",
        "wqy-zenhei.ttc",
        "DroidSansFallbackFull.ttf",
        "NotoSansCJK-Regular.ttc",
        "NotoSansSC-Regular.otf",
    ),
    "Thai": ("NotoSansThai-Regular.ttf", "Loma.ttf", "Garuda.ttf", "Waree.ttf"),
    "Khmr": ("NotoSansKhmer-Regular.ttf", "KhmerOS.ttf", "KhmerOS_content.ttf"),
    "Laoo": ("NotoSansLao-Regular.ttf", "Phetsarath_OT.ttf", "DejaVuSans.ttf"),
    "Mymr": ("NotoSansMyanmar-Regular.ttf", "Padauk-Regular.ttf", "Padauk.ttf"),
}
NEEDS_SHAPING = frozenset({"Khmr", "Mymr"})
SCRIPTS = {"zh": "Hani", "th": "Thai", "km": "Khmr", "lo": "Laoo", "my": "Mymr"}


def script_of(language: str) -> str:
    return SCRIPTS.get(language, "Latn")


def can_shape() -> bool:
    return importlib.util.find_spec("uharfbuzz") is not None


@cache
def _installed() -> dict[str, Path]:
    """Every font file in the font folders, by file name (first found wins)."""
    found: dict[str, Path] = {}
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix.lower() in {".ttf", ".otf", ".ttc"}:
                    found.setdefault(path.name, path)
    return found


@cache
def _codepoints(path: Path) -> frozenset[int]:
    if path.suffix.lower() == ".ttc":
        font = TTCollection(str(path), lazy=True).fonts[0]
    else:
        font = TTFont(str(path), lazy=True)
    return frozenset(font.getBestCmap())


def fonts_for(language: str, text: str) -> list[Path] | None:
    """Font files that together show all of `text`, the script's own font first; else None.

    Text in one script often carries words in another (Latin names, "Python",
    digits), and some fonts (Noto Sans Thai) have no Latin letters: a Latin
    font is then added as a fallback.
    """
    script = script_of(language)
    if script in NEEDS_SHAPING and not can_shape():
        return None
    needed = {ord(char) for char in text if not char.isspace()}
    primary = _first_installed(script)
    if primary is None:
        return None
    chosen = [primary]
    missing = needed - _codepoints(primary)
    if missing and script != "Latn":
        latin = _first_installed("Latn")
        if latin is not None:
            chosen.append(latin)
            missing -= _codepoints(latin)
    return None if missing else chosen


def _first_installed(script: str) -> Path | None:
    for name in CANDIDATES[script]:
        path = _installed().get(name)
        if path is not None:
            return path
    return None
