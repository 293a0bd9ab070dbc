#!/usr/bin/env python3
"""Writes record-referral-dicom.json: one fictional patient with a JP-CLINS referral letter (FHIR
document) whose attachment section (210) carries a small DICOM key image (32x32, 8-bit, explicit VR
little endian, written here byte by byte), for tst_document_dicom. Deterministic; run from this folder."""
import base64, json, struct

def element(group, elem, vr, value):
    if isinstance(value, str):
        value = value.encode()
        pad = b'\0' if vr == 'UI' else b' '
    else:
        pad = b'\0'
    if len(value) % 2:
        value += pad
    tag = struct.pack('<HH', group, elem)
    if vr in ('OB', 'OW', 'SQ', 'UN', 'UT'):
        return tag + vr.encode() + b'\0\0' + struct.pack('<I', len(value)) + value
    return tag + vr.encode() + struct.pack('<H', len(value)) + value

def us(v):
    return struct.pack('<H', v)

SOP_CLASS = '1.2.840.10008.5.1.4.1.1.7'  # Secondary Capture
SOP = '1.2.826.0.1.3680043.9.7433.21.1.1'
STUDY = '1.2.826.0.1.3680043.9.7433.21.1'
SERIES = '1.2.826.0.1.3680043.9.7433.21.1.2'
SERIES_LABEL = 'ECG key image (referral)'

def key_image():
    meta = (element(0x0002, 0x0001, 'OB', b'\0\1') + element(0x0002, 0x0002, 'UI', SOP_CLASS) +
            element(0x0002, 0x0003, 'UI', SOP) + element(0x0002, 0x0010, 'UI', '1.2.840.10008.1.2.1') +
            element(0x0002, 0x0012, 'UI', '1.2.826.0.1.3680043.9.7433.1'))
    meta = element(0x0002, 0x0000, 'UL', struct.pack('<I', len(meta))) + meta
    rows = cols = 32
    # A diagonal ramp: the view shows more than one grey.
    pixels = bytes(((x + y) * 4) % 256 for y in range(rows) for x in range(cols))
    ds = (element(0x0008, 0x0016, 'UI', SOP_CLASS) + element(0x0008, 0x0018, 'UI', SOP) +
          element(0x0008, 0x0020, 'DA', '20250401') + element(0x0008, 0x0060, 'CS', 'OT') +
          element(0x0008, 0x103E, 'LO', SERIES_LABEL) +
          element(0x0010, 0x0010, 'PN', 'Bunsho^Shiken') + element(0x0010, 0x0020, 'LO', 't-dcm') +
          element(0x0020, 0x000D, 'UI', STUDY) + element(0x0020, 0x000E, 'UI', SERIES) +
          element(0x0020, 0x0011, 'IS', '1') + element(0x0020, 0x0013, 'IS', '1') +
          element(0x0028, 0x0002, 'US', us(1)) + element(0x0028, 0x0004, 'CS', 'MONOCHROME2') +
          element(0x0028, 0x0010, 'US', us(rows)) + element(0x0028, 0x0011, 'US', us(cols)) +
          element(0x0028, 0x0100, 'US', us(8)) + element(0x0028, 0x0101, 'US', us(8)) +
          element(0x0028, 0x0102, 'US', us(7)) + element(0x0028, 0x0103, 'US', us(0)) +
          element(0x7FE0, 0x0010, 'OB', pixels))
    return b'\0' * 128 + b'DICM' + meta + ds

def b64(data):
    return base64.b64encode(data).decode()

DOC = 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes'
SECTION = 'http://jpfhir.jp/fhir/clins/CodeSystem/document-section'
U = 'urn:uuid:0d000000-0000-4000-8000-0000000000'
patient = {'resourceType': 'Patient', 'id': 't-dcm', 'name': [{'text': '画像 添付'}], 'birthDate': '1955-05-05', 'gender': 'male'}
clinic = {'resourceType': 'Organization', 'id': 'org-clinic', 'name': 'さくら内科クリニック'}
referral = {'resourceType': 'Bundle', 'type': 'document', 'entry': [
    {'fullUrl': U + '01', 'resource': {
        'resourceType': 'Composition', 'status': 'final', 'title': '診療情報提供書',
        'type': {'coding': [{'system': DOC, 'code': '57133-1', 'display': '診療情報提供書'}]},
        'subject': {'reference': U + '02'}, 'date': '2025-04-01T10:00:00+09:00',
        'author': [{'reference': U + '03'}], 'custodian': {'reference': U + '03'},
        'section': [
            {'title': '紹介目的', 'code': {'coding': [{'system': SECTION, 'code': '950'}]},
             'text': {'status': 'generated', 'div': '<div xmlns="http://www.w3.org/1999/xhtml">心電図異常の精査のお願い。キー画像を添付します。</div>'}},
            {'title': '添付書類', 'code': {'coding': [{'system': SECTION, 'code': '210'}]},
             'entry': [{'reference': U + '04'}]}]}},
    {'fullUrl': U + '02', 'resource': patient},
    {'fullUrl': U + '03', 'resource': clinic},
    {'fullUrl': U + '04', 'resource': {
        'resourceType': 'DocumentReference', 'status': 'current', 'description': '心電図キー画像',
        'content': [{'attachment': {'contentType': 'application/dicom', 'title': 'ecg-key.dcm', 'url': U + '05'}}]}},
    {'fullUrl': U + '05', 'resource': {'resourceType': 'Binary', 'contentType': 'application/dicom', 'data': b64(key_image())}},
]}
entries = [patient, clinic,
           {'resourceType': 'DocumentReference', 'id': 'ref-dicom', 'status': 'current',
            'type': {'coding': [{'system': DOC, 'code': '57133-1', 'display': '診療情報提供書'}]},
            'subject': {'reference': 'Patient/t-dcm'}, 'date': '2025-04-01T10:00:00+09:00',
            'custodian': {'reference': 'Organization/org-clinic'}, 'description': 'JP-CLINS 診療情報提供書(DICOM添付)',
            'content': [{'attachment': {'contentType': 'application/fhir+json', 'data': b64(json.dumps(referral, ensure_ascii=False).encode())}}]}]
with open('record-referral-dicom.json', 'w', encoding='utf-8') as f:
    json.dump({'resourceType': 'Bundle', 'type': 'collection', 'entry': [{'fullUrl': f"{r['resourceType']}/{r['id']}", 'resource': r} for r in entries]},
              f, ensure_ascii=False, indent=1)
    f.write('\n')
