"""Code tables for the Kakehashi demo-data generator.

Every code below carries a provenance note:
  [EX]   taken from the shared JP Core / JP-CLINS example resources
         (/work/shared/data/fhir-examples) or STANDARDS.md
  [SRC]  confirmed in public JP sources (JP Core / JP-CLINS IG terminology,
         特定健診 code tables, PMDA package-insert URLs) during development
  [STD]  standard international code (ICD-10 WHO 2013 / LOINC / UCUM / SNOMED CT)
         written from the public classification, not checked against a server
  [UNVERIFIED] could NOT be confirmed; a placeholder that must be replaced
         from the official master before anyone relies on it.

Nothing in here is a real patient's data.
"""

# --- canonical systems --------------------------------------------------
SYS_MEDIS_EX = "http://medis.or.jp/CodeSystem/master-disease-exCode"
SYS_MEDIS_KEY = "http://medis.or.jp/CodeSystem/master-disease-keyNumber"
SYS_ICD10 = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full"
SYS_HOT9 = "http://medis.or.jp/CodeSystem/master-HOT9"
SYS_YJ = "http://capstandard.jp/iyaku.info/CodeSystem/YJ-code"
SYS_JAMI_USAGE = "http://jami.jp/CodeSystem/MedicationUsage"
SYS_JLAC10 = "http://medis.or.jp/CodeSystem/master-JLAC10-17digits"
SYS_JFAGY_FOOD = "http://jpfhir.jp/fhir/core/CodeSystem/JP_JfagyFoodAllergen_CS"
SYS_JFAGY_MED = "http://jpfhir.jp/fhir/core/CodeSystem/GCM/JP_JfagyMedicationAllergen_CS"
SYS_DOCTYPE = "http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes"
SYS_SECTION = "http://jpfhir.jp/fhir/clins/CodeSystem/document-section"
SYS_INDICATION = "http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication"
SYS_MEMBER_ID = "http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID"
SYS_INST_NO10 = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no"
SYS_INST_NO7 = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicalOrganizationID"
SYS_INSURER_NO = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/InsurerNumber"
SYS_PATIENT_ID_PREFIX = "urn:oid:1.2.392.100495.20.3.51.1"
SYS_NAME_REPR = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
SYS_UCUM = "http://unitsofmeasure.org"
SYS_LOINC = "http://loinc.org"
SYS_SCT = "http://snomed.info/sct"

# --- conditions ---------------------------------------------------------
# key: (display, exCode, exCode provenance, keyNumber or None, ICD-10, ICD-10 provenance)
# ICD-10 codes are written without the dot, as in the JP-CLINS examples (C169).
CONDITIONS = {
    # exCodes confirmed in the JP Core / JP-CLINS IG or the shared examples:
    "cardia_ca": ("噴門癌", "L3RF", "EX", "20075639", "C160", "STD"),
    "radius_fx": ("橈骨遠位端骨折", "CJTR", "EX", None, "S525", "STD"),
    "appendicitis": ("急性化膿性虫垂炎", "HR19", "SRC", "20058257", "K358", "SRC"),
    "colitis": ("大腸炎", "VSES", "SRC", "20069737", "K529", "STD"),
    "abd_pain": ("持続腹痛", "BOEF", "SRC", None, "R104", "STD"),
    # ICD-10 for 肺炎球菌感染症: A49.1 is the WHO code for streptococcal infection
    # of unspecified site; MEDIS' own mapping was not checked.  [UNVERIFIED ICD]
    "pneumococcal": ("肺炎球菌感染症", "VQH3", "EX", None, "A491", "UNVERIFIED"),
    # The MEDIS exchange codes of the diseases below could not be verified from any
    # public source reachable while writing this tool, so none is written (None):
    # these conditions carry the MEDIS management number where it is known, ICD-10
    # and the text. No code is ever invented.
    "htn": ("高血圧症", None, "UNKNOWN", "20061593", "I10", "STD"),
    "t2dm": ("2型糖尿病", None, "UNKNOWN", None, "E119", "STD"),
    "dyslipidemia": ("脂質異常症", None, "UNKNOWN", None, "E785", "STD"),
    "asthma": ("気管支喘息", None, "UNKNOWN", None, "J459", "STD"),
    "duodenal_ulcer": ("十二指腸潰瘍", None, "UNKNOWN", "20064049", "K269", "STD"),
    "gastric_ca": ("胃癌", None, "UNKNOWN", "20054178", "C169", "EX"),
    "angina": ("狭心症", None, "UNKNOWN", "20058911", "I209", "STD"),
    "gastritis": ("胃炎", None, "UNKNOWN", "20054174", "K297", "SRC"),
}

