# Strings added or changed while merging the feature branches.
JA = {
    'Drug contraindications: unknown — no health record was loaded for this patient, only images':
        '薬剤禁忌: 不明 — この患者の診療記録は読み込まれていません（画像のみ）',
    '%1 (not disclosed to this role)': '%1（この職種には非開示）',
    'Not in the shared record: no medication running now or dispensed in the last %n day(s). This does not mean the patient takes none.':
        ['共有記録には、現在服用中または直近 %n 日以内に調剤された薬剤の登録がありません（服用していないことを意味しません）。'],
    'Not in the shared record: no active problem (this does not mean there is none).':
        '共有記録に継続中の病名の登録はありません（病名がないという意味ではありません）。',
    'Not in the shared record: no visit in this period (this does not mean there was none).':
        '共有記録にこの期間の受診の登録はありません（受診がなかったという意味ではありません）。',
    'Not in the shared record: no procedure or surgery in this period (this does not mean there was none).':
        '共有記録にこの期間の手術・処置の登録はありません（手術・処置がなかったという意味ではありません）。',
    'Not in the shared record: no key laboratory value (this does not mean none was measured).':
        '共有記録に主な検査値の登録はありません（検査が行われていないという意味ではありません）。',
}
