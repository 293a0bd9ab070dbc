#!/usr/bin/env python3
"""Deterministic synthetic FHIR R4 (JP Core) demo data for Kakehashi.

    python3 tools/demo/generate.py --out DIR

Writes (the layout is a contract other code relies on):
  DIR/patients/<patientId>.json   one Bundle(type=collection) per patient
  DIR/imaging-manifest.json       DICOM studies for make_demo_dicom to write
  DIR/demo-info.json              {"today": ...}: the moment the demo reads as of (the viewer
                                  sets its reference clock to it, so current medications and
                                  recent encounters stay current whatever the real date)
  DIR/patients-index.json         which patient files make up one person's record (patientindex.py):
                                  `--demo --patient ID --summary` reads only those
  DIR/demo.qrc                    resource list for `rcc --binary` (prefix /demo)

All people, facilities and numbers are fictional.  The generator uses only the
Python standard library, a fixed seed and a fixed "today" (2026-10-31), so two
runs give byte-identical files.  Code provenance is documented in codes.py.
"""

import argparse
import base64
import datetime as dt
import hashlib
import html
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import codes as C  # noqa: E402
import patientindex  # noqa: E402

TODAY = dt.date(2026, 10, 31)
SEED = 20261031
BASE = "https://demo.kakehashi.invalid/fhir/"
WADO_BASE = "https://demo.kakehashi.invalid/dicom-web"
LOCAL_CS = "https://demo.kakehashi.invalid/fhir/CodeSystem/"
FACILITY_KIND_CS = LOCAL_CS + "facility-kind"
JST = "+09:00"


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def d2s(d):
    return d.isoformat()


def dts(d, hh=9, mm=0):
    return "%sT%02d:%02d:00%s" % (d.isoformat(), hh, mm, JST)


def uid_for(name):
    """Deterministic DICOM UID under the 2.25 (UUID-derived) root."""
    h = hashlib.sha256(("kakehashi-demo:" + name).encode()).digest()[:16]
    return "2.25.%d" % int.from_bytes(h, "big")


def uuid_for(name):
    h = bytearray(hashlib.sha256(("kakehashi-doc:" + name).encode()).digest()[:16])
    h[6] = (h[6] & 0x0F) | 0x50  # version 5-like
    h[8] = (h[8] & 0x3F) | 0x80
    x = h.hex()
    return "%s-%s-%s-%s-%s" % (x[:8], x[8:12], x[12:16], x[16:20], x[20:])


def kata_to_hira(s):
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in s)


def xhtml(*paragraphs):
    body = "".join("<p>%s</p>" % html.escape(p, quote=False) for p in paragraphs)
    return '<div xmlns="http://www.w3.org/1999/xhtml">%s</div>' % body


def coding(system, code, display=None):
    c = {"system": system, "code": code}
    if display:
        c["display"] = display
    return c


def cc(system, code, display=None, text=None):
    r = {"coding": [coding(system, code, display)]}
    if text:
        r["text"] = text
    return r


def ref(rtype, rid, display=None):
    r = {"reference": "%s/%s" % (rtype, rid)}
    if display:
        r["display"] = display
    return r


def jp_names(family_k, given_k, family_s, given_s):
    def one(rep, fam, giv):
        return {
            "extension": [{"url": C.SYS_NAME_REPR, "valueCode": rep}],
            "use": "official",
            "text": "%s %s" % (fam, giv),
            "family": fam,
            "given": [giv],
        }
    return [one("IDE", family_k, given_k), one("SYL", family_s, given_s)]


