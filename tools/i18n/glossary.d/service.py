# Sharing-service interoperability: facility names by reference, linked identities, strict servers.
JA = {
    'Facility unknown (reference could not be resolved)': '施設不明（参照を解決できません）',
    'Unnamed facility': '名称不明の施設',
    '%1 was not delivered with the record.': '%1 は記録と一緒に届いていません。',
    'insurance member ID': '被保険者番号',
    'facility patient ID (%1)': '医療機関の患者ID（%1）',
    'identifier (%1)': '識別子（%1）',
    "%1 and %2 share an identifier (%3) but differ in birth date or sex; they are shown as two people. Check the patient's identity.":
        '%1 と %2 は同じ識別子（%3）を持ちますが、生年月日または性別が異なるため、別の人として表示しています。患者の本人確認をしてください。',
    '%1 and %2 have the same %3 and are shown as one person.': '%1 と %2 は同じ%3を持つため、同一人物として表示しています。',
    'The sharing service returned patient %1 but no records at all (no diseases, medications, results or visits). '
    'This is not the same as "nothing recorded": the service or the search may have failed. Ask the service or check another way.':
        '共有サービスは患者 %1 を返しましたが、記録が1件もありません（病名・処方・検査結果・受診歴なし）。'
        '「記録なし」と同じ意味ではありません。サービスまたは検索が失敗している可能性があります。サービスに確認するか、別の方法で確かめてください。',
    'This person has more than %n linked patient records; only the first %n were fetched.':
        ['この人には %n 件を超える関連する患者記録があります。最初の %n 件だけを取得しました。'],
    '%1 points into a Bundle that did not contain it.': '%1 は Bundle 内の資源を指していますが、その Bundle に含まれていません。',
    '%1 is not a reference the viewer can follow.': '%1 はたどることのできない参照です。',
    '%1 is on another server (%2); only the sharing service itself is asked.':
        '%1 は別のサーバー（%2）にあります。問い合わせるのは共有サービス自身だけです。',
    'The sharing service did not return %1 when asked for it.': '共有サービスに %1 を問い合わせましたが、返されませんでした。',
    '%1 was not fetched: references nested too deeply.': '%1 は取得していません（参照の入れ子が深すぎます）。',
    'Asking the sharing service for %1 failed: %2': '共有サービスへの %1 の問い合わせに失敗しました: %2',
    '%n facility reference(s) could not be resolved; those items are shown as "%1" with the reason in their details.':
        ['%n 件の施設参照を解決できませんでした。該当する項目は「%1」と表示し、理由を詳細に示します。'],
    'Medical institution code': '医療機関コード',
    'Note: %1': '注意: %1',
    # The server's stapled certificate status (OCSP)
    "The sharing service's certificate has been revoked (the certificate status the server sent says so); the connection was refused.":
        '共有サービスのサーバー証明書は失効しています（サーバーが送った証明書の状態がそう示しています）。接続を拒否しました。',
    "The PACS's certificate has been revoked (the certificate status the server sent says so); the connection was refused.":
        'PACS のサーバー証明書は失効しています（サーバーが送った証明書の状態がそう示しています）。接続を拒否しました。',
    "Frame %1: the PACS's certificate has been revoked; the connection was refused.":
        'フレーム %1: PACS のサーバー証明書は失効しています。接続を拒否しました。',
    # Must-staple (TLS Feature status_request) without a usable stapled status
    "The sharing service's certificate requires the server to send its current certificate status (OCSP must-staple), and the server sent none that could be used; the connection was refused. Ask the service's operator.":
        '共有サービスのサーバー証明書は、サーバーが現在の証明書の状態（OCSP must-staple）を送ることを求めていますが、使える状態が送られてきませんでした。接続を拒否しました。サービスの運用者に問い合わせてください。',
    "The PACS's certificate requires the server to send its current certificate status (OCSP must-staple), and the server sent none that could be used; the connection was refused.":
        'PACS のサーバー証明書は、サーバーが現在の証明書の状態（OCSP must-staple）を送ることを求めていますが、使える状態が送られてきませんでした。接続を拒否しました。',
    "Frame %1: the PACS sent no usable certificate status although its certificate requires one; the connection was refused.":
        'フレーム %1: PACS の証明書は証明書の状態の送信を求めていますが、使える状態が送られてきませんでした。接続を拒否しました。',
}
