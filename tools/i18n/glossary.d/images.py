# Images from anywhere (issue 14): folders, portable media and every real DICOM file.
JA = {
    '%1: images in the transfer syntax %2 cannot be shown (not supported)': '%1: 転送構文 %2 の画像は表示できません（未対応）',
    'no patient ID': '患者IDなし',
    'DICOM files': 'DICOM ファイル',
    'only DICOM images were opened for this patient; no health record (diseases, medications, allergies, lab results) was loaded, so nothing is known about them here':
        'この患者は DICOM 画像のみを開いています。診療記録（病名・処方・アレルギー・検査結果）は読み込まれていないため、ここではそれらは不明です',
    'Allergies: unknown — no health record was loaded for this patient, only images': 'アレルギー: 不明 — この患者の診療記録は読み込まれていません（画像のみ）',
    'Unknown: no health record was loaded for this patient, only DICOM images.': '不明: この患者の診療記録は読み込まれていません（DICOM 画像のみ）。',
    'Patients, studies and series': '患者・検査・シリーズ',
    '(no name)': '（氏名なし）',
    'no ID': 'IDなし',
    'ID %1': 'ID %1',
    'Study': '検査',
    'Overlays': 'オーバーレイ',
    'Show the overlay planes (60xx) the file draws over the image': 'ファイルが画像の上に重ねるオーバーレイ（60xx）を表示します',
}
