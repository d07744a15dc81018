"""Licence names in the languages 0003 did not ship (see licences.py).

The Creative Commons names use the terms of Creative Commons' own
translations where they exist: the Thai legal code and deeds (แสดงที่มา,
ไม่ใช้เพื่อการค้า, อนุญาตแบบเดียวกัน, ไม่ดัดแปลง), the Vietnamese deeds (Ghi công,
Phi thương mại, Chia sẻ tương tự, Không phái sinh, Quốc tế) and the Malay deeds
(Atribusi, BukanKomersial, PerkongsianSerupa, TiadaTerbitan, Antarabangsa).
Creative Commons has no Khmer, Lao, Burmese or Filipino translation; those
names are faithful translations of the element names.
"""

TH = {
    "CC-BY-4.0": "ครีเอทีฟคอมมอนส์ แสดงที่มา 4.0 ระหว่างประเทศ",
    "CC-BY-SA-4.0": "ครีเอทีฟคอมมอนส์ แสดงที่มา-อนุญาตแบบเดียวกัน 4.0 ระหว่างประเทศ",
    "CC-BY-NC-4.0": "ครีเอทีฟคอมมอนส์ แสดงที่มา-ไม่ใช้เพื่อการค้า 4.0 ระหว่างประเทศ",
    "CC-BY-NC-SA-4.0": "ครีเอทีฟคอมมอนส์ แสดงที่มา-ไม่ใช้เพื่อการค้า-อนุญาตแบบเดียวกัน 4.0 ระหว่างประเทศ",
    "CC-BY-ND-4.0": "ครีเอทีฟคอมมอนส์ แสดงที่มา-ไม่ดัดแปลง 4.0 ระหว่างประเทศ",
    "CC-BY-NC-ND-4.0": "ครีเอทีฟคอมมอนส์ แสดงที่มา-ไม่ใช้เพื่อการค้า-ไม่ดัดแปลง 4.0 ระหว่างประเทศ",
    "CC0-1.0": "CC0 1.0 สากล (อุทิศให้เป็นสาธารณสมบัติ)",
}

VI = {
    "CC-BY-4.0": "Creative Commons Ghi công 4.0 Quốc tế",
    "CC-BY-SA-4.0": "Creative Commons Ghi công-Chia sẻ tương tự 4.0 Quốc tế",
    "CC-BY-NC-4.0": "Creative Commons Ghi công-Phi thương mại 4.0 Quốc tế",
    "CC-BY-NC-SA-4.0": "Creative Commons Ghi công-Phi thương mại-Chia sẻ tương tự 4.0 Quốc tế",
    "CC-BY-ND-4.0": "Creative Commons Ghi công-Không phái sinh 4.0 Quốc tế",
    "CC-BY-NC-ND-4.0": "Creative Commons Ghi công-Phi thương mại-Không phái sinh 4.0 Quốc tế",
    "CC0-1.0": "CC0 1.0 Toàn cầu (hiến tặng vào phạm vi công cộng)",
}

ID = {
    "CC0-1.0": "CC0 1.0 Universal (Pelepasan ke Domain Publik)",
}

MS = {
    "CC-BY-4.0": "Creative Commons Atribusi 4.0 Antarabangsa",
    "CC-BY-SA-4.0": "Creative Commons Atribusi-PerkongsianSerupa 4.0 Antarabangsa",
    "CC-BY-NC-4.0": "Creative Commons Atribusi-BukanKomersial 4.0 Antarabangsa",
    "CC-BY-NC-SA-4.0": (
        "Creative Commons Atribusi-BukanKomersial-PerkongsianSerupa 4.0 Antarabangsa"
    ),
    "CC-BY-ND-4.0": "Creative Commons Atribusi-TiadaTerbitan 4.0 Antarabangsa",
    "CC-BY-NC-ND-4.0": "Creative Commons Atribusi-BukanKomersial-TiadaTerbitan 4.0 Antarabangsa",
    "CC0-1.0": "CC0 1.0 Universal (dedikasi domain awam)",
}

