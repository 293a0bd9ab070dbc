# Japanese for check-up results read from documents (特定健診 CDA, FHIR 健診結果報告書) and DICOM key
# images attached to documents (issue 13, part 3).
JA = {
    # DocumentResults: the mark every view shows, and the note on a shared result that a document repeats
    '%1, %2': '%1（%2）',
    'from the document “%1”': '文書「%1」から',
    'also in the document “%1”': '文書「%1」にも記載',
    # Lab trend chart
    'From a document': '文書から',
    '○ read from the document(s): %1': '○ 文書から読み取った結果: %1',
    # DICOM key images in documents
    'DICOM image': 'DICOM画像',
    '%1: this is a DICOM image; it is shown in the image view.': '%1: DICOM画像です。画像ビューに表示しています。',
    "%1: this is a DICOM image; open it in the main window's image view.": '%1: DICOM画像です。メインウィンドウの画像ビューで開いてください。',
    '%1: the DICOM image cannot be read (%2).': '%1: DICOM画像を読み込めません（%2）。',
}
# --document: one document of the patient, not the newest (README screenshots of the PDF and the CDA).
JA.update({
    "With --view documents: open this document instead of the patient's newest: its key as --summary lists it (e.g. DocumentReference/p003-doc-01), or the id alone.":
        '--view documents と併用：患者の最新の文書ではなく、この文書を開きます。--summary に出るキー（例：DocumentReference/p003-doc-01）または ID だけを指定します。',
    '--document needs --view documents.': '--document には --view documents が必要です。',
    "This patient's record has no document %1 that can be opened.": 'この患者の記録には、開ける文書 %1 がありません。',
    'No such document': '該当する文書がありません',
})
