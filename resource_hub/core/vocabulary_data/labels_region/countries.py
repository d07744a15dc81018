"""Country names in Khmer, Lao, Burmese and Filipino (see countries.py).

Each country's own name in its own language is its local name, as in
/work/shared/data/countries.csv (Lao uses the short form of the state's name).
"""

KM = {
    "CN": "ចិន",
    "BN": "ព្រុយណេ",
    "KH": "កម្ពុជា",
    "ID": "ឥណ្ឌូណេស៊ី",
    "LA": "ឡាវ",
    "MY": "ម៉ាឡេស៊ី",
    "MM": "មីយ៉ាន់ម៉ា",
    "PH": "ហ្វីលីពីន",
    "SG": "សិង្ហបុរី",
    "TH": "ថៃ",
    "VN": "វៀតណាម",
    "TL": "ទីម័រឡេស្តេ",
    "JP": "ជប៉ុន",
    "KR": "កូរ៉េខាងត្បូង",
    "AU": "អូស្ត្រាលី",
    "IN": "ឥណ្ឌា",
    "GB": "ចក្រភពអង់គ្លេស",
    "US": "សហរដ្ឋអាមេរិក",
}

LO = {
    "CN": "ຈີນ",
    "BN": "ບຣູໄນ ດາຣຸສຊາລາມ",
    "KH": "ກຳປູເຈຍ",
    "ID": "ອິນໂດເນເຊຍ",
    "LA": "ສປປ ລາວ",
    "MY": "ມາເລເຊຍ",
    "MM": "ມຽນມາ",
    "PH": "ຟີລິບປິນ",
    "SG": "ສິງກະໂປ",
    "TH": "ໄທ",
    "VN": "ຫວຽດນາມ",
    "TL": "ຕີມໍ-ເລສເຕ",
    "JP": "ຍີ່ປຸ່ນ",
    "KR": "ເກົາຫຼີໃຕ້",
    "AU": "ອົດສະຕຣາລີ",
    "IN": "ອິນເດຍ",
    "GB": "ສະຫະລາຊະອານາຈັກ",
    "US": "ສະຫະລັດອາເມລິກາ",
}

MY = {
    "CN": "တရုတ်",
    "BN": "ဘရူနိုင်း",
    "KH": "ကမ္ဘောဒီးယား",
    "ID": "အင်ဒိုနီးရှား",
    "LA": "လာအို",
    "MY": "မလေးရှား",
    "MM": "မြန်မာ",
    "PH": "ဖိလစ်ပိုင်",
    "SG": "စင်ကာပူ",
    "TH": "ထိုင်း",
    "VN": "ဗီယက်နမ်",
    "TL": "တီမော-လက်စ်တေ",
    "JP": "ဂျပန်",
    "KR": "တောင်ကိုရီးယား",
    "AU": "ဩစတြေးလျ",
    "IN": "အိန္ဒိယ",
    "GB": "ယူနိုက်တက်ကင်းဒမ်း",
    "US": "အမေရိကန်ပြည်ထောင်စု",
}

FIL = {
    "CN": "Tsina",
    "BN": "Brunei Darussalam",
    "KH": "Kambodya",
    "ID": "Indonesia",
    "LA": "Laos",
    "MY": "Malaysia",
    "MM": "Myanmar",
    "PH": "Pilipinas",
    "SG": "Singapore",
    "TH": "Thailand",
    "VN": "Vietnam",
    "TL": "Timor-Leste",
    "JP": "Hapon",
    "KR": "Timog Korea",
    "AU": "Australia",
    "IN": "India",
    "GB": "United Kingdom",
    "US": "Estados Unidos",
}
