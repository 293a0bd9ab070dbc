# Japanese for the hardening branch: access history (閲覧履歴), cache file modes.
JA = {
    'The access history cannot be written: %1': '閲覧履歴を書き込めません: %1',
    'The access history is locked by another program.': '閲覧履歴は別のプログラムがロックしています。',
    'The access history cannot be read: %1': '閲覧履歴を読み込めません: %1',
    'The access history cannot be written: encryption failed.': '閲覧履歴を書き込めません: 暗号化に失敗しました。',
    'Line %1 is not an access history entry.': '%1行目は閲覧履歴の記録ではありません。',
    'Line %1 does not follow line %2: an entry was removed, reordered or changed.':
        '%1行目が%2行目に続いていません: 記録が削除・並べ替え・変更されています。',
    'Line %1 is yours but no longer decrypts: it was changed.': '%1行目はあなたの記録ですが復号できません: 変更されています。',
    'Line %1 holds entry %2: entries were moved.': '%1行目に記録%2があります: 記録が移動されています。',
    'Access history': '閲覧履歴',
    'Access history…': '閲覧履歴…',
    'Reading the access history…': '閲覧履歴を読み込んでいます…',
    'When': '日時',
    'Who': '閲覧者',
    'Purpose': '利用目的',
    'Source': '取得元',
    'Shown': '表示した情報',
    'Export CSV…': 'CSVに書き出す…',
    '%n record(s) opened by you.': ['あなたが開いた記録: %n件。'],
    '%n entry(s) of other users or earlier sessions are sealed and not shown.':
        ['他の利用者または以前のセッションの記録%n件は暗号化されたままで、表示されません。'],
    'The log is intact: no entry was changed, removed or reordered.': '履歴は改ざんされていません（変更・削除・並べ替えなし）。',
    'The log has been tampered with:': '履歴が改ざんされています:',
    'Emergency (ETREAT): %1': '救急（ETREAT）: %1',
    'Treatment (TREAT)': '診療（TREAT）',
    'Export access history': '閲覧履歴の書き出し',
    'CSV files (*.csv)': 'CSVファイル (*.csv)',
    'The access history could not be exported: %1': '閲覧履歴を書き出せませんでした: %1',
    'The records you opened on this workstation, and whether the log is intact.':
        'この端末で開いた記録と、履歴が改ざんされていないかを表示します。',
    '(no card)': '（カードなし）',
}
