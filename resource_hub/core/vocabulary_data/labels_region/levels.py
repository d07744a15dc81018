"""Education level and sector names in Khmer, Lao, Burmese and Filipino (see levels.py).

The sectors use each country's own words where it has one: Lao ອາຊີວະສຶກສາ
and ອຸດົມສຶກສາ, Myanmar's အခြေခံပညာ (basic education), the
Philippines' "lalong mataas na edukasyon" (as in CHED's Filipino name).
"""

KM = {
    "isced-0": "ការអប់រំកុមារតូច",
    "isced-1": "ការអប់រំបឋមសិក្សា",
    "isced-2": "ការអប់រំមធ្យមសិក្សាបឋមភូមិ",
    "isced-3": "ការអប់រំមធ្យមសិក្សាទុតិយភូមិ",
    "isced-4": "ការអប់រំក្រោយមធ្យមសិក្សាដែលមិនមែនឧត្តមសិក្សា",
    "isced-5": "ការអប់រំឧត្តមសិក្សារយៈពេលខ្លី",
    "isced-6": "កម្រិតបរិញ្ញាបត្រ ឬស្មើ",
    "isced-7": "កម្រិតអនុបណ្ឌិត ឬស្មើ",
    "isced-8": "កម្រិតបណ្ឌិត ឬស្មើ",
    "sector-basic": "ការអប់រំមូលដ្ឋាន",
    "sector-vocational": "ការអប់រំបច្ចេកទេស និងវិជ្ជាជីវៈ",
    "sector-higher": "ឧត្តមសិក្សា",
    "sector-special": "ការអប់រំពិសេស",
    "sector-lifelong": "ការអប់រំពេញមួយជីវិត",
}

LO = {
    "isced-0": "ການສຶກສາປະຖົມໄວ",
    "isced-1": "ການສຶກສາຊັ້ນປະຖົມ",
    "isced-2": "ການສຶກສາຊັ້ນມັດທະຍົມຕອນຕົ້ນ",
    "isced-3": "ການສຶກສາຊັ້ນມັດທະຍົມຕອນປາຍ",
    "isced-4": "ການສຶກສາຫຼັງມັດທະຍົມທີ່ບໍ່ແມ່ນຊັ້ນສູງ",
    "isced-5": "ການສຶກສາຊັ້ນສູງໄລຍະສັ້ນ",
    "isced-6": "ລະດັບປະລິນຍາຕີ ຫຼື ທຽບເທົ່າ",
    "isced-7": "ລະດັບປະລິນຍາໂທ ຫຼື ທຽບເທົ່າ",
    "isced-8": "ລະດັບປະລິນຍາເອກ ຫຼື ທຽບເທົ່າ",
    "sector-basic": "ການສຶກສາພື້ນຖານ",
    "sector-vocational": "ອາຊີວະສຶກສາ",
    "sector-higher": "ອຸດົມສຶກສາ",
    "sector-special": "ການສຶກສາພິເສດ",
    "sector-lifelong": "ການສຶກສາຕະຫຼອດຊີວິດ",
}

MY = {
    "isced-0": "ငယ်ရွယ်စဉ် ကလေးပညာရေး",
    "isced-1": "မူလတန်းပညာရေး",
    "isced-2": "အလယ်တန်းပညာရေး",
    "isced-3": "အထက်တန်းပညာရေး",
    "isced-4": "အထက်တန်းလွန် တက္ကသိုလ်အဆင့်မဟုတ်သော ပညာရေး",
    "isced-5": "ကာလတို အဆင့်မြင့်ပညာရေး",
    "isced-6": "ပထမဘွဲ့အဆင့် သို့မဟုတ် ညီမျှသောအဆင့်",
    "isced-7": "မဟာဘွဲ့အဆင့် သို့မဟုတ် ညီမျှသောအဆင့်",
    "isced-8": "ပါရဂူဘွဲ့အဆင့် သို့မဟုတ် ညီမျှသောအဆင့်",
    "sector-basic": "အခြေခံပညာ",
    "sector-vocational": "သက်မွေးဝမ်းကျောင်း ပညာရေး",
    "sector-higher": "အဆင့်မြင့်ပညာ",
    "sector-special": "အထူးပညာရေး",
    "sector-lifelong": "တစ်သက်တာ ပညာရေး",
}

FIL = {
    "isced-0": "Edukasyon sa maagang pagkabata",
    "isced-1": "Edukasyong primarya",
    "isced-2": "Mababang sekundaryang edukasyon",
    "isced-3": "Mataas na sekundaryang edukasyon",
    "isced-4": "Edukasyong post-sekundarya na hindi tersiyaryo",
    "isced-5": "Maikling-siklong tersiyaryong edukasyon",
    "isced-6": "Antas batsilyer o katumbas",
    "isced-7": "Antas masteral o katumbas",
    "isced-8": "Antas doktoral o katumbas",
    "sector-basic": "Batayang edukasyon",
    "sector-vocational": "Teknikal-bokasyonal na edukasyon",
    "sector-higher": "Lalong mataas na edukasyon",
    "sector-special": "Espesyal na edukasyon",
    "sector-lifelong": "Panghabambuhay na edukasyon",
}
