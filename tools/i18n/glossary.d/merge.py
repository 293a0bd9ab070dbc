# Strings added while merging the feature branches.
JA = {
    'Drug contraindications: unknown — no health record was loaded for this patient, only images':
        '薬剤禁忌: 不明 — この患者の診療記録は読み込まれていません（画像のみ）',
    '%1 (not disclosed to this role)': '%1（この職種には非開示）',
}
