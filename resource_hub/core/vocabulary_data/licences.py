"""Licences by SPDX id (https://spdx.org/licenses/), with what each permits.

"All rights reserved" is not a licence on SPDX's list, so it takes SPDX's form
for such terms, "LicenseRef-" and a name. The Chinese and Indonesian names
follow the Creative Commons licences' official translations.
"""

from . import finish

CC = "https://creativecommons.org/"

# (SPDX id, English name, URL, allows reuse, commercial use, adaptations)
LICENCES = [
    ("CC-BY-4.0", "Creative Commons Attribution 4.0 International",
     CC + "licenses/by/4.0/", True, True, True),
    ("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0 International",
     CC + "licenses/by-sa/4.0/", True, True, True),
    ("CC-BY-NC-4.0", "Creative Commons Attribution-NonCommercial 4.0 International",
     CC + "licenses/by-nc/4.0/", True, False, True),
    ("CC-BY-NC-SA-4.0", "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International",
     CC + "licenses/by-nc-sa/4.0/", True, False, True),
    ("CC-BY-ND-4.0", "Creative Commons Attribution-NoDerivatives 4.0 International",
     CC + "licenses/by-nd/4.0/", True, True, False),
    ("CC-BY-NC-ND-4.0",
     "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International",
     CC + "licenses/by-nc-nd/4.0/", True, False, False),
    ("CC0-1.0", "Creative Commons Zero v1.0 Universal (public domain dedication)",
     CC + "publicdomain/zero/1.0/", True, True, True),
    ("LicenseRef-All-Rights-Reserved", "All rights reserved", "", False, False, False),
]  # fmt: skip

LABELS = {
    "zh-hans": {
        "CC-BY-4.0": "知识共享 署名 4.0 国际",
        "CC-BY-SA-4.0": "知识共享 署名-相同方式共享 4.0 国际",
        "CC-BY-NC-4.0": "知识共享 署名-非商业性使用 4.0 国际",
        "CC-BY-NC-SA-4.0": "知识共享 署名-非商业性使用-相同方式共享 4.0 国际",
        "CC-BY-ND-4.0": "知识共享 署名-禁止演绎 4.0 国际",
        "CC-BY-NC-ND-4.0": "知识共享 署名-非商业性使用-禁止演绎 4.0 国际",
        "CC0-1.0": "CC0 1.0 通用（公共领域贡献）",
        "LicenseRef-All-Rights-Reserved": "保留所有权利",
    },
    "th": {"LicenseRef-All-Rights-Reserved": "สงวนลิขสิทธิ์"},
    "vi": {"LicenseRef-All-Rights-Reserved": "Bảo lưu mọi quyền"},
    "id": {
        "CC-BY-4.0": "Creative Commons Atribusi 4.0 Internasional",
        "CC-BY-SA-4.0": "Creative Commons Atribusi-BerbagiSerupa 4.0 Internasional",
        "CC-BY-NC-4.0": "Creative Commons Atribusi-NonKomersial 4.0 Internasional",
        "CC-BY-NC-SA-4.0": "Creative Commons Atribusi-NonKomersial-BerbagiSerupa 4.0 Internasional",
        "CC-BY-ND-4.0": "Creative Commons Atribusi-TanpaTurunan 4.0 Internasional",
        "CC-BY-NC-ND-4.0": "Creative Commons Atribusi-NonKomersial-TanpaTurunan 4.0 Internasional",
        "LicenseRef-All-Rights-Reserved": "Hak cipta dilindungi undang-undang",
    },
    "ms": {"LicenseRef-All-Rights-Reserved": "Hak cipta terpelihara"},
}

ENTRIES = finish(
    [
        {
            "code": code,
            "name_en": name_en,
            "url": url,
            "allows_reuse": reuse,
            "allows_commercial": commercial,
            "allows_derivatives": derivatives,
        }
        for code, name_en, url, reuse, commercial, derivatives in LICENCES
    ],
    LABELS,
)