# --- medicines ------------------------------------------------------------
# key: (display, ingredient (一般名), HOT9 or None, YJ or None, unit display, unit MERIT9 code)
MEDICATIONS = {
    # [EX] HOT9 + YJ both from the JP-CLINS examples
    "amlodipine10": ("アムロジピンＯＤ錠１０ｍｇ", "アムロジピンベシル酸塩", "121431401", "2171022F6276", "錠", "TAB"),
    "calonal500": ("カロナール錠５００", "アセトアミノフェン", "123812902", "1141007F3023", "錠", "TAB"),
    "calonal300": ("カロナール錠３００", "アセトアミノフェン", None, "1141007F1063", "錠", "TAB"),
    "predonin5": ("プレドニン錠５ｍｇ", "プレドニゾロン", "105271807", "2456001F1310", "錠", "TAB"),
    "miyabm": ("ミヤＢＭ錠", "酪酸菌", "104195801", "2316009F1022", "錠", "TAB"),
    "carbocisteine_sawai": ("カルボシステイン錠２５０ｍｇ「サワイ」", "L-カルボシステイン", "103831601", "2233002F1280", "錠", "TAB"),
    "lecicarbon": ("新レシカルボン坐剤", "炭酸水素ナトリウム・無水リン酸二水素ナトリウム", "104937401", "2359800J1035", "個", "KO"),
    "dayvigo": ("デエビゴ錠２．５ｍｇ", "レンボレキサント", None, "1190027F1022", "錠", "TAB"),
    # [EX] HOT9 from the JP Core MedicationDispense example (no YJ given there)
    "mucodyne250": ("ムコダイン錠２５０ｍｇ", "L-カルボシステイン", "103835401", None, "錠", "TAB"),
    # [SRC] YJ only: seen with the product name in a public drug-master table and
    # matching the PMDA package-insert URL (…_3962002F2027_…, …_2189017F1022_…)
    "metgluco250": ("メトグルコ錠２５０ｍｇ", "メトホルミン塩酸塩", None, "3962002F2027", "錠", "TAB"),
    "crestor2_5": ("クレストール錠２．５ｍｇ", "ロスバスタチンカルシウム", None, "2189017F1022", "錠", "TAB"),
}

# JAMI 16-digit usage codes, all [EX] (shared examples, JAMI or ePrescription systems)
USAGES = {
    "qd_morning": ("1011000400000000", "内服 １日１回 朝食後"),
    "qd_evening": ("1011040000000000", "内服 １日１回 夕食後"),
    "qd_bedtime": ("1011100000000000", "内服 １日１回 就寝前"),
    "tid": ("1013044400000000", "内服 １日３回 朝昼夕食後"),
    "prn_fever": ("1050710000000000", "発熱時"),
}

# --- laboratory ----------------------------------------------------------
# key: (JLAC10 17-digit, short name, Japanese display, UCUM code, unit display, low, high, decimals)
# All JLAC10 codes [SRC]: JP-CLINS CoreLabo JLAC10 code set and the 特定健診 code
# table; K and eGFR also [EX].  Reference ranges are JCCLS common ranges (adult).
LABS = {
    "HbA1c": ("3D046000001906202", "HbA1c", "HbA1c(NGSP)", "%", "%", 4.9, 6.0, 1),
    "GLU": ("3D010000001926101", "GLU", "血糖", "mg/dL", "mg/dL", 73, 109, 0),
    "AST": ("3B035000002327201", "AST", "AST(GOT)", "U/L", "U/L", 13, 30, 0),
    "ALT": ("3B045000002327201", "ALT", "ALT(GPT)", "U/L", "U/L", 10, 42, 0),
    "GGT": ("3B090000002327101", "γ-GT", "γ-GT", "U/L", "U/L", 13, 64, 0),
    "CRE": ("3C015000002327101", "CRE", "クレアチニン", "mg/dL", "mg/dL", 0.65, 1.07, 2),
    "eGFR": ("8A065000002391901", "eGFR", "推算GFR", "mL/min/{1.73_m2}", "mL/min/1.73m2", 60, None, 1),
    "UA": ("3C020000002327101", "UA", "尿酸", "mg/dL", "mg/dL", 3.7, 7.8, 1),
    "Na": ("3H010000002326101", "Na", "ナトリウム", "mmol/L", "mmol/L", 138, 145, 0),
    "K": ("3H015000002326101", "K", "カリウム", "mmol/L", "mmol/L", 3.6, 4.8, 1),
    "LDL": ("3F077000002327101", "LDL-C", "LDLコレステロール", "mg/dL", "mg/dL", 65, 163, 0),
    "HDL": ("3F070000002327101", "HDL-C", "HDLコレステロール", "mg/dL", "mg/dL", 38, 90, 0),
    "TG": ("3F015000002327101", "TG", "中性脂肪", "mg/dL", "mg/dL", 40, 149, 0),
    "ALB": ("3A015000002327101", "ALB", "アルブミン", "g/dL", "g/dL", 4.1, 5.1, 1),
    "Hb": ("2A030000001930101", "Hb", "血色素量(Hb)", "g/dL", "g/dL", 13.7, 16.8, 1),
    "WBC": ("2A010000001930101", "WBC", "白血球数", "10*3/uL", "10^3/μL", 3.3, 8.6, 1),
    "PLT": ("2A050000001930901", "PLT", "血小板数", "10*3/uL", "10^3/μL", 158, 348, 0),
}

