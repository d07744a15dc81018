"""Pinyin: of Chinese text at index time, and of a visitor's query.

Elasticsearch cannot romanise Chinese with the analysis our nodes have, so
documents carry the pinyin of their Chinese titles and names as fields of
their own (`pypinyin`, which reads polyphones from its phrase dictionary:
银行 is `yin hang`, not `yin xing`). Each Chinese text gives:

    syllables   "zhi ye jiao yu"   one token per character, tones dropped
    joined      "zhiyejiaoyu"      for a query typed without spaces that we
                                   cannot split unambiguously (xian / xi'an)
    initials    "z y j y"          one token per character, so `zyjy` matches
                                   as a phrase anywhere in a longer title

A query is pinyin when every word of it, tones and tone numbers removed,
splits wholly into pinyin syllables (`zhíyè jiàoyù`, `zhi2ye4`,
`zhiye jiaoyu`), or is a short run of initials (`zyjy`). "rice
cultivation" is not (`cultivation` does not split), so English searches
never get a pinyin clause; "rice" alone is (`ri ce`), which is why the
clause weighs little.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

#: The initials a query of initials may use (zh, ch, sh give z, c, s; y and w start syllables).
INITIAL_LETTERS = frozenset("bpmfdtnlgkhjqxzcsryw")
MAX_INITIALS = 12
_TONE_NUMBER = re.compile(r"(?<=[a-z])[1-5]")


def has_han(text: str) -> bool:
    """Whether `text` has a Chinese character (of either script)."""
    return any(unicodedata.name(char, "").startswith("CJK UNIFIED") for char in text)


@dataclass(frozen=True)
class PinyinForms:
    """The pinyin of one or more Chinese texts, as the index stores them."""

    syllables: list[str] = field(default_factory=list)  # "zhi ye jiao yu" and "zhiyejiaoyu"
    initials: list[str] = field(default_factory=list)  # "z y j y"

    def as_document(self) -> dict:
        return {"full": self.syllables, "initials": self.initials}


def _han_syllables(text: str) -> list[str]:
    """The toneless syllables of the Chinese characters of `text` (anything else is left out)."""
    # Imported here: pypinyin loads its dictionaries (about 60 MB, 0.7 s) on
    # import, which only indexing needs; a web process reading queries does not.
    from pypinyin import Style, lazy_pinyin

    return [s for s in lazy_pinyin(text, style=Style.NORMAL, errors="ignore") if s.isalpha()]


def pinyin_forms(texts) -> PinyinForms:
    """The pinyin of the texts that have Chinese characters; the others give nothing."""
    syllables, initials = [], []
    for text in texts:
        if not text or not has_han(text):
            continue
        found = _han_syllables(text)
        if not found:
            continue
        syllables.extend([" ".join(found), "".join(found)])
        initials.append(" ".join(syllable[0] for syllable in found))
    return PinyinForms(syllables=syllables, initials=initials)


def completion_inputs(title: str) -> list[str]:
    """Autocomplete inputs for a Chinese title: its pinyin spaced, joined, and its initials.

    Also what tells `service.autocomplete` which title a pinyin completion stands for.
    """
    if not has_han(title):
        return []
    found = _han_syllables(title)
    if not found:
        return []
    return [" ".join(found), "".join(found), "".join(s[0] for s in found)]


#: Every toneless pinyin syllable pypinyin's dictionary holds (ü written v, as
#: pypinyin writes it); tests/search/test_pinyin.py checks it against the package.
_SYLLABLES_TEXT = """
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong
bu ca cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong
chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai
dan dang dao de dei den deng di dia dian diao die din ding diu dong dou du duan dui dun
duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei
gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng
hm hng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing
jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan
kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin
ling liu lo long lou lu luan lun luo lv lve m ma mai man mang mao me mei men meng mi
mian miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nia
nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang
pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing
qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou
shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan
tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang
wei wen weng wo wong wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya
yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen
zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan
zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
"""
SYLLABLES = frozenset(_SYLLABLES_TEXT.split())


def _untoned(text: str) -> str:
    """`text` lowercased without tone marks or tone numbers; ü (or u:) becomes v as in pypinyin."""
    text = unicodedata.normalize("NFD", text.lower()).replace("u\u0308", "v").replace("u:", "v")
    text = "".join(char for char in text if unicodedata.category(char) != "Mn")
    return _TONE_NUMBER.sub("", text)


def split_syllables(word: str) -> list[str] | None:
    """`word` (lowercase ASCII letters) as pinyin syllables, longest first, or None."""
    known = SYLLABLES

    @cache
    def split(start: int) -> tuple[str, ...] | None:
        if start == len(word):
            return ()
        for end in range(min(len(word), start + 6), start, -1):
            if word[start:end] in known:
                rest = split(end)
                if rest is not None:
                    return (word[start:end], *rest)
        return None

    found = split(0)
    return list(found) if found is not None else None


@dataclass(frozen=True)
class PinyinQuery:
    """What a query means read as pinyin: its syllables, or its initials."""

    syllables: tuple[str, ...] = ()
    joined: str = ""
    initials: tuple[str, ...] = ()


def parse_query(q: str) -> PinyinQuery | None:
    """`q` read as pinyin, or None when it is not pinyin through and through."""
    words = [word for word in re.split(r"[\s'’\-]+", _untoned(q)) if word]
    if not words or not all(word.isascii() and word.isalpha() for word in words):
        return None
    joined = "".join(words)
    if (
        len(words) == 1
        and 2 <= len(joined) <= MAX_INITIALS
        and set(joined) <= INITIAL_LETTERS
        and joined not in SYLLABLES
    ):
        return PinyinQuery(initials=tuple(joined))
    found = []
    for word in words:
        split = split_syllables(word)
        if split is None:
            return None
        found.extend(split)
    return PinyinQuery(syllables=tuple(found), joined=joined)


def completion_prefix(prefix: str) -> str:
    """An autocomplete prefix as the pinyin inputs are written: toneless, without spaces.

    "" when the prefix is not pinyin; its last syllable may still be unfinished
    ("zhiye jia" → "zhiyejia").
    """
    words = [word for word in re.split(r"[\s'’\-]+", _untoned(prefix)) if word]
    if not words or not all(word.isascii() and word.isalpha() for word in words):
        return ""
    *whole, last = words
    if any(split_syllables(word) is None for word in whole):
        return ""
    if split_syllables(last) is None and not any(
        split_syllables(last[:cut]) is not None and _starts_a_syllable(last[cut:])
        for cut in range(len(last))
    ):
        return ""
    return "".join(words)


def _starts_a_syllable(piece: str) -> bool:
    return any(syllable.startswith(piece) for syllable in SYLLABLES)