def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    day = min(d.day, [31, 29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28,
                      31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
    return dt.date(y, m, day)


def workday(d):
    """Move Sundays to Monday (clinics are closed)."""
    return d + dt.timedelta(days=1) if d.weekday() == 6 else d


# --------------------------------------------------------------------------
# facilities and practitioners (shared across patients)
# --------------------------------------------------------------------------
# id: (name, kind code, kind display, prefecture, fee-table digit, 7-digit code, address)
FACILITIES = {
    "org-tohto-univ": ("東都大学病院", "university-hospital", "大学病院", "13", "1", "1234567", "東京都文京区本郷七丁目3-1（架空）"),
    "org-konan-hosp": ("港南中央病院", "hospital", "地域の病院", "13", "1", "2345678", "東京都港区港南二丁目5-8（架空）"),
    "org-sakura-clinic": ("さくら内科クリニック", "clinic", "診療所", "13", "1", "3456789", "東京都品川区大井一丁目2-3（架空）"),
    "org-minato-dental": ("みなと歯科医院", "dental-clinic", "歯科診療所", "13", "3", "4567801", "東京都港区芝浦三丁目1-1（架空）"),
    "org-aoba-pharmacy": ("あおば薬局", "pharmacy", "保険薬局", "13", "4", "5678902", "東京都文京区本郷七丁目2-10（架空）"),
    "org-hikari-pharmacy": ("ひかり薬局", "pharmacy", "保険薬局", "13", "4", "6789013", "東京都品川区大井一丁目4-5（架空）"),
    # Only in the scale patient (--scale): two more facilities make eight.
    "org-kita-ortho": ("北町整形外科クリニック", "clinic", "診療所", "13", "1", "7890124", "東京都北区王子一丁目6-2（架空）"),
    "org-midori-pharmacy": ("みどり薬局", "pharmacy", "保険薬局", "13", "4", "8901235", "東京都北区王子一丁目7-1（架空）"),
}

# id: (org, family kanji, given kanji, family kana, given kana, gender, role text)
PRACTITIONERS = {
    "prac-tohto-01": ("org-tohto-univ", "小林", "誠", "コバヤシ", "マコト", "male", "循環器内科 医師"),
    "prac-tohto-02": ("org-tohto-univ", "中村", "裕子", "ナカムラ", "ユウコ", "female", "消化器外科 医師"),
    "prac-tohto-03": ("org-tohto-univ", "加藤", "直樹", "カトウ", "ナオキ", "male", "麻酔科 医師"),
    "prac-tohto-04": ("org-tohto-univ", "吉田", "亜紀", "ヨシダ", "アキ", "female", "放射線科 医師"),
    "prac-tohto-05": ("org-tohto-univ", "山本", "浩二", "ヤマモト", "コウジ", "male", "糖尿病・代謝内科 医師"),
    "prac-konan-01": ("org-konan-hosp", "松本", "隆", "マツモト", "タカシ", "male", "外科 医師"),
    "prac-konan-02": ("org-konan-hosp", "井上", "由美", "イノウエ", "ユミ", "female", "内科 医師"),
    "prac-konan-03": ("org-konan-hosp", "木村", "さくら", "キムラ", "サクラ", "female", "小児科 医師"),
    "prac-konan-04": ("org-konan-hosp", "林", "健太", "ハヤシ", "ケンタ", "male", "整形外科 医師"),
    "prac-sakura-01": ("org-sakura-clinic", "清水", "智子", "シミズ", "トモコ", "female", "内科 院長"),
    "prac-minato-01": ("org-minato-dental", "山口", "悟", "ヤマグチ", "サトル", "male", "歯科医師 院長"),
    "prac-aoba-01": ("org-aoba-pharmacy", "森", "香織", "モリ", "カオリ", "female", "薬剤師"),
    "prac-hikari-01": ("org-hikari-pharmacy", "池田", "翔", "イケダ", "ショウ", "male", "薬剤師"),
    "prac-kita-01": ("org-kita-ortho", "岡田", "修", "オカダ", "オサム", "male", "整形外科 院長"),
    "prac-midori-01": ("org-midori-pharmacy", "前田", "恵", "マエダ", "メグミ", "female", "薬剤師"),
}

ENDPOINT_ID = "endpoint-demo-wado"


def inst_no10(org_id):
    f = FACILITIES[org_id]
    return f[3] + f[4] + f[5]


def make_organization(org_id):
    name, kind, kind_disp, pref, fee, code7, addr = FACILITIES[org_id]
    return {
        "resourceType": "Organization",
        "id": org_id,
        "meta": {"profile": ["http://jpfhir.jp/fhir/core/StructureDefinition/JP_Organization"]},
        "extension": [
            {"url": "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Organization_PrefectureNo",
             "valueCoding": coding("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/PrefectureNo-2digits", pref)},
            {"url": "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Organization_InsuranceOrganizationCategory",
             "valueCoding": coding("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationFeeScoreType", fee)},
            {"url": "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Organization_InsuranceOrganizationNo",
             "valueIdentifier": {"system": C.SYS_INST_NO7, "value": code7}},
        ],
        "identifier": [
            {"system": C.SYS_INST_NO10, "value": inst_no10(org_id)},
            {"system": C.SYS_INST_NO7, "value": code7},
        ],
        "active": True,
        "type": [
            cc("http://terminology.hl7.org/CodeSystem/organization-type", "prov", "Healthcare Provider"),
            cc(FACILITY_KIND_CS, kind, kind_disp),
        ],
        "name": name,
        "address": [{"text": addr, "state": "東京都", "country": "JP"}],
    }


def make_practitioner(pid):
    org, fk, gk, fs, gs, gender, role = PRACTITIONERS[pid]
    qual = "pharmacist" if "薬剤師" in role else "medical-registration"
    res = {
        "resourceType": "Practitioner",
        "id": pid,
        "meta": {"profile": ["http://jpfhir.jp/fhir/core/StructureDefinition/JP_Practitioner"]},
        "identifier": [{"system": LOCAL_CS.replace("CodeSystem/", "") + "IdSystem/staff/" + org,
                        "value": pid.split("-")[-1]}],
        "name": jp_names(fk, gk, fs, gs),
        "gender": gender,
        "qualification": [],
    }
    if qual == "medical-registration":
        res["qualification"].append({
            "identifier": [{"system": "http://jpfhir.jp/fhir/core/mhlw/IdSystem/medicalRegistrationNumber",
                            "value": "9%05d" % (int(hashlib.sha256(pid.encode()).hexdigest(), 16) % 100000)}],
            "code": cc("http://jpfhir.jp/fhir/core/CodeSystem/JP_MedicalLicenseCertificate_CS",
                       "medical-registration", text=role)})
    else:
        res["qualification"].append({"code": {"text": role}})
    return res


def make_endpoint():
    return {
        "resourceType": "Endpoint",
        "id": ENDPOINT_ID,
        "status": "active",
        "connectionType": coding("http://terminology.hl7.org/CodeSystem/endpoint-connection-type", "dicom-wado-rs"),
        "name": "Kakehashi demo DICOMweb (WADO-RS)",
        "payloadType": [{"text": "DICOM WADO-RS"}],
        "payloadMimeType": ["application/dicom"],
        "address": WADO_BASE,
    }


# --------------------------------------------------------------------------
# patient builder
# --------------------------------------------------------------------------
class PatientRecord:
    def __init__(self, pid, fam_k, giv_k, fam_s, giv_s, gender, birth, address, member_id, facility_ids, first_year):
        self.pid = pid
        self.gender = gender
        self.birth = birth
        self.fam_k, self.giv_k, self.fam_s, self.giv_s = fam_k, giv_k, fam_s, giv_s
        self.rng = random.Random("%d:%s" % (SEED, pid))
        self.resources = []
        self.ids = set()
        self.counters = {}
        self.facility_ids = facility_ids  # org -> local patient number
        self.first_day = dt.date(first_year, 1, 1)
        self.imaging = []
        pat = {
            "resourceType": "Patient",
            "id": pid,
            "meta": {"profile": ["http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient"]},
            "identifier": [{"system": C.SYS_MEMBER_ID, "value": member_id}] + [
                {"system": C.SYS_PATIENT_ID_PREFIX + inst_no10(org), "value": local}
                for org, local in sorted(facility_ids.items())],
            "active": True,
            "name": jp_names(fam_k, giv_k, fam_s, giv_s),
            "gender": gender,
            "birthDate": d2s(birth),
            "address": [{"text": address, "state": "東京都", "country": "JP"}],
        }
        self.member_id = member_id
        self.add(pat)

    # ---- plumbing
    def next_id(self, abbrev, width=4):
        n = self.counters.get(abbrev, 0) + 1
        self.counters[abbrev] = n
        return "%s-%s-%0*d" % (self.pid, abbrev, width, n)

    def add(self, res):
        key = (res["resourceType"], res["id"])
        assert key not in self.ids, key
        self.ids.add(key)
        self.resources.append(res)
        return res

    def source_meta(self, org, when, profile=None):
        m = {"source": BASE + "Organization/" + org, "lastUpdated": dts(when, 18, 0)}
        if profile:
            m["profile"] = [profile]
        return m

    @staticmethod
    def inst_ext(org):
        return {"url": "http://jpfhir.jp/fhir/clins/Extension/StructureDefinition/JP_eCS_InstitutionNumber",
                "valueIdentifier": {"system": C.SYS_INST_NO10, "value": inst_no10(org)}}

    def subject(self):
        return ref("Patient", self.pid, "%s %s" % (self.fam_k, self.giv_k))

    def age_on(self, d):
        return d.year - self.birth.year - ((d.month, d.day) < (self.birth.month, self.birth.day))

    # ---- resources
    def encounter(self, org, prac, start, cls="AMB", end=None, reason=None, hh=9, mm=30, minutes=20):
        eid = self.next_id("enc")
        start_s = dts(start, hh, mm)
        if end is None:
            t = hh * 60 + mm + minutes
            end_s = dts(start, t // 60, t % 60)
        else:
            end_s = dts(end, 10, 0)
        res = {
            "resourceType": "Encounter",
            "id": eid,
            "meta": self.source_meta(org, end or start, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Encounter"),
            "extension": [self.inst_ext(org)],
            "status": "finished" if (end or start) <= TODAY else "in-progress",
            "class": coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", cls,
                            {"AMB": "外来", "IMP": "入院", "EMER": "救急"}[cls]),
            "subject": self.subject(),
            "participant": [{"individual": ref("Practitioner", prac)}],
            "period": {"start": start_s, "end": end_s},
            "serviceProvider": ref("Organization", org, FACILITIES[org][0]),
        }
        if reason:
            res["reasonCode"] = [{"text": reason}]
        if cls == "IMP":
            res["hospitalization"] = {
                "admitSource": {"text": "外来から入院"},
                "dischargeDisposition": {"text": "自宅退院"},
            }
        return self.add(res)

    def condition(self, key, org, prac, onset, enc=None, abated=None, category="encounter-diagnosis", tags=(), note=None):
        disp, ex, _exprov, keyno, icd, _icdprov = C.CONDITIONS[key]
        cid = self.next_id("cond", 3)
        codings = [coding(C.SYS_MEDIS_EX, ex, disp)] if ex else []
        if keyno:
            codings.append(coding(C.SYS_MEDIS_KEY, keyno, disp))
        codings.append(coding(C.SYS_ICD10, icd))
        if abated:
            status = "resolved"
        else:
            status = "active"
        meta = self.source_meta(org, onset, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Condition_Diagnosis")
        if tags:
            meta["tag"] = [coding(C.SYS_INDICATION, t, {"UNINFORMED": "未告知", "UNDELIVERED": "提供不可"}[t]) for t in tags]
        res = {
            "resourceType": "Condition",
            "id": cid,
            "meta": meta,
            "extension": [self.inst_ext(org)],
            "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/condition-clinical", status),
            "verificationStatus": cc("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
            "category": [cc("http://terminology.hl7.org/CodeSystem/condition-category", category)],
            "code": {"coding": codings, "text": disp},
            "subject": self.subject(),
            "onsetDateTime": d2s(onset),
            "recordedDate": d2s(onset),
            "recorder": ref("Practitioner", prac),
            "asserter": ref("Practitioner", prac),
        }
        if enc:
            res["encounter"] = ref("Encounter", enc["id"])
        if abated:
            res["abatementDateTime"] = d2s(abated)
        if note:
            res["note"] = [{"text": note}]
        return self.add(res)

    def allergy(self, kind, key, org, prac, when, criticality, reaction, note=None):
        aid = self.next_id("alg", 3)
        if kind == "food":
            code, disp = C.FOOD_ALLERGENS[key]
            system = C.SYS_JFAGY_FOOD
        else:
            code, disp = C.DRUG_ALLERGENS[key]
            system = C.SYS_JFAGY_MED
        res = {
            "resourceType": "AllergyIntolerance",
            "id": aid,
            "meta": self.source_meta(org, when, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_AllergyIntolerance"),
            "extension": [self.inst_ext(org)],
            "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"),
            "verificationStatus": cc("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed"),
            "type": "allergy",
            "category": [kind],
            "criticality": criticality,
            "code": {"coding": [coding(system, code, disp)], "text": disp},
            "patient": self.subject(),
            "onsetDateTime": d2s(when),
            "recordedDate": d2s(when),
            "recorder": ref("Practitioner", prac),
            "reaction": [{"manifestation": [{"text": reaction}],
                          "severity": "severe" if criticality == "high" else "moderate"}],
        }
        if note:
            res["note"] = [{"text": note}]
        return self.add(res)

    def lab(self, key, value, org, when, enc=None, hh=10):
        jlac, short, disp, ucum, unit, low, high, dec = C.LABS[key]
        if key in ("CRE",) and self.gender == "female":
            low, high = 0.46, 0.79
        if key == "Hb" and self.gender == "female":
            low, high = 11.6, 14.8
        if key == "CRE" and self.age_on(when) < 12:
            # a children's range, as a paediatric laboratory reports it (never the adult one)
            low, high = C.CRE_CHILD[max(1, self.age_on(when))]
        value = round(value, dec) if dec else int(round(value))
        oid = self.next_id("obs", 5)
        if high is not None and value > high:
            interp = ("H", "High")
        elif low is not None and value < low:
            interp = ("L", "Low")
        else:
            interp = ("N", "Normal")
        rr = {}
        if low is not None:
            rr["low"] = {"value": low, "unit": unit, "system": C.SYS_UCUM, "code": ucum}
        if high is not None:
            rr["high"] = {"value": high, "unit": unit, "system": C.SYS_UCUM, "code": ucum}
        # each facility has its own local code for the same analyte
        local = "%s%03d" % (FACILITIES[org][5][:3], sorted(C.LABS).index(key) + 100)
        res = {
            "resourceType": "Observation",
            "id": oid,
            "meta": self.source_meta(org, when, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_LabResult"),
            "extension": [self.inst_ext(org)],
            "status": "final",
            "category": [cc("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")],
            "code": {"coding": [coding(LOCAL_CS + "lab-local/" + org, local, disp),
                                coding(C.SYS_JLAC10, jlac, short)],
                     "text": disp},
            "subject": self.subject(),
            "effectiveDateTime": dts(when, hh, 0),
            "issued": dts(when, hh + 2, 0),
            "performer": [ref("Organization", org, FACILITIES[org][0])],
            "valueQuantity": {"value": value, "unit": unit, "system": C.SYS_UCUM, "code": ucum},
            "interpretation": [cc("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", interp[0], interp[1])],
            "referenceRange": [rr],
        }
        if enc:
            res["encounter"] = ref("Encounter", enc["id"])
        return self.add(res)

    def infection_lab(self, key, value, org, when, enc=None, hh=10):
        """感染症 (JP-CLINS InfectionLabo): value is a qualitative text or a number in the item's unit."""
        jlac, disp, unit = C.INFECTION_LABS[key]
        oid = self.next_id("obs", 5)
        local = "%s%s" % (FACILITIES[org][5][:3], key)
        res = {
            "resourceType": "Observation",
            "id": oid,
            "meta": self.source_meta(org, when, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_LabResult"),
            "extension": [self.inst_ext(org)],
            "status": "final",
            "category": [cc("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")],
            "code": {"coding": [coding(LOCAL_CS + "lab-local/" + org, local, disp),
                                coding(C.SYS_CLINS_INFECTION_JLAC10, jlac, disp),
                                coding(C.SYS_JLAC10, jlac, disp)],
                     "text": disp},
            "subject": self.subject(),
            "effectiveDateTime": dts(when, hh, 0),
            "issued": dts(when, hh + 2, 0),
            "performer": [ref("Organization", org, FACILITIES[org][0])],
            "interpretation": [cc("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "N", "Normal")],
        }
        if unit:
            res["valueQuantity"] = {"value": value, "unit": unit, "system": C.SYS_UCUM, "code": "{%s}" % unit}
            res["referenceRange"] = [{"high": {"value": 1.0, "unit": unit}, "text": "1.0未満"}]
        else:
            res["valueString"] = value
        if enc:
            res["encounter"] = ref("Encounter", enc["id"])
        return self.add(res)

    def lab_panel(self, values, org, when, enc=None, prac=None):
        obs = [self.lab(k, v, org, when, enc) for k, v in values]
        rid = self.next_id("dr", 4)
        res = {
            "resourceType": "DiagnosticReport",
            "id": rid,
            "meta": self.source_meta(org, when, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_DiagnosticReport_LabResult"),
            "status": "final",
            "category": [cc("http://terminology.hl7.org/CodeSystem/v2-0074", "LAB", "Laboratory")],
            "code": cc(C.SYS_LOINC, C.LOINC_LAB_REPORT[0], C.LOINC_LAB_REPORT[1], "検体検査報告"),
            "subject": self.subject(),
            "effectiveDateTime": dts(when, 10, 0),
            "issued": dts(when, 12, 0),
            "performer": [ref("Organization", org, FACILITIES[org][0])],
            "result": [ref("Observation", o["id"]) for o in obs],
        }
        if enc:
            res["encounter"] = ref("Encounter", enc["id"])
        if prac:
            res["resultsInterpreter"] = [ref("Practitioner", prac)]
        self.add(res)
        return obs

    def vitals(self, org, when, enc, sbp, dbp, weight=None):
        out = []
        oid = self.next_id("vit", 5)
        out.append(self.add({
            "resourceType": "Observation",
            "id": oid,
            "meta": self.source_meta(org, when, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_VitalSigns"),
            "status": "final",
            "category": [cc("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")],
            "code": cc(C.SYS_LOINC, C.LOINC_BP[0], C.LOINC_BP[1], "血圧"),
            "subject": self.subject(),
            "encounter": ref("Encounter", enc["id"]),
            "effectiveDateTime": dts(when, 9, 40),
            "performer": [ref("Organization", org)],
            "component": [
                {"code": cc(C.SYS_LOINC, C.LOINC_SBP[0], C.LOINC_SBP[1], "収縮期血圧"),
                 "valueQuantity": {"value": int(sbp), "unit": "mmHg", "system": C.SYS_UCUM, "code": "mm[Hg]"}},
                {"code": cc(C.SYS_LOINC, C.LOINC_DBP[0], C.LOINC_DBP[1], "拡張期血圧"),
                 "valueQuantity": {"value": int(dbp), "unit": "mmHg", "system": C.SYS_UCUM, "code": "mm[Hg]"}},
            ],
        }))
        if weight is not None:
            oid = self.next_id("vit", 5)
            out.append(self.add({
                "resourceType": "Observation",
                "id": oid,
                "meta": self.source_meta(org, when, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_VitalSigns"),
                "status": "final",
                "category": [cc("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")],
                "code": cc(C.SYS_LOINC, C.LOINC_WEIGHT[0], C.LOINC_WEIGHT[1], "体重"),
                "subject": self.subject(),
                "encounter": ref("Encounter", enc["id"]),
                "effectiveDateTime": dts(when, 9, 40),
                "performer": [ref("Organization", org)],
                "valueQuantity": {"value": round(weight, 1), "unit": "kg", "system": C.SYS_UCUM, "code": "kg"},
            }))
        return out

    def med_concept(self, key):
        disp, ingr, hot9, yj, _u, _mu = C.MEDICATIONS[key]
        codings = []
        if hot9:
            codings.append(coding(C.SYS_HOT9, hot9, disp))
        if yj:
            codings.append(coding(C.SYS_YJ, yj, disp))
        return {"coding": codings, "text": disp}

    def dosage(self, key, usage, per_dose, days, start, as_needed=False):
        disp, ingr, hot9, yj, unit, merit = C.MEDICATIONS[key]
        ucode, udisp = C.USAGES[usage]
        times = {"tid": 3}.get(usage, 1)
        daily = per_dose * times
        end = start + dt.timedelta(days=days - 1)
        text = "%s　１回%s%s（１日%s%s）　%d日分" % (udisp, fmt_num(per_dose), unit, fmt_num(daily), unit, days)
        if as_needed:
            text = "%s　１回%s%s　%d回分" % (udisp, fmt_num(per_dose), unit, days)
        d = {
            "extension": [{"url": "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_MedicationDosage_PeriodOfUse",
                           "valuePeriod": {"start": d2s(start), "end": d2s(end)}}],
            "text": text,
            "timing": {
                "code": {"coding": [coding(C.SYS_JAMI_USAGE, ucode, udisp)], "text": udisp},
            },
            "route": cc("http://jpfhir.jp/fhir/core/CodeSystem/route-codes", "PO" if merit != "KO" else "RE",
                        "口" if merit != "KO" else "直腸"),
            "doseAndRate": [{
                "type": cc("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationIngredientStrengthStrengthType", "1", "製剤量"),
                "doseQuantity": {"value": per_dose, "unit": unit,
                                 "system": "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUnitMERIT9Code", "code": merit},
            }],
        }
        if as_needed:
            d["asNeededBoolean"] = True
        else:
            d["timing"]["repeat"] = {"boundsDuration": {"value": days, "unit": "日", "system": C.SYS_UCUM, "code": "d"},
                                     "frequency": times, "period": 1, "periodUnit": "d"}
            d["doseAndRate"][0]["rateRatio"] = {
                "numerator": {"value": daily, "unit": unit,
                              "system": "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUnitMERIT9Code", "code": merit},
                "denominator": {"value": 1, "unit": "日", "system": C.SYS_UCUM, "code": "d"}}
        return d, (daily * days if not as_needed else per_dose * days)

    def prescription(self, key, org, prac, start, days, usage, per_dose=1, pharmacy=None, enc=None, as_needed=False):
        disp, ingr, hot9, yj, unit, merit = C.MEDICATIONS[key]
        mid = self.next_id("mrq", 4)
        dose, total = self.dosage(key, usage, per_dose, days, start, as_needed)
        end = start + dt.timedelta(days=days - 1)
        res = {
            "resourceType": "MedicationRequest",
            "id": mid,
            "meta": self.source_meta(org, start, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationRequest"),
            "extension": [self.inst_ext(org)],
            "identifier": [{"system": "http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber", "value": "1"}],
            "status": "active" if end >= TODAY else "completed",
            "intent": "order",
            "category": [cc("http://jpfhir.jp/fhir/core/CodeSystem/JP_MedicationCategoryMERIT9_CS", "OHO", "院外処方")],
            "medicationCodeableConcept": self.med_concept(key),
            "subject": self.subject(),
            "authoredOn": dts(start, 10, 0),
            "requester": ref("Practitioner", prac),
            "dosageInstruction": [dose],
            "dispenseRequest": {
                "quantity": {"value": total, "unit": unit,
                             "system": "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUnitMERIT9Code", "code": merit},
                "expectedSupplyDuration": {"value": days, "unit": "日", "system": C.SYS_UCUM, "code": "d"},
            },
            "note": [{"text": "一般名: " + ingr}],
        }
        if enc:
            res["encounter"] = ref("Encounter", enc["id"])
        self.add(res)
        if pharmacy:
            self.dispense(key, res, pharmacy, start, days, usage, per_dose, as_needed)
        return res

    def dispense(self, key, req, pharmacy, day, days, usage, per_dose, as_needed=False):
        disp, ingr, hot9, yj, unit, merit = C.MEDICATIONS[key]
        did = self.next_id("mdp", 4)
        dose, total = self.dosage(key, usage, per_dose, days, day, as_needed)
        pharmacist = [p for p, v in sorted(PRACTITIONERS.items()) if v[0] == pharmacy][0]
        res = {
            "resourceType": "MedicationDispense",
            "id": did,
            "meta": self.source_meta(pharmacy, day, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationDispense"),
            "extension": [self.inst_ext(pharmacy)],
            "status": "completed",
            "category": cc("http://terminology.hl7.org/CodeSystem/medicationdispense-category", "outpatient", "Outpatient"),
            "medicationCodeableConcept": self.med_concept(key),
            "subject": self.subject(),
            "performer": [
                {"actor": ref("Organization", pharmacy, FACILITIES[pharmacy][0])},
                {"function": cc("http://terminology.hl7.org/CodeSystem/medicationdispense-performer-function",
                                "finalchecker", "Final Checker"),
                 "actor": ref("Practitioner", pharmacist)},
            ],
            "authorizingPrescription": [ref("MedicationRequest", req["id"])],
            "quantity": {"value": total, "unit": unit,
                         "system": "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUnitMERIT9Code", "code": merit},
            "daysSupply": {"value": days, "unit": "日", "system": C.SYS_UCUM, "code": "d"},
            "whenPrepared": dts(day, 11, 0),
            "whenHandedOver": dts(day, 11, 20),
            "dosageInstruction": [dose],
        }
        return self.add(res)

    def course(self, key, org, prac, pharmacy, start, end, interval, usage, per_dose=1, enc_fn=None):
        """Repeat prescriptions of `interval` days from start until end (inclusive-ish)."""
        out = []
        d = start
        while d <= end and d <= TODAY:
            enc = enc_fn(d) if enc_fn else None
            out.append(self.prescription(key, org, prac, d, interval, usage, per_dose, pharmacy, enc))
            d = workday(d + dt.timedelta(days=interval))
        return out

    def procedure(self, key, org, prac, when, enc=None, reason=None, function=None, note=None, hh=13, minutes=90):
        sct, sct_disp, text = C.PROCEDURES[key]
        pid = self.next_id("proc", 3)
        code = {"text": text}
        if sct:
            code["coding"] = [coding(C.SYS_SCT, sct, sct_disp)]
        t_end = hh * 60 + minutes
        res = {
            "resourceType": "Procedure",
            "id": pid,
            "meta": self.source_meta(org, when, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Procedure"),
            "extension": [self.inst_ext(org)],
            "status": "completed",
            "category": cc("http://jpfhir.jp/fhir/core/CodeSystem/JP_ProcedureCategory_CS", "JPPCC004", "外科的処置"),
            "code": code,
            "subject": self.subject(),
            "performedPeriod": {"start": dts(when, hh, 0), "end": dts(when, t_end // 60, t_end % 60)},
            "recorder": ref("Practitioner", prac),
            "performer": [
                {"function": {"text": function or "術者"}, "actor": ref("Practitioner", prac),
                 "onBehalfOf": ref("Organization", org)},
                {"actor": ref("Organization", org, FACILITIES[org][0])},
            ],
        }
        if enc:
            res["encounter"] = ref("Encounter", enc["id"])
        if reason:
            res["reasonReference"] = [ref("Condition", reason["id"])]
        if note:
            res["note"] = [{"text": note}]
        return self.add(res)

    def coverage(self, insurer_no, insurer_name, symbol, number, branch, start):
        cid = self.next_id("cov", 2)
        payer_id = "org-insurer-" + insurer_no
        self.add({
            "resourceType": "Organization",
            "id": payer_id,
            "identifier": [{"system": C.SYS_INSURER_NO, "value": insurer_no}],
            "type": [cc("http://terminology.hl7.org/CodeSystem/organization-type", "pay", "Payer")],
            "name": insurer_name,
        })
        return self.add({
            "resourceType": "Coverage",
            "id": cid,
            "meta": {"profile": ["http://jpfhir.jp/fhir/core/StructureDefinition/JP_Coverage"]},
            "extension": [
                {"url": "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Coverage_InsuredPersonSymbol", "valueString": symbol},
                {"url": "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Coverage_InsuredPersonNumber", "valueString": number},
                {"url": "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Coverage_InsuredPersonSubNumber", "valueString": branch},
            ],
            "identifier": [{"system": C.SYS_MEMBER_ID, "value": self.member_id}],
            "status": "active",
            "type": cc("http://terminology.hl7.org/CodeSystem/v3-ActCode", "PUBLICPOL", "public healthcare"),
            "subscriberId": "%s:%s" % (symbol, number),
            "beneficiary": ref("Patient", self.pid),
            "relationship": cc("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", "Self"),
            "period": {"start": d2s(start)},
            "payor": [ref("Organization", payer_id, insurer_name)],
        })

    # ---- imaging
    def imaging_study(self, org, prac, referrer, when, modality, desc, series_specs, enc=None, reason=None):
        iid = self.next_id("img", 2)
        study_uid = uid_for(self.pid + "/" + iid)
        series_out, manifest_series = [], []
        n_inst = 0
        for sn, (smod, sdesc, count, kind, body) in enumerate(series_specs, start=1):
            s_uid = uid_for("%s/%s/series/%d" % (self.pid, iid, sn))
            sop_class = {"CT": "1.2.840.10008.5.1.4.1.1.2", "CR": "1.2.840.10008.5.1.4.1.1.1",
                         "DX": "1.2.840.10008.5.1.4.1.1.1.1"}[smod]
            insts, minsts = [], []
            for i in range(1, count + 1):
                sop_uid = uid_for("%s/%s/series/%d/instance/%d" % (self.pid, iid, sn, i))
                insts.append({"uid": sop_uid, "sopClass": coding("urn:ietf:rfc:3986", "urn:oid:" + sop_class),
                              "number": i})
                minsts.append({"sopInstanceUID": sop_uid, "sopClassUID": sop_class, "instanceNumber": i})
            n_inst += count
            s = {"uid": s_uid, "number": sn,
                 "modality": coding("http://dicom.nema.org/resources/ontology/DCM", smod),
                 "description": sdesc, "numberOfInstances": count,
                 "bodySite": body,
                 "started": dts(when, 14, 0),
                 "performer": [{"actor": ref("Organization", org, FACILITIES[org][0])}],
                 "endpoint": [ref("Endpoint", ENDPOINT_ID)],
                 "instance": insts}
            series_out.append(s)
            manifest_series.append({"seriesInstanceUID": s_uid, "seriesNumber": sn, "modality": smod,
                                    "description": sdesc, "kind": kind,
                                    "bodyPart": body.get("display", ""), "instances": minsts})
        res = {
            "resourceType": "ImagingStudy",
            "id": iid,
            "meta": self.source_meta(org, when, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_ImagingStudy_Radiology"),
            "extension": [self.inst_ext(org)],
            "identifier": [{"system": "urn:dicom:uid", "value": "urn:oid:" + study_uid},
                           {"type": cc("http://terminology.hl7.org/CodeSystem/v2-0203", "ACSN", "Accession ID"),
                            "system": LOCAL_CS.replace("CodeSystem/", "") + "IdSystem/accession/" + org,
                            "value": "A%s" % iid.replace("-", "").upper()}],
            "status": "available",
            "modality": [coding("http://dicom.nema.org/resources/ontology/DCM", modality)],
            "subject": self.subject(),
            "started": dts(when, 14, 0),
            "referrer": ref("Practitioner", referrer),
            "interpreter": [ref("Practitioner", prac)],
            "endpoint": [ref("Endpoint", ENDPOINT_ID)],
            "numberOfSeries": len(series_out),
            "numberOfInstances": n_inst,
            "description": desc,
            "series": series_out,
        }
        if enc:
            res["encounter"] = ref("Encounter", enc["id"])
        if reason:
            res["reasonReference"] = [ref("Condition", reason["id"])]
        self.add(res)
        local_id = self.facility_ids.get(org, self.pid)
        self.imaging.append({
            "patientId": self.pid,
            "dicomPatientId": local_id,
            "patientName": "%s^%s=%s^%s=%s^%s" % (ROMAJI[self.pid][0], ROMAJI[self.pid][1], self.fam_k, self.giv_k,
                                                  kata_to_hira(self.fam_s), kata_to_hira(self.giv_s)),
            "birthDate": self.birth.strftime("%Y%m%d"),
            "sex": {"male": "M", "female": "F"}[self.gender],
            "imagingStudyId": iid,
            "studyInstanceUID": study_uid,
            "studyDate": when.strftime("%Y%m%d"),
            "studyTime": "140000",
            "accessionNumber": res["identifier"][1]["value"],
            "studyDescription": desc,
            "institutionName": FACILITIES[org][0],
            "referringPhysician": "%s^%s" % (PRACTITIONERS[referrer][1], PRACTITIONERS[referrer][2]),
            "series": manifest_series,
        })
        return res

    # ---- documents
    def document(self, kind, org, author, when, sections, enc=None, recipient=None, extra=()):
        """Build a FHIR document Bundle, store it as Binary, index it with DocumentReference.

        sections: list of (code, title, [paragraphs], [resources]) ; nested under a
        300 "構造情報" section as in the JP-CLINS referral example, except for the
        920/910 (from/to) sections which stay at top level.
        """
        code, disp = C.DOC_TYPES[kind]
        doc_no = self.next_id("doc", 2)
        # collect resources (with closure over references) into the document
        by_key = {(r["resourceType"], r["id"]): r for r in self.resources}
        for o in FACILITIES:
            by_key[("Organization", o)] = make_organization(o)
        for pr in PRACTITIONERS:
            by_key[("Practitioner", pr)] = make_practitioner(pr)
        by_key[("Endpoint", ENDPOINT_ID)] = make_endpoint()
        needed = []

        def need(key):
            if key not in needed:
                needed.append(key)
                walk_refs(by_key[key], lambda t, i: need((t, i)) if (t, i) in by_key else None)

        need(("Patient", self.pid))
        need(("Organization", org))
        need(("Practitioner", author))
        if recipient:
            need(("Organization", recipient[0]))
            need(("Practitioner", recipient[1]))
        if enc:
            need(("Encounter", enc["id"]))
        for _c, _t, _p, rs in sections:
            for r in rs:
                need((r["resourceType"], r["id"]))
        for r in extra:
            need((r["resourceType"], r["id"]))
        urn = {k: "urn:uuid:" + uuid_for("%s/%s/%s/%s" % (self.pid, doc_no, k[0], k[1])) for k in needed}

        def rewrite(obj):
            if isinstance(obj, dict):
                out = {}
                for k, v in obj.items():
                    if k == "reference" and isinstance(v, str) and "/" in v and not v.startswith("urn:"):
                        t, i = v.split("/", 1)
                        out[k] = urn.get((t, i), v)
                    else:
                        out[k] = rewrite(v)
                return out
            if isinstance(obj, list):
                return [rewrite(x) for x in obj]
            return obj

        def sec(scode, title, paras, rs):
            s = {"title": title, "code": cc(C.SYS_SECTION, scode, C.SECTIONS[scode]),
                 "text": {"status": "additional", "div": xhtml(*paras)}}
            if rs:
                s["entry"] = [{"reference": urn[(r["resourceType"], r["id"])], "type": r["resourceType"]} for r in rs]
            else:
                s["emptyReason"] = cc("http://terminology.hl7.org/CodeSystem/list-empty-reason", "unavailable", "Unavailable")
            return s

        top, structured = [], []
        for scode, title, paras, rs in sections:
            (top if scode in ("920", "910") else structured).append(sec(scode, title, paras, rs))
        comp_key = ("Composition", doc_no)
        comp_urn = "urn:uuid:" + uuid_for("%s/%s/Composition" % (self.pid, doc_no))
        composition = {
            "resourceType": "Composition",
            "id": doc_no + "-composition",
            "meta": {"lastUpdated": dts(when, 12, 0)},
            "language": "ja",
            "text": {"status": "generated", "div": xhtml(disp, FACILITIES[org][0], d2s(when))},
            "identifier": {"system": "http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier",
                           "value": "%s-%s-%s" % (inst_no10(org), when.year, doc_no)},
            "status": "final",
            "type": cc(C.SYS_DOCTYPE, code, disp),
            "subject": {"reference": urn[("Patient", self.pid)], "type": "Patient"},
            "date": dts(when, 12, 0),
            "author": [{"reference": urn[("Practitioner", author)], "type": "Practitioner"},
                       {"reference": urn[("Organization", org)], "type": "Organization"}],
            "title": disp,
            "custodian": {"reference": urn[("Organization", org)], "type": "Organization"},
            "event": [{"code": [{"text": disp + "発行"}], "period": {"start": d2s(when)}}],
            "section": top + ([{"title": "構造情報", "code": cc(C.SYS_SECTION, "300", C.SECTIONS["300"]),
                                "section": structured}] if structured else []),
        }
        if enc:
            composition["encounter"] = {"reference": urn[("Encounter", enc["id"])], "type": "Encounter"}
        entries = [{"fullUrl": comp_urn, "resource": composition}]
        for k in needed:
            entries.append({"fullUrl": urn[k], "resource": rewrite(by_key[k])})
        del comp_key
        bundle = {
            "resourceType": "Bundle",
            "id": doc_no + "-bundle",
            "meta": {"lastUpdated": dts(when, 12, 0)},
            "identifier": {"system": "http://jpfhir.jp/fhir/clins/bundle-identifier",
                           "value": "%s^%d^%s" % (inst_no10(org), when.year, doc_no)},
            "type": "document",
            "timestamp": dts(when, 12, 0),
            "entry": entries,
        }
        raw = json.dumps(bundle, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        return self.attachment(kind, org, author, when, "application/fhir+json", raw, "%s（%s）" % (disp, FACILITIES[org][0]),
                               enc=enc, doc_no=doc_no, description=disp, master=comp_urn,
                               fmt=coding("http://ihe.net/fhir/ValueSet/IHE.FormatCode.codesystem",
                                          "urn:ihe:iti:xds:2017:mimeTypeSufficient", "mimeType Sufficient"))

    def attachment(self, kind, org, author, when, content_type, data, title, enc=None, doc_no=None, description=None,
                   master=None, fmt=None):
        """A document's bytes in a Binary, indexed by a DocumentReference of the document kind |kind|:
        a FHIR document Bundle (document()), a PDF letter, a CDA check-up."""
        code, disp = C.DOC_TYPES[kind]
        doc_no = doc_no or self.next_id("doc", 2)
        bin_id = doc_no.replace("-doc-", "-bin-")
        self.add({
            "resourceType": "Binary",
            "id": bin_id,
            "meta": {"source": BASE + "Organization/" + org},
            "contentType": content_type,
            "data": base64.b64encode(data).decode("ascii"),
        })
        docref = {
            "resourceType": "DocumentReference",
            "id": doc_no,
            "meta": self.source_meta(org, when, "http://jpfhir.jp/fhir/core/StructureDefinition/JP_DocumentReference"),
            "extension": [self.inst_ext(org)],
            **({"masterIdentifier": {"system": "urn:ietf:rfc:3986", "value": master}} if master else {}),
            "status": "current",
            "docStatus": "final",
            "type": cc(C.SYS_DOCTYPE, code, disp),
            "category": [cc(C.SYS_DOCTYPE, code, disp)],
            "subject": self.subject(),
            "date": dts(when, 12, 0),
            "author": [ref("Practitioner", author), ref("Organization", org, FACILITIES[org][0])],
            "custodian": ref("Organization", org, FACILITIES[org][0]),
            "description": description or title,
            "content": [{"attachment": {
                "contentType": content_type,
                "language": "ja",
                "url": "Binary/" + bin_id,
                "size": len(data),
                "hash": base64.b64encode(hashlib.sha1(data).digest()).decode("ascii"),
                "title": title,
                "creation": dts(when, 12, 0),
            }, **({"format": fmt} if fmt else {})}],
        }
        if enc:
            docref["context"] = {"encounter": [ref("Encounter", enc["id"])],
                                 "period": {"start": enc["period"]["start"], "end": enc["period"]["end"]}}
        return self.add(docref)

    # ---- output
    def bundle(self):
        factories = {"Organization": (FACILITIES, make_organization),
                     "Practitioner": (PRACTITIONERS, make_practitioner),
                     "Endpoint": ({ENDPOINT_ID: None}, lambda _i: make_endpoint())}
        own_keys = set((r["resourceType"], r["id"]) for r in self.resources)
        wanted = set(("Organization", o) for o in self.facility_ids)
        todo = list(self.resources)
        while todo:
            r = todo.pop()
            found = []
            walk_refs(r, lambda t, i: found.append((t, i)))
            for k in found:
                if k in own_keys or k in wanted or k[0] not in factories or k[1] not in factories[k[0]][0]:
                    continue
                wanted.add(k)
                todo.append(factories[k[0]][1](k[1]))
        shared = [factories[t][1](i) for t, i in sorted(wanted, key=lambda k: (["Organization", "Practitioner",
                                                                                  "Endpoint"].index(k[0]), k[1]))]
        own = self.resources
        entries = [own[0]] + shared + own[1:]
        return {
            "resourceType": "Bundle",
            "id": "demo-" + self.pid,
            "meta": {"lastUpdated": dts(TODAY, 0, 0)},
            "type": "collection",
            "timestamp": dts(TODAY, 0, 0),
            "total": len(entries),
            "entry": [{"fullUrl": BASE + "%s/%s" % (r["resourceType"], r["id"]), "resource": r} for r in entries],
        }


def fmt_num(x):
    return ("%g" % x).translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))


def walk_refs(obj, fn):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "reference" and isinstance(v, str):
                if "/" in v and not v.startswith(("urn:", "#", "http")):
                    t, i = v.split("/", 1)
                    fn(t, i)
            else:
                walk_refs(v, fn)
    elif isinstance(obj, list):
        for x in obj:
            walk_refs(x, fn)


ROMAJI = {
    "p001": ("Yamada", "Taro"),
    "p002": ("Sato", "Hanako"),
    "p003": ("Suzuki", "Kenichi"),
    "p004": ("Tanaka", "Misaki"),
    "p005": ("Takahashi", "Keiko"),
    "p006": ("Ito", "Masao"),
    "p900": ("Watanabe", "Daisuke"),
}


# --------------------------------------------------------------------------
# lab value helpers
# --------------------------------------------------------------------------
def drift(rng, base, sd, t=0.0, slope=0.0):
    return base + slope * t + rng.gauss(0, sd)


def egfr(cre, age, female):
    """JSN equation for Japanese adults (mL/min/1.73m2)."""
    v = 194 * (cre ** -1.094) * (max(age, 18) ** -0.287)
    return v * 0.739 if female else v


def standard_panel(p, rng, when, profile):
    """profile: dict analyte -> (mean, sd).  Returns list of (key, value)."""
    out = []
    for key in ["HbA1c", "GLU", "AST", "ALT", "GGT", "CRE", "eGFR", "UA", "Na", "K", "LDL", "HDL", "TG", "ALB",
                "Hb", "WBC", "PLT"]:
        if key == "eGFR":
            # The JSN equation is for adults only: no eGFR for a child (see the viewer's hazard tests).
            if "CRE" in profile and p.age_on(when) >= 18:
                cre = [v for k, v in out if k == "CRE"][0]
                out.append(("eGFR", egfr(cre, p.age_on(when), p.gender == "female")))
            continue
        if key in profile:
            mean, sd = profile[key]
            v = max(0.1, rng.gauss(mean, sd))
            out.append((key, v))
    return out


# --------------------------------------------------------------------------
# the patients
# --------------------------------------------------------------------------
HERE = os.path.dirname(os.path.abspath(__file__))


def hc08_checkup_cda(p, org, when, body, labs, judgement):
    """A 特定健診 report as the MHLW hc08 CDA lays it out (fictional): |body| is a list of
    (JLAC10, display, value, unit), |labs| a list of (key, value) of codes.LABS."""
    e = html.escape
    pat_names = "".join('<name use="%s"><family>%s</family><given>%s</given></name>' % (use, e(f), e(g))
                        for use, f, g in (("IDE", p.fam_k, p.giv_k), ("SYL", p.fam_s, p.giv_s)))
    org_name = e(FACILITIES[org][0])
    rows, entries, lab_components = [], [], []
    day = when.strftime("%Y%m%d")
    for code, disp, value, unit in body:
        rows.append("<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % (e(disp), value, e(unit)))
        entries.append('<entry><observation classCode="OBS" moodCode="EVN"><code code="%s" codeSystem="1.2.392.200119.6.1005" '
                       'displayName="%s"/><value xsi:type="PQ" value="%s" unit="%s"/></observation></entry>' % (code, e(disp), value, e(unit)))
    for key, v in labs:
        code, _short, disp, _ucum, unit, low, high, dec = C.LABS[key]
        value = "%.*f" % (dec, v)
        flag = "H" if high is not None and v > high else ("L" if low is not None and v < low else "")
        rows.append("<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % (e(disp), value, e(unit)))
        interp = '<interpretationCode code="%s" codeSystem="1.2.392.200119.6.2001"/>' % flag if flag else ""
        rng = ('<referenceRange><observationRange><value xsi:type="IVL_PQ"><low value="%s" unit="%s"/><high value="%s" unit="%s"/>'
               '</value></observationRange></referenceRange>' % (low, e(unit), high, e(unit))) if low is not None and high is not None else ""
        lab_components.append('<component><observation classCode="OBS" moodCode="EVN"><code code="%s" codeSystem="1.2.392.200119.6.1005" '
                              'displayName="%s"/><effectiveTime value="%s"/><value xsi:type="PQ" value="%s" unit="%s"/>%s%s</observation>'
                              '</component>' % (code, e(disp), day, value, e(unit), interp, rng))
    if lab_components:
        entries.append('<entry><organizer classCode="CLUSTER" moodCode="EVN"><code code="01020" codeSystem="1.2.392.200119.6.1010" '
                       'displayName="血液検査"/>%s</organizer></entry>' % "".join(lab_components))
    gender = "1" if p.gender == "male" else "2"
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<!-- Fictional 特定健診 report (MHLW hc08 CDA layout) for the Kakehashi demo; no real person. -->\n'
           '<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
           '<typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>'
           '<id root="1.2.392.200119.6.102.1%s" extension="%s%s"/>'
           '<code code="10" codeSystem="1.2.392.200119.6.1001"/><title>特定健診情報</title>'
           '<effectiveTime value="%s"/><confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>'
           '<recordTarget><patientRole><id root="1.2.392.200119.6.204.1" extension="%s"/><patient>%s'
           '<administrativeGenderCode code="%s" codeSystem="1.2.392.200119.6.1104"/><birthTime value="%s"/></patient></patientRole></recordTarget>'
           '<author><time value="%s"/><assignedAuthor><id root="1.2.392.200119.6.102" extension="1%s"/>'
           '<representedOrganization><id root="1.2.392.200119.6.102" extension="1%s"/><name>%s</name></representedOrganization>'
           '</assignedAuthor></author>'
           '<custodian><assignedCustodian><representedCustodianOrganization><id root="1.2.392.200119.6.102" extension="1%s"/>'
           '<name>%s</name></representedCustodianOrganization></assignedCustodian></custodian>'
           '<component><structuredBody>'
           '<component><section><code code="01010" codeSystem="1.2.392.200119.6.1010" displayName="特定健診情報"/><title>特定健診結果</title>'
           '<text><table><thead><tr><th>項目</th><th>結果</th><th>単位</th></tr></thead><tbody>%s</tbody></table></text>%s</section></component>'
           '<component><section><code code="01030" codeSystem="1.2.392.200119.6.1010" displayName="判定"/><title>医師の判断</title>'
           '<text><paragraph>%s</paragraph></text></section></component>'
           '</structuredBody></component></ClinicalDocument>\n') % (
        inst_no10(org), day, p.pid, day, p.pid, pat_names, gender, p.birth.strftime("%Y%m%d"), day, inst_no10(org)[1:],
        inst_no10(org)[1:], org_name, inst_no10(org)[1:], org_name, "".join(rows), "".join(entries), e(judgement))
    return xml.encode("utf-8")


def p001():
    """山田 太郎: hypertension, type 2 diabetes, dyslipidaemia; duplicate amlodipine."""
    p = PatientRecord("p001", "山田", "太郎", "ヤマダ", "タロウ", "male", dt.date(1958, 4, 12),
                      "東京都品川区大井二丁目（架空）", "06139999:品川ア:１２３:01",
                      {"org-sakura-clinic": "00000101", "org-tohto-univ": "10203040"}, 2016)
    rng = p.rng
    p.coverage("06139999", "かけはし健康保険組合", "品川ア", "１２３", "01", dt.date(2016, 1, 1))
    first = dt.date(2016, 4, 8)
    e0 = p.encounter("org-sakura-clinic", "prac-sakura-01", first, reason="健診で血圧・血糖高値を指摘")
    htn = p.condition("htn", "org-sakura-clinic", "prac-sakura-01", first, e0)
    dm = p.condition("t2dm", "org-sakura-clinic", "prac-sakura-01", dt.date(2017, 6, 2), None)
    dl = p.condition("dyslipidemia", "org-sakura-clinic", "prac-sakura-01", dt.date(2018, 9, 14), None)
    p.condition("gastritis", "org-sakura-clinic", "prac-sakura-01", dt.date(2019, 2, 1), None,
                abated=dt.date(2019, 4, 26))
    p.allergy("food", "mackerel", "org-sakura-clinic", "prac-sakura-01", dt.date(2016, 4, 8), "low",
              "蕁麻疹", "さばを食べた後に蕁麻疹")
    # clinic visits every 28 days since 2016 with labs every 84 days
    visits = {}
    d = first
    i = 0
    while d <= TODAY - dt.timedelta(days=3):
        enc = e0 if i == 0 else p.encounter("org-sakura-clinic", "prac-sakura-01", d)
        visits[d] = enc
        t = (d - first).days / 365.0
        p.vitals("org-sakura-clinic", d, enc, drift(rng, 156 - 3 * min(t, 4), 7), drift(rng, 94 - 2 * min(t, 4), 5),
                 drift(rng, 74 - 0.3 * t, 0.8))
        if i % 3 == 0:
            a1c = 7.6 - 0.15 * min(t, 5) + (0.3 if t > 8 else 0)
            p.lab_panel(standard_panel(p, rng, d, {
                "HbA1c": (a1c, 0.2), "GLU": (a1c * 20, 12), "AST": (28, 5), "ALT": (34, 7), "CRE": (0.98 + 0.02 * t, 0.05),
                "Na": (141, 1.5), "K": (4.3, 0.2), "LDL": (168 - 8 * min(t, 4), 10), "HDL": (46, 4), "TG": (180, 30)}),
                "org-sakura-clinic", d, enc, "prac-sakura-01")
        d = workday(d + dt.timedelta(days=28))
        i += 1
    # clinic prescriptions (28 days) -> ひかり薬局
    def clinic_enc(day):
        k = min(visits, key=lambda v: abs((v - day).days))
        return visits[k]
    p.course("amlodipine10", "org-sakura-clinic", "prac-sakura-01", "org-hikari-pharmacy", first, TODAY, 28,
             "qd_morning", 1, clinic_enc)
    p.course("metgluco250", "org-sakura-clinic", "prac-sakura-01", "org-hikari-pharmacy", dt.date(2017, 6, 2), TODAY, 28,
             "tid", 1, clinic_enc)
    p.course("crestor2_5", "org-sakura-clinic", "prac-sakura-01", "org-hikari-pharmacy", dt.date(2018, 9, 14), TODAY, 28,
             "qd_evening", 1, clinic_enc)
    # referral to 東都大学病院 cardiology
    ref_day = dt.date(2025, 5, 20)
    ref_enc = clinic_enc(ref_day)
    last_labs = [r for r in p.resources if r["resourceType"] == "Observation" and r["category"][0]["coding"][0]["code"] == "laboratory"][-10:]
    last_rx = [r for r in p.resources if r["resourceType"] == "MedicationRequest"][-3:]
    allergy = [r for r in p.resources if r["resourceType"] == "AllergyIntolerance"]
    p.document("referral", "org-sakura-clinic", "prac-sakura-01", ref_day, [
        ("920", "紹介元情報", ["さくら内科クリニック 清水 智子"], []),
        ("910", "紹介先情報", ["東都大学病院 循環器内科 小林 誠 先生"], []),
        ("950", "紹介目的", ["降圧薬内服中にもかかわらず家庭血圧 160/100 mmHg 前後が続くため、二次性高血圧の精査と治療方針のご相談をお願いいたします。"], []),
        ("340", "傷病名・主訴", ["高血圧症、2型糖尿病、脂質異常症", "主訴: 朝の頭重感"], [htn, dm, dl]),
        ("360", "現病歴", ["2016年の職場健診で高血圧・高血糖を指摘され当院受診。アムロジピン 10 mg で加療中だが、2025年春より血圧コントロール不良。"], []),
        ("370", "既往歴", ["2019年 胃炎（治癒）"], []),
        ("510", "アレルギー・不耐性反応", ["さば（蕁麻疹）"], allergy),
        ("550", "家族歴", ["父: 高血圧症、脳梗塞（70歳）"], []),
        ("430", "投薬指示", ["アムロジピンＯＤ錠１０ｍｇ 1錠 朝食後", "メトグルコ錠２５０ｍｇ 1錠 毎食後", "クレストール錠２．５ｍｇ 1錠 夕食後"], last_rx),
        ("620", "検査", ["直近の血液検査結果を添付します。"], last_labs),
    ], enc=ref_enc, recipient=("org-tohto-univ", "prac-tohto-01"))
    # university cardiology: visits every 8 weeks, amlodipine again (duplicate!) -> あおば薬局
    d = dt.date(2025, 6, 3)
    uni_visits = {}
    while d <= TODAY - dt.timedelta(days=3):
        enc = p.encounter("org-tohto-univ", "prac-tohto-01", d, reason="高血圧症 精査・加療", hh=11)
        uni_visits[d] = enc
        p.vitals("org-tohto-univ", d, enc, drift(rng, 150, 6), drift(rng, 92, 4))
        p.lab_panel(standard_panel(p, rng, d, {
            "HbA1c": (7.3, 0.2), "GLU": (150, 15), "AST": (27, 4), "ALT": (33, 5), "CRE": (1.18, 0.05),
            "Na": (140, 1.5), "K": (4.0, 0.2), "LDL": (120, 8), "Hb": (14.2, 0.4), "WBC": (6.2, 0.8), "PLT": (230, 25)}),
            "org-tohto-univ", d, enc, "prac-tohto-01")
        p.prescription("amlodipine10", "org-tohto-univ", "prac-tohto-01", d, 56, "qd_morning", 1,
                       "org-aoba-pharmacy", enc)
        d = workday(d + dt.timedelta(days=56))
    # the university's reply to the referral: a PDF letter (tools/demo/documents, written by
    # make_document_samples --demo), as many hospitals still send it
    with open(os.path.join(HERE, "documents", "p001-reply-letter.pdf"), "rb") as f:
        p.attachment("referral", "org-tohto-univ", "prac-tohto-01", dt.date(2025, 6, 24), "application/pdf", f.read(),
                     "診療情報提供書（返書・PDF）")
    # chest X-ray at the university hospital
    cr_day = dt.date(2025, 6, 3)
    p.imaging_study("org-tohto-univ", "prac-tohto-04", "prac-tohto-01", cr_day, "CR", "胸部単純X線撮影 正面",
                    [("CR", "胸部 PA", 1, "xray-chest", {"system": C.SYS_SCT, "code": "43799004", "display": "Thoracic cavity"})],
                    enc=uni_visits[cr_day], reason=htn)
    return p


def p002():
    """佐藤 花子: gastric cancer -> distal gastrectomy with anaesthesia and transfusion; CT."""
    p = PatientRecord("p002", "佐藤", "花子", "サトウ", "ハナコ", "female", dt.date(1972, 9, 3),
                      "東京都文京区千駄木（架空）", "01130012:文京:４５６:02",
                      {"org-konan-hosp": "00456789", "org-tohto-univ": "10500321"}, 2020)
    rng = p.rng
    # duodenal ulcer 2020 (resolved), at 港南中央病院
    e = p.encounter("org-konan-hosp", "prac-konan-02", dt.date(2020, 3, 10), reason="心窩部痛")
    p.condition("duodenal_ulcer", "org-konan-hosp", "prac-konan-02", dt.date(2020, 3, 10), e, abated=dt.date(2020, 9, 1))
    p.prescription("miyabm", "org-konan-hosp", "prac-konan-02", dt.date(2020, 3, 10), 28, "tid", 1, "org-aoba-pharmacy", e)
    p.allergy("medication", "povidone", "org-konan-hosp", "prac-konan-02", dt.date(2020, 3, 10), "high",
              "全身の発疹・嘔吐", "ポビドンヨード含嗽後に嘔吐と全身の発疹。ヨード系薬剤禁忌。")
    # 2026: anaemia work-up -> gastric cancer found at university hospital
    e1 = p.encounter("org-tohto-univ", "prac-tohto-02", dt.date(2026, 7, 6), reason="貧血・体重減少の精査")
    gc = p.condition("gastric_ca", "org-tohto-univ", "prac-tohto-02", dt.date(2026, 7, 6), e1,
                     note="上部消化管内視鏡にて胃前庭部に 3cm の 0-IIc 病変。生検で腺癌。")
    p.lab_panel(standard_panel(p, rng, dt.date(2026, 7, 6), {
        "Hb": (8.9, 0.2), "WBC": (5.8, 0.5), "PLT": (320, 20), "ALB": (3.6, 0.1), "AST": (18, 3), "ALT": (14, 3),
        "CRE": (0.62, 0.04), "Na": (140, 1), "K": (4.1, 0.2)}), "org-tohto-univ", dt.date(2026, 7, 6), e1, "prac-tohto-02")
    # pre-operative infection screening (感染症: JP-CLINS InfectionLabo)
    p.infection_lab("HBsAg", "陰性", "org-tohto-univ", dt.date(2026, 7, 6), e1)
    p.infection_lab("HCVAb", 0.1, "org-tohto-univ", dt.date(2026, 7, 6), e1)
    p.infection_lab("TPAb", "陰性", "org-tohto-univ", dt.date(2026, 7, 6), e1)
    ct_day = dt.date(2026, 7, 13)
    e2 = p.encounter("org-tohto-univ", "prac-tohto-02", ct_day, reason="術前 CT", hh=13)
    ct = p.imaging_study("org-tohto-univ", "prac-tohto-04", "prac-tohto-02", ct_day, "CT", "腹部単純CT（術前評価）",
                         [("CT", "Abdomen 5mm axial", 32, "ct-phantom", {"display": "Abdomen"})], enc=e2, reason=gc)
    # admission 2026-08-03 .. 2026-08-17
    adm, dis = dt.date(2026, 8, 3), dt.date(2026, 8, 17)
    ea = p.encounter("org-tohto-univ", "prac-tohto-02", adm, cls="IMP", end=dis, reason="胃癌 手術目的入院", hh=10)
    op = dt.date(2026, 8, 4)
    p.procedure("general_anesthesia", "org-tohto-univ", "prac-tohto-03", op, ea, gc, "麻酔科医", hh=9, minutes=300)
    surg = p.procedure("distal_gastrectomy", "org-tohto-univ", "prac-tohto-02", op, ea, gc, "術者", hh=9, minutes=270,
                       note="腹腔鏡下幽門側胃切除術、D1+郭清、Billroth I 法再建。出血量 420 mL。")
    trans = p.procedure("rbc_transfusion", "org-tohto-univ", "prac-tohto-03", op, ea, gc, "麻酔科医", hh=12, minutes=60,
                        note="術前 Hb 8.9 g/dL のため RBC 2単位輸血。副作用なし。")
    post = []
    for k, d in enumerate([dt.date(2026, 8, 5), dt.date(2026, 8, 7), dt.date(2026, 8, 12), dt.date(2026, 8, 16)]):
        post += p.lab_panel(standard_panel(p, rng, d, {
            "Hb": (9.8 + 0.3 * k, 0.2), "WBC": (11.5 - 1.5 * k, 0.6), "PLT": (280, 20), "ALB": (3.1 + 0.1 * k, 0.1),
            "AST": (35 - 5 * k, 3), "ALT": (30 - 4 * k, 3), "CRE": (0.66, 0.04), "Na": (138, 1), "K": (3.9, 0.2)}),
            "org-tohto-univ", d, ea, "prac-tohto-02")
    rx = p.prescription("calonal500", "org-tohto-univ", "prac-tohto-02", dis, 5, "prn_fever", 1, "org-aoba-pharmacy", ea,
                        as_needed=True)
    p.document("discharge", "org-tohto-univ", "prac-tohto-02", dis, [
        ("340", "入院時診断・退院時診断", ["胃癌（前庭部, cT1bN0M0 cStage I）"], [gc]),
        ("360", "現病歴", ["2026年6月頃より易疲労感、7月の採血で Hb 8.9 g/dL の貧血を認め、上部消化管内視鏡で胃癌と診断。"], []),
        ("330", "入院中の経過", ["8月4日 腹腔鏡下幽門側胃切除術（全身麻酔）施行。術中 RBC 2単位輸血。",
                                "術後経過良好で 8月10日より食事開始、8月17日 自宅退院。"], [surg, trans]),
        ("510", "アレルギー・不耐性反応", ["ポビドンヨード（重篤: 嘔吐・全身発疹）"],
         [r for r in p.resources if r["resourceType"] == "AllergyIntolerance"]),
        ("430", "退院時処方", ["カロナール錠５００ 1錠 発熱時 5回分"], [rx]),
        ("620", "検査", ["術後血液検査の推移を添付。"], post[-9:]),
    ], enc=ea, extra=[ct])
    # outpatient follow-up
    for d in [dt.date(2026, 9, 1), dt.date(2026, 10, 6)]:
        ef = p.encounter("org-tohto-univ", "prac-tohto-02", d, reason="術後外来", hh=10)
        p.lab_panel(standard_panel(p, rng, d, {"Hb": (11.0, 0.3), "ALB": (3.8, 0.1), "WBC": (5.5, 0.5)}),
                    "org-tohto-univ", d, ef, "prac-tohto-02")
    return p


def p003():
    """鈴木 健一: appendectomy (resolved), asthma, duplicate carbocisteine; checkup report."""
    p = PatientRecord("p003", "鈴木", "健一", "スズキ", "ケンイチ", "male", dt.date(1990, 1, 20),
                      "東京都港区高輪（架空）", "06131234:港タ:７８９:00",
                      {"org-konan-hosp": "00612345", "org-sakura-clinic": "00000377"}, 2016)
    rng = p.rng
    e = p.encounter("org-konan-hosp", "prac-konan-01", dt.date(2019, 11, 2), cls="IMP", end=dt.date(2019, 11, 6),
                    reason="右下腹部痛", hh=2)
    app = p.condition("appendicitis", "org-konan-hosp", "prac-konan-01", dt.date(2019, 11, 2), e, abated=dt.date(2019, 11, 20))
    p.procedure("appendectomy", "org-konan-hosp", "prac-konan-01", dt.date(2019, 11, 2), e, app, "術者", hh=5, minutes=75)
    p.lab_panel(standard_panel(p, rng, dt.date(2019, 11, 2), {"WBC": (15.2, 0.5), "Hb": (15.0, 0.3), "PLT": (250, 10),
                                                             "CRE": (0.85, 0.03), "Na": (141, 1), "K": (4.0, 0.2)}),
                "org-konan-hosp", dt.date(2019, 11, 2), e, "prac-konan-01")
    p.allergy("food", "kiwi", "org-sakura-clinic", "prac-sakura-01", dt.date(2016, 5, 10), "low", "口腔内のしびれ",
              "キウイを食べると口の周りがしびれる")
    ast = p.condition("asthma", "org-sakura-clinic", "prac-sakura-01", dt.date(2016, 5, 10), None, category="problem-list-item")
    # colitis episode, flagged UNDELIVERED (patient chose not to share)
    ec = p.encounter("org-sakura-clinic", "prac-sakura-01", dt.date(2022, 2, 14), reason="下痢・腹痛")
    p.condition("colitis", "org-sakura-clinic", "prac-sakura-01", dt.date(2022, 2, 14), ec, abated=dt.date(2022, 3, 1),
                tags=("UNDELIVERED",))
    # duplicate carbocisteine: clinic (generic) and hospital (brand) overlapping in autumn 2026
    d = dt.date(2026, 9, 8)
    while d <= TODAY:
        enc = p.encounter("org-sakura-clinic", "prac-sakura-01", d, reason="咳嗽・喀痰")
        p.prescription("carbocisteine_sawai", "org-sakura-clinic", "prac-sakura-01", d, 14, "tid", 2, "org-hikari-pharmacy", enc)
        d += dt.timedelta(days=14)
    eh = p.encounter("org-konan-hosp", "prac-konan-02", dt.date(2026, 10, 15), reason="喘息増悪")
    p.prescription("mucodyne250", "org-konan-hosp", "prac-konan-02", dt.date(2026, 10, 15), 14, "tid", 2, "org-aoba-pharmacy", eh)
    p.prescription("predonin5", "org-konan-hosp", "prac-konan-02", dt.date(2026, 10, 15), 5, "qd_morning", 4,
                   "org-aoba-pharmacy", eh)
    # the 2021 特定健診 reached the service only as an MHLW hc08 CDA file (no FHIR results of it)
    day21 = workday(dt.date(2021, 6, 10))
    p.attachment("checkup", "org-konan-hosp", "prac-konan-02", day21, "application/hl7-v3+xml", hc08_checkup_cda(
        p, "org-konan-hosp", day21,
        [("9N001000000000001", "身長", "171.2", "cm"), ("9N006000000000001", "体重", "68.0", "kg"),
         ("9A751000000000001", "収縮期血圧(その他)", "122", "mmHg")],
        [("HbA1c", 5.4), ("AST", 22), ("ALT", 26), ("GGT", 38), ("LDL", 124), ("HDL", 54), ("TG", 128)],
        "特記すべき異常所見はありません。引き続き年1回の健診をお勧めします。"), "特定健診結果（2021年・CDA）")
    # annual check-ups at 港南中央病院 2022..2026
    for y in range(2022, 2027):
        day = workday(dt.date(y, 6, 10))
        ek = p.encounter("org-konan-hosp", "prac-konan-02", day, reason="定期健康診断", hh=8, mm=30)
        p.vitals("org-konan-hosp", day, ek, drift(rng, 124, 5), drift(rng, 78, 4), drift(rng, 70 + 0.8 * (y - 2022), 0.5))
        labs = p.lab_panel(standard_panel(p, rng, day, {
            "HbA1c": (5.5, 0.1), "GLU": (95, 6), "AST": (24, 4), "ALT": (30 + 4 * (y - 2022), 5), "GGT": (45 + 6 * (y - 2022), 5),
            "CRE": (0.88, 0.04), "UA": (6.8, 0.4), "LDL": (128, 10), "HDL": (52, 4), "TG": (140, 25), "Hb": (15.1, 0.3),
            "WBC": (6.0, 0.6), "PLT": (240, 20)}), "org-konan-hosp", day, ek, "prac-konan-02")
        if y == 2026:
            p.document("checkup", "org-konan-hosp", "prac-konan-02", day, [
                ("620", "健診結果", ["総合判定: B（軽度異常、生活習慣の改善を）",
                                   "肝機能（ALT・γ-GT）軽度高値。脂肪肝の疑い。節酒と運動をお勧めします。"], labs),
                ("610", "身体計測・血圧", ["血圧・体重は別添の通り。"],
                 [r for r in p.resources if r["resourceType"] == "Observation"
                  and r["category"][0]["coding"][0]["code"] == "vital-signs"][-2:]),
            ], enc=ek)
    del ast
    return p


def p004():
    """田中 美咲 (6): pneumococcal infection, wheat allergy (high), paediatric paracetamol."""
    p = PatientRecord("p004", "田中", "美咲", "タナカ", "ミサキ", "female", dt.date(2020, 5, 5),
                      "東京都港区芝浦（架空）", "138057:港区:２４６８:03",
                      {"org-konan-hosp": "00798765", "org-minato-dental": "00001122"}, 2020)
    rng = p.rng
    p.allergy("food", "wheat", "org-konan-hosp", "prac-konan-03", dt.date(2021, 6, 1), "high",
              "アナフィラキシー（全身蕁麻疹・喘鳴）", "1歳時、パン摂取後にアナフィラキシー。エピペン処方あり。")
    e = p.encounter("org-konan-hosp", "prac-konan-03", dt.date(2023, 1, 18), cls="IMP", end=dt.date(2023, 1, 24), reason="発熱・咳嗽")
    pn = p.condition("pneumococcal", "org-konan-hosp", "prac-konan-03", dt.date(2023, 1, 18), e, abated=dt.date(2023, 2, 3))
    p.lab_panel(standard_panel(p, rng, dt.date(2023, 1, 18), {"WBC": (18.4, 0.5), "Hb": (12.1, 0.2), "PLT": (380, 15),
                                                             "CRE": (0.28, 0.02), "Na": (136, 1), "K": (4.4, 0.2)}),
                "org-konan-hosp", dt.date(2023, 1, 18), e, "prac-konan-03")
    p.prescription("calonal300", "org-konan-hosp", "prac-konan-03", dt.date(2023, 1, 24), 5, "prn_fever", 0.5,
                   "org-aoba-pharmacy", e, as_needed=True)
    p.prescription("miyabm", "org-konan-hosp", "prac-konan-03", dt.date(2023, 1, 24), 7, "tid", 1, "org-aoba-pharmacy", e)
    for d in [dt.date(2024, 7, 2), dt.date(2025, 1, 14), dt.date(2025, 7, 8), dt.date(2026, 1, 13), dt.date(2026, 7, 7)]:
        ed = p.encounter("org-minato-dental", "prac-minato-01", d, reason="定期検診", hh=16)
        p.procedure("scaling", "org-minato-dental", "prac-minato-01", d, ed, None, "歯科医師", hh=16, minutes=20)
    del pn
    return p


def p005():
    """高橋 恵子 (77): distal radius fracture with DX, hypertension."""
    p = PatientRecord("p005", "高橋", "恵子", "タカハシ", "ケイコ", "female", dt.date(1948, 11, 23),
                      "東京都品川区東大井（架空）", "39131234:品川:１３５７:00",
                      {"org-konan-hosp": "00334455", "org-sakura-clinic": "00000555"}, 2014)
    rng = p.rng
    h = p.condition("htn", "org-sakura-clinic", "prac-sakura-01", dt.date(2014, 3, 3), None)
    d = dt.date(2014, 3, 3)
    while d <= TODAY - dt.timedelta(days=5):
        enc = p.encounter("org-sakura-clinic", "prac-sakura-01", d)
        p.vitals("org-sakura-clinic", d, enc, drift(rng, 134, 6), drift(rng, 78, 4), drift(rng, 51, 0.6))
        p.prescription("amlodipine10", "org-sakura-clinic", "prac-sakura-01", d, 56, "qd_morning", 1, "org-hikari-pharmacy", enc)
        if d.month in (3, 9):
            p.lab_panel(standard_panel(p, rng, d, {"CRE": (0.72, 0.04), "Na": (141, 1), "K": (4.2, 0.2), "LDL": (132, 10),
                                                   "Hb": (12.4, 0.3), "AST": (22, 3), "ALT": (16, 3)}),
                        "org-sakura-clinic", d, enc, "prac-sakura-01")
        d = workday(d + dt.timedelta(days=56))
    fx_day = dt.date(2026, 2, 9)
    ef = p.encounter("org-konan-hosp", "prac-konan-04", fx_day, cls="EMER", reason="転倒し右手をついた", hh=15)
    fx = p.condition("radius_fx", "org-konan-hosp", "prac-konan-04", fx_day, ef, abated=dt.date(2026, 5, 11))
    p.imaging_study("org-konan-hosp", "prac-konan-04", "prac-konan-04", fx_day, "DX", "右手関節 単純X線 正面",
                    [("DX", "右手関節 正面", 1, "xray-wrist", {"display": "Right wrist"})], enc=ef, reason=fx)
    p.procedure("cast", "org-konan-hosp", "prac-konan-04", fx_day, ef, fx, "整形外科医", hh=16, minutes=30)
    p.prescription("calonal500", "org-konan-hosp", "prac-konan-04", fx_day, 7, "tid", 1, "org-hikari-pharmacy", ef)
    for d in [dt.date(2026, 2, 23), dt.date(2026, 3, 23), dt.date(2026, 5, 11)]:
        p.encounter("org-konan-hosp", "prac-konan-04", d, reason="骨折後経過観察", hh=14)
    del h
    return p


def p006():
    """伊藤 正雄 (88): cardia cancer (UNINFORMED), angina, hypertension; 15 years."""
    p = PatientRecord("p006", "伊藤", "正雄", "イトウ", "マサオ", "male", dt.date(1938, 2, 14),
                      "東京都港区三田（架空）", "39137890:港:９８７:00",
                      {"org-tohto-univ": "10011223", "org-sakura-clinic": "00000606", "org-minato-dental": "00000987"}, 2011)
    rng = p.rng
    p.condition("htn", "org-sakura-clinic", "prac-sakura-01", dt.date(2011, 12, 5), None)
    ea = p.encounter("org-tohto-univ", "prac-tohto-01", dt.date(2015, 4, 20), cls="IMP", end=dt.date(2015, 4, 28),
                     reason="労作時胸痛")
    p.condition("angina", "org-tohto-univ", "prac-tohto-01", dt.date(2015, 4, 20), ea)
    p.condition("abd_pain", "org-sakura-clinic", "prac-sakura-01", dt.date(2026, 8, 3), None, abated=dt.date(2026, 9, 10))
    ec = p.encounter("org-tohto-univ", "prac-tohto-02", dt.date(2026, 9, 10), reason="心窩部不快感・食思不振")
    p.condition("cardia_ca", "org-tohto-univ", "prac-tohto-02", dt.date(2026, 9, 10), ec, tags=("UNINFORMED",),
                note="ご家族の意向により本人未告知。説明はご家族（長女）に実施。")
    d = dt.date(2011, 12, 5)
    n = 0
    while d <= TODAY - dt.timedelta(days=5):
        enc = p.encounter("org-sakura-clinic", "prac-sakura-01", d)
        p.vitals("org-sakura-clinic", d, enc, drift(rng, 138, 7), drift(rng, 74, 5), drift(rng, 60 - 0.4 * (d.year - 2011), 0.7))
        p.prescription("amlodipine10", "org-sakura-clinic", "prac-sakura-01", d, 56, "qd_morning", 1, "org-hikari-pharmacy", enc)
        if d.year >= 2020:
            p.prescription("dayvigo", "org-sakura-clinic", "prac-sakura-01", d, 56, "qd_bedtime", 1, "org-hikari-pharmacy", enc)
        if n % 3 == 0:
            p.lab_panel(standard_panel(p, rng, d, {"CRE": (1.05 + 0.02 * (d.year - 2011), 0.05), "Na": (140, 1.5), "K": (4.5, 0.2),
                                                   "Hb": (13.2 - 0.1 * (d.year - 2011), 0.3), "ALB": (4.0 - 0.03 * (d.year - 2011), 0.1),
                                                   "LDL": (110, 10)}), "org-sakura-clinic", d, enc, "prac-sakura-01")
        d = workday(d + dt.timedelta(days=56))
        n += 1
    for y in range(2016, 2027):
        day = workday(dt.date(y, 11 if y < 2026 else 4, 10))
        ed = p.encounter("org-minato-dental", "prac-minato-01", day, reason="義歯調整", hh=15)
        p.procedure("scaling", "org-minato-dental", "prac-minato-01", day, ed, None, "歯科医師", hh=15, minutes=20)
    # maintenance haemodialysis (透析) three times a week since September 2026 at the university hospital
    d = dt.date(2026, 9, 7)
    while d < TODAY:
        if d.weekday() in (0, 2, 4):
            p.procedure("hemodialysis", "org-tohto-univ", "prac-tohto-01", d, None, None, "医師", hh=9, minutes=240)
        d += dt.timedelta(days=1)
    return p


def p900():
    """渡辺 大輔: heavy record (~12,000 resources) over 15 years."""
    p = PatientRecord("p900", "渡辺", "大輔", "ワタナベ", "ダイスケ", "male", dt.date(1961, 7, 7),
                      "東京都品川区南大井（架空）", "06135555:品川ワ:３１４:01",
                      {"org-sakura-clinic": "00009000", "org-tohto-univ": "10900900"}, 2011)
    rng = p.rng
    start = dt.date(2011, 11, 7)
    p.condition("htn", "org-sakura-clinic", "prac-sakura-01", start, None)
    p.condition("t2dm", "org-sakura-clinic", "prac-sakura-01", start, None)
    p.condition("dyslipidemia", "org-sakura-clinic", "prac-sakura-01", dt.date(2012, 5, 1), None)
    p.condition("gastritis", "org-sakura-clinic", "prac-sakura-01", dt.date(2014, 2, 3), None, abated=dt.date(2014, 3, 30))
    p.allergy("food", "buckwheat", "org-sakura-clinic", "prac-sakura-01", start, "high", "アナフィラキシー")
    d = start
    i = 0
    while d <= TODAY - dt.timedelta(days=2):
        t = (d - start).days / 365.0
        enc = p.encounter("org-sakura-clinic", "prac-sakura-01", d)
        p.vitals("org-sakura-clinic", d, enc, drift(rng, 142 - 0.5 * t, 6), drift(rng, 88 - 0.3 * t, 4), drift(rng, 78 - 0.2 * t, 0.6))
        a1c = 7.2 + 0.4 * ((i // 26) % 3 - 1)
        p.lab_panel(standard_panel(p, rng, d, {
            "HbA1c": (a1c, 0.2), "GLU": (a1c * 21, 12), "AST": (26, 4), "ALT": (31, 6), "GGT": (48, 8),
            "CRE": (0.95 + 0.015 * t, 0.04), "UA": (6.4, 0.5), "Na": (141, 1.5), "K": (4.3, 0.2), "LDL": (118, 12),
            "HDL": (48, 4), "TG": (160, 30), "ALB": (4.3, 0.1), "Hb": (14.8, 0.4), "WBC": (6.3, 0.8), "PLT": (228, 25)}),
            "org-sakura-clinic", d, enc, "prac-sakura-01")
        for key, usage in (("amlodipine10", "qd_morning"), ("metgluco250", "tid"), ("crestor2_5", "qd_evening"),
                           ("miyabm", "tid")):
            p.prescription(key, "org-sakura-clinic", "prac-sakura-01", d, 14, usage, 1, "org-hikari-pharmacy", enc)
        d = workday(d + dt.timedelta(days=14))
        i += 1
    d = dt.date(2012, 1, 16)
    while d <= TODAY - dt.timedelta(days=2):
        enc = p.encounter("org-tohto-univ", "prac-tohto-05", d, reason="糖尿病 合併症評価", hh=11)
        p.lab_panel(standard_panel(p, rng, d, {
            "HbA1c": (7.1, 0.2), "GLU": (145, 12), "AST": (25, 4), "ALT": (30, 5), "CRE": (1.0, 0.05), "Na": (140, 1.5),
            "K": (4.2, 0.2), "LDL": (115, 10), "ALB": (4.3, 0.1), "Hb": (14.6, 0.4), "WBC": (6.4, 0.8), "PLT": (225, 25)}),
            "org-tohto-univ", d, enc, "prac-tohto-05")
        p.prescription("crestor2_5", "org-tohto-univ", "prac-tohto-05", d, 14, "qd_evening", 1, "org-aoba-pharmacy", enc)
        d = add_months(d, 3)
    return p


PATIENT_BUILDERS = [p001, p002, p003, p004, p005, p006, p900]


def p100k():
    """中島 和夫: the scale patient of issue 12 (~100,000 resources, 20 years, 8 facilities): the clinic
    twice a week, haemodialysis three times a week since 2014, rehabilitation weekly. Not part of
    the demo data: written only with --scale (bench/README: the 100k scale bench)."""
    p = PatientRecord("p100k", "中島", "和夫", "ナカジマ", "カズオ", "male", dt.date(1950, 2, 14),
                      "東京都北区王子（架空）", "06139999:北王:７７７:01",
                      {"org-sakura-clinic": "00100000", "org-tohto-univ": "10100000", "org-konan-hosp": "20100000",
                       "org-kita-ortho": "30100000"}, 2006)
    rng = p.rng
    start = dt.date(2006, 12, 4)
    p.condition("htn", "org-sakura-clinic", "prac-sakura-01", start, None)
    p.condition("t2dm", "org-sakura-clinic", "prac-sakura-01", start, None)
    p.condition("dyslipidemia", "org-sakura-clinic", "prac-sakura-01", dt.date(2008, 5, 1), None)
    p.condition("angina", "org-tohto-univ", "prac-tohto-01", dt.date(2015, 3, 9), None)
    p.condition("gastritis", "org-konan-hosp", "prac-konan-02", dt.date(2012, 2, 3), None, abated=dt.date(2012, 3, 30))
    p.allergy("food", "buckwheat", "org-sakura-clinic", "prac-sakura-01", start, "high", "アナフィラキシー")
    end = TODAY - dt.timedelta(days=2)
    # Weekly at the clinic: vitals, a full panel, four drugs dispensed at a pharmacy near it.
    d, i = start, 0
    while d <= end:
        t = (d - start).days / 365.0
        enc = p.encounter("org-sakura-clinic", "prac-sakura-01", d)
        p.vitals("org-sakura-clinic", d, enc, drift(rng, 146 - 0.4 * t, 6), drift(rng, 88 - 0.3 * t, 4), drift(rng, 70, 0.6))
        p.lab_panel(standard_panel(p, rng, d, {
            "HbA1c": (7.3, 0.3), "GLU": (150, 15), "AST": (26, 4), "ALT": (30, 6), "GGT": (45, 8),
            "CRE": (0.9 + 0.02 * t, 0.04), "UA": (6.2, 0.5), "Na": (141, 1.5), "K": (4.3, 0.2), "LDL": (120, 12),
            "HDL": (47, 4), "TG": (150, 30), "ALB": (4.2, 0.1), "Hb": (14.2, 0.4), "WBC": (6.1, 0.8), "PLT": (220, 25)}),
            "org-sakura-clinic", d, enc, "prac-sakura-01")
        pharmacy = "org-hikari-pharmacy" if i % 3 else "org-midori-pharmacy"
        for key, usage in (("amlodipine10", "qd_morning"), ("metgluco250", "tid"), ("crestor2_5", "qd_evening"),
                           ("miyabm", "tid")):
            p.prescription(key, "org-sakura-clinic", "prac-sakura-01", d, 7, usage, 1, pharmacy, enc)
        d = workday(d + dt.timedelta(days=3 if d.weekday() < 3 else 4))
        i += 1
    # Haemodialysis three times a week at the community hospital since 2014, with pre-dialysis labs.
    d = dt.date(2014, 4, 7)
    while d <= end:
        if d.weekday() in (0, 2, 4):
            p.procedure("hemodialysis", "org-konan-hosp", "prac-konan-02", d, None, None, "医師", hh=9, minutes=240)
            p.lab_panel(standard_panel(p, rng, d, {
                "CRE": (7.5, 0.6), "UA": (6.8, 0.5), "Na": (139, 1.5), "K": (4.9, 0.3), "ALB": (3.7, 0.1),
                "Hb": (10.8, 0.4), "PLT": (190, 20), "GLU": (140, 15)}), "org-konan-hosp", d, None, "prac-konan-02")
        d += dt.timedelta(days=1)
    # Weekly rehabilitation at the orthopaedic clinic, with a pain reliever.
    d = dt.date(2009, 6, 3)
    while d <= end:
        enc = p.encounter("org-kita-ortho", "prac-kita-01", d, reason="腰部脊柱管狭窄症 リハビリテーション", hh=16)
        p.prescription("calonal500", "org-kita-ortho", "prac-kita-01", d, 7, "tid", 1, "org-midori-pharmacy", enc)
        d = workday(d + dt.timedelta(days=7))
    # Monthly at the university hospital (cardiology), weekly labs at the community hospital.
    d = dt.date(2015, 3, 9)
    while d <= end:
        enc = p.encounter("org-tohto-univ", "prac-tohto-01", d, reason="狭心症 経過観察", hh=11)
        p.lab_panel(standard_panel(p, rng, d, {
            "CRE": (1.0, 0.05), "Na": (140, 1.5), "K": (4.2, 0.2), "LDL": (110, 10), "Hb": (14.0, 0.4)}),
            "org-tohto-univ", d, enc, "prac-tohto-01")
        p.prescription("amlodipine10", "org-tohto-univ", "prac-tohto-01", d, 28, "qd_morning", 1, "org-aoba-pharmacy", enc)
        d = add_months(d, 1)
    d = dt.date(2007, 1, 15)
    while d <= end:
        enc = p.encounter("org-konan-hosp", "prac-konan-02", d, reason="定期採血", hh=10)
        p.lab_panel(standard_panel(p, rng, d, {
            "HbA1c": (7.2, 0.2), "GLU": (145, 12), "AST": (25, 4), "ALT": (30, 5), "CRE": (1.0, 0.05), "Na": (140, 1.5),
            "K": (4.2, 0.2), "LDL": (115, 10), "ALB": (4.3, 0.1), "Hb": (14.6, 0.4), "WBC": (6.4, 0.8), "PLT": (225, 25)}),
            "org-konan-hosp", d, enc, "prac-konan-02")
        d = workday(d + dt.timedelta(days=7))
    for y in range(2007, 2027):
        day = workday(dt.date(y, 10, 10))
        ed = p.encounter("org-minato-dental", "prac-minato-01", day, reason="定期検診", hh=15)
        p.procedure("scaling", "org-minato-dental", "prac-minato-01", day, ed, None, "歯科医師", hh=15, minutes=20)
    return p


# --------------------------------------------------------------------------
# output
# --------------------------------------------------------------------------
def dump(obj):
    return (json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def dump_bundle(bundle):
    """Compact JSON with one Bundle entry per line (greppable, diffable, small)."""
    head = dict(bundle)
    entries = head.pop("entry")
    enc = lambda o: json.dumps(o, ensure_ascii=False, sort_keys=True, separators=(",", ":"))  # noqa: E731
    text = enc(head)
    assert text.endswith("}")
    body = ",\n".join(enc(e) for e in entries)
    return (text[:-1] + ',"entry":[\n' + body + "\n]}\n").encode("utf-8")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="output directory")
    ap.add_argument("--scale", metavar="FILE",
                    help="write only the scale patient p100k (~100,000 resources) to FILE and stop")
    args = ap.parse_args(argv)
    if args.scale:
        p = p100k()
        write(os.path.abspath(args.scale), dump_bundle(p.bundle()))
        print("p100k: %d resources" % (len(p.resources)))
        return 0
    if not args.out:
        ap.error("--out is required")
    out = os.path.abspath(args.out)
    os.makedirs(os.path.join(out, "patients"), exist_ok=True)
    studies = []
    files = []
    bundles = {}
    for builder in PATIENT_BUILDERS:
        p = builder()
        rel = "patients/%s.json" % p.pid
        bundles[rel] = p.bundle()
        write(os.path.join(out, rel), dump_bundle(bundles[rel]))
        files.append(rel)
        studies.extend(p.imaging)
    manifest = {
        "generator": "tools/demo/generate.py",
        "today": d2s(TODAY),
        "wadoBase": WADO_BASE,
        "specificCharacterSet": "ISO_IR 192",
        "studies": studies,
    }
    write(os.path.join(out, "imaging-manifest.json"), dump(manifest))
    # Noon in Japan on TODAY: the middle of the demo's last day.
    info = {
        "generator": "tools/demo/generate.py",
        "today": "%sT12:00:00+09:00" % d2s(TODAY),
    }
    write(os.path.join(out, "demo-info.json"), dump(info))
    patientindex.write_index(out, bundles)
    dcm = []
    for s in studies:
        for se in s["series"]:
            for inst in se["instances"]:
                dcm.append("dicom/%s/%s/%s.dcm" % (s["studyInstanceUID"], se["seriesInstanceUID"], inst["sopInstanceUID"]))
    lines = ['<!DOCTYPE RCC>', '<RCC version="1.0">', '<qresource prefix="/demo">']
    for f in files + ["imaging-manifest.json", "demo-info.json", patientindex.INDEX_NAME] + dcm:
        lines.append("    <file>%s</file>" % f)
    lines += ["</qresource>", "</RCC>", ""]
    write(os.path.join(out, "demo.qrc"), "\n".join(lines).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
