#!/usr/bin/env python3
"""Writes record-with-attachments.json: one fictional patient whose documents arrive as a PDF
(Binary by URL), a 特定健診 CDA (inline), a PNG image, a PDF that claims to be a PNG, an encrypted
PDF, and a JP-CLINS referral (FHIR document) whose section 230 carries the PDF. Deterministic;
run from this folder after changing a sample."""
import base64, json, struct, zlib

def b64(data):
    return base64.b64encode(data).decode()

def png(width, height):
    rows = b''.join(b'\x00' + b''.join(bytes([255 if (x // 8 + y // 8) % 2 else 40]) * 3 for x in range(width)) for y in range(height))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))

def encrypted_pdf():
    body = b'%PDF-1.4\n'
    offsets = []
    for text in [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
                 b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
                 b'<< /Filter /Standard /V 1 /R 2 /O <' + b'a' * 64 + b'> /U <' + b'b' * 64 + b'> /P -44 >>']:
        offsets.append(len(body))
        body += str(len(offsets)).encode() + b' 0 obj\n' + text + b'\nendobj\n'
    xref = len(body)
    body += b'xref\n0 5\n0000000000 65535 f \n' + b''.join(b'%010d 00000 n \n' % o for o in offsets)
    body += b'trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<' + b'1' * 32 + b'> <' + b'1' * 32 + b'>] >>\nstartxref\n' + str(xref).encode() + b'\n%%EOF\n'
    return body

pdf = open('referral-letter-ja.pdf', 'rb').read()
cda = open('checkup-hc08.xml', 'rb').read()
DOC = 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes'
SECTION = 'http://jpfhir.jp/fhir/clins/CodeSystem/document-section'
patient = {'resourceType': 'Patient', 'id': 't-att', 'name': [{'text': '文書 試験'}], 'birthDate': '1960-03-03', 'gender': 'male'}
clinic = {'resourceType': 'Organization', 'id': 'org-clinic', 'name': 'さくら内科クリニック'}
kenshin = {'resourceType': 'Organization', 'id': 'org-kenshin', 'name': 'さくら健診センター'}

def docref(id, code, display, date, org, attachment, description=None):
    r = {'resourceType': 'DocumentReference', 'id': id, 'status': 'current',
         'type': {'coding': [{'system': DOC, 'code': code, 'display': display}]},
         'subject': {'reference': 'Patient/t-att'}, 'date': date, 'custodian': {'reference': 'Organization/' + org},
         'content': [{'attachment': attachment}]}
    if description:
        r['description'] = description
    return r

# A JP-CLINS referral letter (FHIR document) whose PDF section (230) carries the letter as a PDF.
clins = {'resourceType': 'Bundle', 'type': 'document', 'entry': [
    {'fullUrl': 'urn:uuid:0a000000-0000-4000-8000-000000000001', 'resource': {
        'resourceType': 'Composition', 'status': 'final',
        'type': {'coding': [{'system': DOC, 'code': '57133-1', 'display': '診療情報提供書'}]},
        'subject': {'reference': 'urn:uuid:0a000000-0000-4000-8000-000000000002'},
        'date': '2025-04-01T10:00:00+09:00', 'title': '診療情報提供書',
        'author': [{'reference': 'urn:uuid:0a000000-0000-4000-8000-000000000003'}],
        'custodian': {'reference': 'urn:uuid:0a000000-0000-4000-8000-000000000003'},
        'section': [
            {'title': '紹介目的', 'code': {'coding': [{'system': SECTION, 'code': '950', 'display': '紹介目的セクション'}]},
             'text': {'status': 'generated', 'div': '<div xmlns="http://www.w3.org/1999/xhtml">心エコー検査と精査加療のお願い。詳細は添付PDFをご覧ください。</div>'}},
            {'title': 'PDF', 'code': {'coding': [{'system': SECTION, 'code': '230', 'display': 'PDFセクション'}]},
             'entry': [{'reference': 'urn:uuid:0a000000-0000-4000-8000-000000000004'}]},
            {'title': '添付書類', 'code': {'coding': [{'system': SECTION, 'code': '210', 'display': '添付情報セクション'}]},
             'entry': [{'reference': 'urn:uuid:0a000000-0000-4000-8000-000000000005'}, {'reference': 'urn:uuid:0a000000-0000-4000-8000-000000000006'}]},
        ]}},
    {'fullUrl': 'urn:uuid:0a000000-0000-4000-8000-000000000002', 'resource': patient},
    {'fullUrl': 'urn:uuid:0a000000-0000-4000-8000-000000000003', 'resource': clinic},
    {'fullUrl': 'urn:uuid:0a000000-0000-4000-8000-000000000004', 'resource': {
        'resourceType': 'DocumentReference', 'status': 'current', 'description': '診療情報提供書(PDF)',
        'content': [{'attachment': {'contentType': 'application/pdf', 'title': '紹介状.pdf', 'url': 'urn:uuid:0a000000-0000-4000-8000-000000000007'}}]}},
    {'fullUrl': 'urn:uuid:0a000000-0000-4000-8000-000000000005', 'resource': {
        'resourceType': 'DocumentReference', 'status': 'current', 'description': '心電図所見',
        'content': [{'attachment': {'contentType': 'text/plain', 'title': '心電図所見.txt', 'data': b64('心電図: 左室肥大の疑い。\n'.encode())}}]}},
    {'fullUrl': 'urn:uuid:0a000000-0000-4000-8000-000000000006', 'resource': {
        'resourceType': 'DocumentReference', 'status': 'current', 'description': '外部の画像',
        'content': [{'attachment': {'contentType': 'image/png', 'title': 'external.png', 'url': 'http://127.0.0.1:9/external.png'}}]}},
    {'fullUrl': 'urn:uuid:0a000000-0000-4000-8000-000000000007', 'resource': {'resourceType': 'Binary', 'contentType': 'application/pdf', 'data': b64(pdf)}},
]}

entries = [patient, clinic, kenshin,
    docref('att-pdf', '57133-1', '診療情報提供書', '2025-04-01T10:00:00+09:00', 'org-clinic',
           {'contentType': 'application/pdf', 'url': 'Binary/att-pdf-bin', 'title': '紹介状.pdf'}),
    {'resourceType': 'Binary', 'id': 'att-pdf-bin', 'contentType': 'application/pdf', 'data': b64(pdf)},
    docref('att-cda', '53576-5', '健診結果報告書', '2026-04-15', 'org-kenshin',
           {'contentType': 'application/hl7-v3+xml', 'data': b64(cda), 'title': '特定健診.xml'}),
    docref('att-png', '57133-1', '診療情報提供書', '2025-05-01T10:00:00+09:00', 'org-clinic',
           {'contentType': 'image/png', 'data': b64(png(64, 48)), 'title': '心電図.png'}, '心電図の画像'),
    docref('att-lying', '57133-1', '診療情報提供書', '2025-05-02T10:00:00+09:00', 'org-clinic',
           {'contentType': 'image/png', 'data': b64(pdf), 'title': 'not-really.png'}, '画像とされたPDF'),
    docref('att-encrypted', '18842-5', '退院時サマリー', '2025-06-01T10:00:00+09:00', 'org-clinic',
           {'contentType': 'application/pdf', 'data': b64(encrypted_pdf()), 'title': 'locked.pdf'}),
    docref('att-clins', '57133-1', '診療情報提供書', '2025-04-02T10:00:00+09:00', 'org-clinic',
           {'contentType': 'application/fhir+json', 'data': b64(json.dumps(clins, ensure_ascii=False).encode())}, 'JP-CLINS 診療情報提供書(PDF添付)'),
    {'resourceType': 'Observation', 'id': 'lab-hba1c-2025', 'status': 'final',
     'category': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/observation-category', 'code': 'laboratory'}]}],
     'code': {'coding': [{'system': 'http://medis.or.jp/CodeSystem/master-JLAC10-17digits', 'code': '3D046000001906202', 'display': 'HbA1c(NGSP)'}]},
     'subject': {'reference': 'Patient/t-att'}, 'effectiveDateTime': '2025-10-01', 'performer': [{'reference': 'Organization/org-clinic'}],
     'valueQuantity': {'value': 6.5, 'unit': '%'}},
]
bundle = {'resourceType': 'Bundle', 'type': 'collection', 'entry': [{'fullUrl': f"{r['resourceType']}/{r['id']}", 'resource': r} for r in entries]}
with open('record-with-attachments.json', 'w', encoding='utf-8') as f:
    json.dump(bundle, f, ensure_ascii=False, indent=1)
    f.write('\n')

# The check-up alone (for the README screenshot of a CDA check-up).
only = [patient, kenshin, next(r for r in entries if r.get('id') == 'att-cda')]
with open('record-checkup-cda.json', 'w', encoding='utf-8') as f:
    json.dump({'resourceType': 'Bundle', 'type': 'collection', 'entry': [{'fullUrl': f"{r['resourceType']}/{r['id']}", 'resource': r} for r in only]},
              f, ensure_ascii=False, indent=1)
    f.write('\n')

# A referral letter that arrived as a PDF (for the README screenshot of a PDF attachment).
only = [patient, clinic] + [r for r in entries if r.get('id') in ('att-pdf', 'att-pdf-bin')]
with open('record-referral-pdf.json', 'w', encoding='utf-8') as f:
    json.dump({'resourceType': 'Bundle', 'type': 'collection', 'entry': [{'fullUrl': f"{r['resourceType']}/{r['id']}", 'resource': r} for r in only]},
              f, ensure_ascii=False, indent=1)
    f.write('\n')
