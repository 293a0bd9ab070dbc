# Comparison with a prior, key images, presentation states and structured reports (issue 14, part 2).
JA = {
    # Comparison view
    'Left': '左',
    'Right': '右',
    'Scroll together': '連動スクロール',
    'Patient check': '患者の確認',
    'Close comparison': '比較を閉じる',
    '%1 pane: patient, study date and facility': '%1 側: 患者・検査日・施設',
    '%1 pane images': '%1 側の画像',
    'no patient ID': '患者IDなし',
    'born %1': '生年月日 %1',
    'study date not recorded': '検査日の記録なし',
    'study %1': '検査日 %1',
    'facility not recorded': '施設の記録なし',
    'which study is older is unknown (study date not recorded)': 'どちらが古い検査か不明（検査日の記録なし）',
    'same study date as the other pane': 'もう一方と同じ検査日',
    'newer study': '新しい検査',
    'older study (prior)': '古い検査（過去画像）',
    'name': '氏名',
    'birth date': '生年月日',
    'sex': '性別',
    'patient ID': '患者ID',
    'Same patient not confirmed: too little is recorded in the files to tell. Check both labels before comparing.':
        '同一患者か確認できません: ファイルの記録が少なすぎて判断できません。比較の前に両方の表示を確認してください。',
    "Same patient not confirmed: the %1 differs (another hospital's numbering?); nothing else recorded disagrees. Check both labels before comparing.":
        '同一患者か確認できません: %1 が異なります（他院の番号体系の可能性）。ほかに食い違う記録はありません。比較の前に両方の表示を確認してください。',
    'DIFFERENT PATIENTS: the two series are not of the same person (%1 differ). This is not a prior of this patient.':
        '別の患者です: 2 つのシリーズは同一人物のものではありません（%1 が異なります）。この患者の過去画像ではありません。',
    'Each pane scrolls on its own.': '左右は別々にスクロールします。',
    'Nothing to compare: a pane has no images.': '比較できません: 一方に画像がありません。',
    'Scrolling together by relative slice number: the series do not share a frame of reference, so the same number need not be the same anatomy.':
        '相対スライス番号で連動中: 2 つのシリーズは座標系（Frame of Reference）が異なるため、同じ番号が同じ部位とは限りません。',
    'Scrolling together by slice position (same frame of reference).': 'スライス位置で連動中（同じ座標系）。',
    'The right pane has no slice at this position: its nearest is %1 mm away.': '右側にはこの位置のスライスがありません。最も近いスライスは %1 mm 離れています。',
    # Viewer: compare, presentation states, key images, reports
    'Presentation': 'プレゼンテーション',
    'Apply the presentation states (GSPS) of the opened files: their window, annotations and shutters':
        '開いたファイルのプレゼンテーションステート（GSPS）のウィンドウ・注釈・シャッターを適用します',
    'Compare with prior': '過去画像と比較',
    'Show another series of this patient beside this one, scrolled together': 'この患者の別のシリーズを横に並べ、連動してスクロールします',
    'Structured report': '構造化レポート',
    'Key images': 'キー画像',
    'Key images “%1”: none of its %n referenced image(s) is among the opened images.':
        ['キー画像「%1」: 参照している %n 枚の画像はどれも開かれていません。'],
    'Key images “%1”: %2 of %n referenced image(s) are not among the opened images.':
        ['キー画像「%1」: 参照している %n 枚のうち %2 枚は開かれていません。'],
    '★ %n key image(s)': ['★ キー画像 %n 枚'],
    'Report: %1': 'レポート: %1',
    '(untitled)': '（表題なし）',
    'Patient: %1 (%2)': '患者: %1（%2）',
    'no name': '氏名なし',
    'Study date: %1': '検査日: %1',
    'not recorded': '記録なし',
    'Facility: %1': '施設: %1',
    'Completion: PARTIAL — this report is not complete.': '完了状態: PARTIAL — このレポートは未完成です。',
    'Verification: UNVERIFIED — not signed off.': '確認状態: UNVERIFIED — 未承認です。',
    'Verification: VERIFIED': '確認状態: VERIFIED（承認済み）',
    '(the report has no content)': '（レポートに内容がありません）',
    'No other series of this patient is open to compare with': '比較できるこの患者の別のシリーズは開かれていません',
    'Compare with…': '比較…',
    # Image view overlay
    'Key image': 'キー画像',
    '★ Key image: %1': '★ キー画像: %1',
    'Presentation state: %1': 'プレゼンテーションステート: %1',
    'Presentation state hidden: %1': 'プレゼンテーションステート（非表示）: %1',
    '(no label)': '（ラベルなし）',
    # Reader
    'Presentation state': 'プレゼンテーションステート',
    '(no value)': '（値なし）',
    'image %1': '画像 %1',
    '%1 region': '%1 領域',
    '(section)': '（セクション）',
    '… the report continues beyond %n line(s); not all of it is shown.': ['… レポートは %n 行を超えて続きます。すべては表示していません。'],
    '%1: not a readable DICOM object (%2)': '%1: 読み取れる DICOM オブジェクトではありません（%2）',
    '%1: %2': '%1: %2',
    '%1: cannot be read': '%1: 読み取れません',
}
# Encapsulated PDF / CDA among the DICOM opened (issue 14): a row of its study, shown in the document view.
JA.update({
    'the object holds no encapsulated document': 'カプセル化された文書が含まれていません',
    'the encapsulated document is %1 MiB, more than the viewer opens (%2 MiB)':
        'カプセル化された文書は %1 MiB あり、表示できる大きさ（%2 MiB）を超えています',
    'the encapsulated document cannot be read': 'カプセル化された文書を読み取れません',
    'the encapsulated document is empty': 'カプセル化された文書が空です',
    'Document (%1): %2': '文書（%1）：%2',
    '⚠ cannot be shown: %1': '⚠ 表示できません：%1',
    'Encapsulated document': 'カプセル化文書',
})