# Children's serum creatinine (enzymatic), by age in years: (low, high) mg/dL. ILLUSTRATIVE values
# after the shape of the Japanese paediatric reference (Uemura O, et al. Clin Exp Nephrol 2011;15:694-699),
# rounded and not checked against the published table: demo data only, never for clinical use. A
# laboratory reports its own range with each result; the viewer reads that, not this table.
CRE_CHILD = {1: (0.16, 0.32), 2: (0.17, 0.34), 3: (0.21, 0.37), 4: (0.20, 0.40), 5: (0.25, 0.45),
             6: (0.25, 0.48), 7: (0.28, 0.49), 8: (0.29, 0.53), 9: (0.34, 0.51), 10: (0.30, 0.57),
             11: (0.35, 0.58)}

# 感染症 (JP-CLINS InfectionLabo item set) [SRC]: codes of JP_CLINS_CodeSystem_JLAC10_InfectionLabo
# (jami-fhir-jp-wg/clinical-core). key: (JLAC10 17-digit, display, unit, qualitative?)
SYS_CLINS_INFECTION_JLAC10 = "http://jpfhir.jp/fhir/clins/CodeSystem/JLAC10/JP_CLINS_ObsLabResult_InfectionLabo_CS"
INFECTION_LABS = {
    "HBsAg": ("5F016141002306311", "HBs抗原(定性)", None),
    "HCVAb": ("5F360148702305231", "HCV抗体(陽性コントロール比)", "COI"),
    "TPAb": ("5E075000002299911", "梅毒TP抗体(定性)", None),
}

# Vital signs [STD] LOINC
LOINC_BP = ("85354-9", "Blood pressure panel with all children optional")
LOINC_SBP = ("8480-6", "Systolic blood pressure")
LOINC_DBP = ("8462-4", "Diastolic blood pressure")
LOINC_WEIGHT = ("29463-7", "Body weight")
LOINC_LAB_REPORT = ("11502-2", "Laboratory report")

# Food / drug allergens
FOOD_ALLERGENS = {  # [EX] JP Core / JP-CLINS examples and a public JP Core demo bundle (そば)
    "wheat": ("J9FA15000016", "小麦粉"),
    "kiwi": ("J9FA32540000", "キウイフルーツ"),
    "mackerel": ("J9FC11310000", "さば"),
    "buckwheat": ("J9FA19140000", "そば"),
}
DRUG_ALLERGENS = {  # [EX]
    "povidone": ("GCM2260701F1ZZZ", "ポビドンヨード含嗽用液７％"),
}

# Procedures: SNOMED CT [STD], written from memory of the international release,
# not checked against a terminology server.
PROCEDURES = {
    "distal_gastrectomy": ("53442002", "Excision of stomach", "腹腔鏡下幽門側胃切除術"),
    "general_anesthesia": ("50697003", "General anesthesia", "全身麻酔（閉鎖循環式）"),
    "rbc_transfusion": ("116863004", "Transfusion of red blood cells", "赤血球液輸血（RBC 2単位）"),
    "appendectomy": ("80146002", "Appendectomy", "腹腔鏡下虫垂切除術"),
    "cast": (None, None, "橈骨遠位端骨折 ギプス固定"),
    "scaling": (None, None, "スケーリング（歯石除去）"),
    "hemodialysis": ("302497006", "Hemodialysis", "血液透析（人工腎臓）"),
}

DOC_TYPES = {
    "referral": ("57133-1", "診療情報提供書"),
    "discharge": ("18842-5", "退院時サマリー"),
    "checkup": ("53576-5", "健診結果報告書"),
}

SECTIONS = {  # [EX] STANDARDS.md / JP-CLINS
    "300": "構造情報セクション",
    "920": "紹介元情報セクション",
    "910": "紹介先情報セクション",
    "950": "紹介目的セクション",
    "340": "傷病名・主訴セクション",
    "360": "現病歴セクション",
    "370": "既往歴セクション",
    "510": "アレルギー・不耐性反応セクション",
    "550": "家族歴セクション",
    "330": "臨床経過セクション",
    "430": "投薬指示セクション",
    "620": "検査セクション",
    "610": "身体所見セクション",
}
