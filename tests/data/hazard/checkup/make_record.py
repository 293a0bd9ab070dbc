#!/usr/bin/env python3
"""Writes record-checkup-results.json for tst_hazard_checkup_results: one fictional patient whose
check-up results arrive inside documents — a 特定健診 CDA (hc08 layout) and a FHIR check-up report
(eCheckup 健診結果報告書) — beside shared Observations. It holds:
  - HbA1c only in the CDA (6.9 %, H, range 4.6–6.2) and only in the FHIR report (6.2 %), and one shared
    HbA1c from the clinic: three points of one trend, two of them from documents;
  - LDL 151 mg/dL in the CDA *and* as a shared Observation of the same day: one result;
  - AST 30 U/L in the FHIR report *and* as a shared Observation at the same minute: one result;
  - fasting glucose with no value (nullFlavor NI in the CDA, dataAbsentReason in the FHIR report): not a result.
Deterministic; run from this folder after changing it."""
import base64, json

JLAC10 = 'http://medis.or.jp/CodeSystem/master-JLAC10-17digits'
DOC = 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes'
LAB = [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/observation-category', 'code': 'laboratory'}]}]

CDA = '''<?xml version="1.0" encoding="UTF-8"?>
<!-- Fictional 特定健診 report in the layout of the MHLW hc08 CDA schema; no real person. -->
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <code code="10" codeSystem="1.2.392.200119.6.1001"/>
  <title>特定健診情報2026</title>
  <effectiveTime value="20260415"/>
  <recordTarget><patientRole><patient><name use="IDE"><family>健診</family><given>結果</given></name></patient></patientRole></recordTarget>
  <custodian><assignedCustodian><representedCustodianOrganization><name>みなと健診センター</name></representedCustodianOrganization></assignedCustodian></custodian>
  <component><structuredBody><component><section>
    <code code="01010" codeSystem="1.2.392.200119.6.1010" displayName="特定健診情報"/>
    <title>特定健診結果</title>
    <text><paragraph>結果は下記の通り。</paragraph></text>
    <entry><observation classCode="OBS" moodCode="EVN">
      <code code="9N001000000000001" codeSystem="1.2.392.200119.6.1005" displayName="身長"/>
      <value xsi:type="PQ" value="168.0" unit="cm"/>
    </observation></entry>
    <entry><organizer classCode="CLUSTER" moodCode="EVN">
      <code code="01020" codeSystem="1.2.392.200119.6.1010" displayName="血液検査"/>
      <component><observation classCode="OBS" moodCode="EVN">
        <code code="3D046000001906202" codeSystem="1.2.392.200119.6.1005" displayName="HbA1c(NGSP)"/>
        <effectiveTime value="20260415"/>
        <value xsi:type="PQ" value="6.9" unit="%"/>
        <interpretationCode code="H" codeSystem="1.2.392.200119.6.2001"/>
        <referenceRange><observationRange><value xsi:type="IVL_PQ"><low value="4.6" unit="%"/><high value="6.2" unit="%"/></value></observationRange></referenceRange>
      </observation></component>
      <component><observation classCode="OBS" moodCode="EVN">
        <code code="3F077000002327101" codeSystem="1.2.392.200119.6.1005" displayName="LDLコレステロール"/>
        <effectiveTime value="20260415"/>
        <value xsi:type="PQ" value="151" unit="mg/dL"/>
        <interpretationCode code="H" codeSystem="1.2.392.200119.6.2001"/>
      </observation></component>
      <component><observation classCode="OBS" moodCode="EVN">
        <code code="3D010000001926101" codeSystem="1.2.392.200119.6.1005" displayName="空腹時血糖"/>
        <effectiveTime value="20260415"/>
        <value xsi:type="PQ" nullFlavor="NI" unit="mg/dL"/>
      </observation></component>
    </organizer></entry>
  </section></component></structuredBody></component>
</ClinicalDocument>
'''

def obs(id, code, display, when, value, unit, performer=None, extra=None):
    r = {'resourceType': 'Observation', 'id': id, 'status': 'final', 'category': LAB,
         'code': {'coding': [{'system': JLAC10, 'code': code, 'display': display}]},
         'subject': {'reference': 'Patient/t-chk'}, 'effectiveDateTime': when}
    if value is not None:
        r['valueQuantity'] = {'value': value, 'unit': unit, 'system': 'http://unitsofmeasure.org', 'code': unit}
    if performer:
        r['performer'] = [{'reference': performer}]
    r.update(extra or {})
    return r

U = 'urn:uuid:0c000000-0000-4000-8000-0000000000'
report = {'resourceType': 'Bundle', 'type': 'document', 'entry': [
    {'fullUrl': U + '01', 'resource': {
        'resourceType': 'Composition', 'status': 'final', 'title': '健診結果報告書2025',
        'type': {'coding': [{'system': DOC, 'code': '53576-5', 'display': '健診結果報告書'}]},
        'subject': {'reference': U + '02'}, 'date': '2025-06-10T12:00:00+09:00',
        'author': [{'reference': U + '03'}], 'custodian': {'reference': U + '03'},
        'section': [{'title': '検査結果', 'code': {'coding': [{'system': 'http://jpfhir.jp/fhir/clins/CodeSystem/document-section', 'code': '620'}]},
                     'text': {'status': 'additional', 'div': '<div xmlns="http://www.w3.org/1999/xhtml">HbA1c 6.2%、AST 30 U/L</div>'},
                     'entry': [{'reference': U + '04'}, {'reference': U + '05'}, {'reference': U + '06'}]}]}},
    {'fullUrl': U + '02', 'resource': {'resourceType': 'Patient', 'name': [{'text': '健診 結果'}]}},
    {'fullUrl': U + '03', 'resource': {'resourceType': 'Organization', 'name': 'みなと健診センター'}},
    {'fullUrl': U + '04', 'resource': obs(None, '3D046000001906202', 'HbA1c(NGSP)', '2025-06-10T09:00:00+09:00', 6.2, '%', U + '03')},
    {'fullUrl': U + '05', 'resource': obs(None, '3B035000002327201', 'AST', '2025-06-10T09:00:00+09:00', 30, 'U/L', U + '03')},
    {'fullUrl': U + '06', 'resource': obs(None, '3D010000001926101', '空腹時血糖', '2025-06-10T09:00:00+09:00', None, None, U + '03',
                                           {'dataAbsentReason': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/data-absent-reason', 'code': 'not-performed', 'display': 'Not Performed'}]}})},
]}
for e in report['entry']:
    e['resource'].pop('id', None)
    if e['resource'].get('subject'):
        e['resource']['subject'] = {'reference': U + '02'}

def b64(text):
    return base64.b64encode(text.encode()).decode()

entries = [
    {'resourceType': 'Patient', 'id': 't-chk', 'name': [{'text': '健診 結果'}], 'birthDate': '1961-02-02', 'gender': 'female'},
    {'resourceType': 'Organization', 'id': 'org-clinic', 'name': 'さくら内科クリニック'},
    {'resourceType': 'Organization', 'id': 'org-kenshin', 'name': 'みなと健診センター'},
    {'resourceType': 'DocumentReference', 'id': 'chk-cda', 'status': 'current',
     'type': {'coding': [{'system': DOC, 'code': '53576-5', 'display': '健診結果報告書'}]},
     'subject': {'reference': 'Patient/t-chk'}, 'date': '2026-04-15', 'custodian': {'reference': 'Organization/org-kenshin'},
     'content': [{'attachment': {'contentType': 'application/hl7-v3+xml', 'data': b64(CDA), 'title': '特定健診.xml'}}]},
    {'resourceType': 'DocumentReference', 'id': 'chk-fhir', 'status': 'current',
     'type': {'coding': [{'system': DOC, 'code': '53576-5', 'display': '健診結果報告書'}]},
     'subject': {'reference': 'Patient/t-chk'}, 'date': '2025-06-10T12:00:00+09:00', 'custodian': {'reference': 'Organization/org-kenshin'},
     'content': [{'attachment': {'contentType': 'application/fhir+json', 'data': b64(json.dumps(report, ensure_ascii=False))}}]},
    obs('lab-hba1c-clinic', '3D046000001906202', 'HbA1c(NGSP)', '2025-10-01', 6.5, '%', 'Organization/org-clinic'),
    obs('lab-ldl-shared', '3F077000002327101', 'LDLコレステロール', '2026-04-15T09:30:00+09:00', 151, 'mg/dL', 'Organization/org-kenshin'),
    obs('lab-ast-shared', '3B035000002327201', 'AST', '2025-06-10T09:00:00+09:00', 30, 'U/L', 'Organization/org-kenshin'),
]
bundle = {'resourceType': 'Bundle', 'type': 'collection', 'entry': [{'fullUrl': f"{r['resourceType']}/{r['id']}", 'resource': r} for r in entries]}
with open('record-checkup-results.json', 'w', encoding='utf-8') as f:
    json.dump(bundle, f, ensure_ascii=False, indent=1)
    f.write('\n')
