# Clinical truth (issue 9, items 1, 6, 7, 8, 9): allergy/contraindication states, withheld marks,
# emergency-access banner, children's eGFR, infections and dialysis.
JA = {
    # ClinicalStatus
    'date unknown': '日付不明',
    'facility unknown': '施設不明',
    'Allergies: none known (stated by %1, %2)': 'アレルギー：なし（%1 が %2 に「アレルギーなし」と記録）',
    'Drug contraindications: none known (stated by %1, %2)': '薬剤禁忌：なし（%1 が %2 に「アレルギーなし」と記録）',
    'Allergies: not recorded in the shared record (this does not mean there are none)':
        'アレルギー：共有記録に登録なし（アレルギーがないという意味ではありません）',
    'Drug contraindications: not recorded in the shared record (this does not mean there are none)':
        '薬剤禁忌：共有記録に登録なし（禁忌がないという意味ではありません）',
    "Allergies: none shown, but %n item(s) of unstated kind were withheld by the patient's disclosure settings and may include allergies":
        ['アレルギー：表示なし。ただし患者の開示設定により種類不明の %n 件が非開示で、アレルギーを含む可能性があります'],
    "Drug contraindications: none shown, but %n item(s) of unstated kind were withheld by the patient's disclosure settings and may include contraindications":
        ['薬剤禁忌：表示なし。ただし患者の開示設定により種類不明の %n 件が非開示で、薬剤禁忌を含む可能性があります'],
    "Allergies: none shown, but %n allergy item(s) were withheld by the patient's disclosure settings":
        ['アレルギー：表示なし。ただし患者の開示設定によりアレルギー %n 件が非開示です'],
    "Drug contraindications: none shown, but %n allergy item(s) were withheld by the patient's disclosure settings and may include contraindications":
        ['薬剤禁忌：表示なし。ただし患者の開示設定によりアレルギー %n 件が非開示で、薬剤禁忌を含む可能性があります'],
    'Allergies: not disclosed to this role — their absence here means nothing':
        'アレルギー：この職種には開示されていません（表示がないことは「なし」を意味しません）',
    'Drug contraindications: not disclosed to this role — their absence here means nothing':
        '薬剤禁忌：この職種には開示されていません（表示がないことは「なし」を意味しません）',
    'Allergies: %1': 'アレルギー：%1',
    'Drug contraindications: %1': '薬剤禁忌：%1',
    '(%n more withheld item(s) may include more)': ['（ほかに非開示 %n 件：さらに含まれる可能性があります）'],
    # InfectionLabs
    'Syphilis (STS)': '梅毒（STS）',
    'Syphilis (TP antibody)': '梅毒（TP抗体）',
    'HBs antigen': 'HBs抗原',
    'HCV': 'HCV',
    'HIV': 'HIV',
    'Other infection test': 'その他の感染症検査',
    # ClinicalItemBuilder: REDACTED
    ('[withheld]', "REDACTED: the value was removed under the patient's disclosure settings"): '【非開示】',
    # EmergencySummary / view
    'eGFR not shown: the result uses the adult equation, which does not apply under 18. Read the creatinine against the reference range reported with it.':
        'eGFR は表示しません：成人用の推算式による値で、18 歳未満には当てはまりません。クレアチニンは結果とともに報告された基準範囲で判断してください。',
    'Infections and dialysis': '感染症・透析',
    '%n more withheld item(s) may include more allergies.': ['ほかに非開示 %n 件：さらにアレルギーを含む可能性があります。'],
    'Infection tests: not disclosed to this role.': '感染症検査：この職種には開示されていません。',
    'Infection tests (syphilis, HBs antigen, HCV, HIV): none in the shared record.':
        '感染症検査（梅毒・HBs抗原・HCV・HIV）：共有記録になし。',
    'Dialysis: not disclosed to this role.': '透析：この職種には開示されていません。',
    'Dialysis: %n session(s) in the last %1 days, latest %2': ['透析：直近 %1 日間に %n 回、最終 %2'],
    'Dialysis: none recorded in the last %n day(s).': ['透析：直近 %n 日間の記録なし。'],
    # Connection settings
    'Pharmacy view: show allergies and drug contraindications the service sends':
        '薬局ビュー：サービスから届いたアレルギー・薬剤禁忌を表示する',
    'Off: pharmacists see disease names and medications only, as the sharing-service rule provides; the allergy banner then says they are not disclosed to this role.':
        'オフ：共有サービスの規定どおり、薬剤師には病名と処方・調剤のみを表示します。アレルギー欄には「この職種には開示されていません」と表示されます。',
    # MainWindow: emergency access banner
    'Emergency access': '緊急時アクセス',
    "EMERGENCY ACCESS (break the glass): this record was opened without the patient's consent at %1. Reason: %2. The access is recorded in the patient's access history.":
        '緊急時アクセス（ブレイクグラス）：この記録は %1 に患者の同意なしで開かれました。理由：%2。このアクセスは患者の閲覧履歴に記録されます。',
}