KM = {
    "CC-BY-4.0": "Creative Commons ការបញ្ជាក់ប្រភព 4.0 អន្តរជាតិ",
    "CC-BY-SA-4.0": "Creative Commons ការបញ្ជាក់ប្រភព-ចែករំលែកដូចគ្នា 4.0 អន្តរជាតិ",
    "CC-BY-NC-4.0": "Creative Commons ការបញ្ជាក់ប្រភព-មិនមែនពាណិជ្ជកម្ម 4.0 អន្តរជាតិ",
    "CC-BY-NC-SA-4.0": "Creative Commons ការបញ្ជាក់ប្រភព-មិនមែនពាណិជ្ជកម្ម-ចែករំលែកដូចគ្នា 4.0 អន្តរជាតិ",
    "CC-BY-ND-4.0": "Creative Commons ការបញ្ជាក់ប្រភព-គ្មានការកែប្រែ 4.0 អន្តរជាតិ",
    "CC-BY-NC-ND-4.0": "Creative Commons ការបញ្ជាក់ប្រភព-មិនមែនពាណិជ្ជកម្ម-គ្មានការកែប្រែ 4.0 អន្តរជាតិ",
    "CC0-1.0": "CC0 1.0 សកល (ការឧទ្ទិសជាសម្បត្តិសាធារណៈ)",
    "LicenseRef-All-Rights-Reserved": "រក្សាសិទ្ធិគ្រប់យ៉ាង",
}

LO = {
    "CC-BY-4.0": "Creative Commons ອ້າງອີງທີ່ມາ 4.0 ສາກົນ",
    "CC-BY-SA-4.0": "Creative Commons ອ້າງອີງທີ່ມາ-ແບ່ງປັນແບບດຽວກັນ 4.0 ສາກົນ",
    "CC-BY-NC-4.0": "Creative Commons ອ້າງອີງທີ່ມາ-ບໍ່ແມ່ນເພື່ອການຄ້າ 4.0 ສາກົນ",
    "CC-BY-NC-SA-4.0": "Creative Commons ອ້າງອີງທີ່ມາ-ບໍ່ແມ່ນເພື່ອການຄ້າ-ແບ່ງປັນແບບດຽວກັນ 4.0 ສາກົນ",
    "CC-BY-ND-4.0": "Creative Commons ອ້າງອີງທີ່ມາ-ບໍ່ດັດແປງ 4.0 ສາກົນ",
    "CC-BY-NC-ND-4.0": "Creative Commons ອ້າງອີງທີ່ມາ-ບໍ່ແມ່ນເພື່ອການຄ້າ-ບໍ່ດັດແປງ 4.0 ສາກົນ",
    "CC0-1.0": "CC0 1.0 ສາກົນ (ມອບເປັນສົມບັດສາທາລະນະ)",
    "LicenseRef-All-Rights-Reserved": "ສະຫງວນລິຂະສິດທັງໝົດ",
}

MY = {
    "CC-BY-4.0": "Creative Commons မူရင်းဖော်ပြ 4.0 နိုင်ငံတကာ",
    "CC-BY-SA-4.0": "Creative Commons မူရင်းဖော်ပြ-အလားတူမျှဝေ 4.0 နိုင်ငံတကာ",
    "CC-BY-NC-4.0": "Creative Commons မူရင်းဖော်ပြ-စီးပွားဖြစ်မဟုတ် 4.0 နိုင်ငံတကာ",
    "CC-BY-NC-SA-4.0": "Creative Commons မူရင်းဖော်ပြ-စီးပွားဖြစ်မဟုတ်-အလားတူမျှဝေ 4.0 နိုင်ငံတကာ",
    "CC-BY-ND-4.0": "Creative Commons မူရင်းဖော်ပြ-မပြုပြင်ရ 4.0 နိုင်ငံတကာ",
    "CC-BY-NC-ND-4.0": "Creative Commons မူရင်းဖော်ပြ-စီးပွားဖြစ်မဟုတ်-မပြုပြင်ရ 4.0 နိုင်ငံတကာ",
    "CC0-1.0": "CC0 1.0 ကမ္ဘာလုံးဆိုင်ရာ (အများပိုင်အဖြစ် လှူဒါန်းခြင်း)",
    "LicenseRef-All-Rights-Reserved": "မူပိုင်ခွင့်အားလုံး ရယူထားသည်",
}

FIL = {
    "CC-BY-4.0": "Creative Commons Atribusyon 4.0 Internasyonal",
    "CC-BY-SA-4.0": "Creative Commons Atribusyon-IbahagiNangKatulad 4.0 Internasyonal",
    "CC-BY-NC-4.0": "Creative Commons Atribusyon-HindiKomersiyal 4.0 Internasyonal",
    "CC-BY-NC-SA-4.0": (
        "Creative Commons Atribusyon-HindiKomersiyal-IbahagiNangKatulad 4.0 Internasyonal"
    ),
    "CC-BY-ND-4.0": "Creative Commons Atribusyon-WalangHinangongGawa 4.0 Internasyonal",
    "CC-BY-NC-ND-4.0": (
        "Creative Commons Atribusyon-HindiKomersiyal-WalangHinangongGawa 4.0 Internasyonal"
    ),
    "CC0-1.0": "CC0 1.0 Unibersal (pag-aalay sa pampublikong domain)",
    "LicenseRef-All-Rights-Reserved": "Nakalaan ang lahat ng karapatan",
}
