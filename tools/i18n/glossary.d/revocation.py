# Japanese for the card certificate's revocation check at sign-in (issue 10).
JA = {
    "The card's certificate has not been checked for revocation.": 'カードの証明書の失効はまだ確認されていません。',
    "The card's certificate is not revoked (certificate revocation list of %1, kept on this workstation; the certification authority could not be reached).":
        'カードの証明書は失効していません（この端末に保存された %1 の証明書失効リストによる。認証局には接続できませんでした）。',
    "The card's certificate is not revoked (certificate revocation list of %1).":
        'カードの証明書は失効していません（%1 の証明書失効リストによる）。',
    "The card's certificate has been revoked by its certification authority (since %1).":
        'カードの証明書は認証局によって失効されています（%1 から）。',
    "The card's certificate has been revoked by its certification authority.":
        'カードの証明書は認証局によって失効されています。',
    "The certificate revocation list (CRL) of the card's certification authority could not be obtained, so it is not known whether the card's certificate has been revoked.":
        'カードの認証局の証明書失効リスト（CRL）を取得できなかったため、カードの証明書が失効しているかどうか分かりません。',
    "The certificate revocation list (CRL) at hand expired on %1 and no newer one could be obtained, so it is not known whether the card's certificate has been revoked.":
        '手元の証明書失効リスト（CRL）は %1 に期限が切れており、新しいものを取得できなかったため、カードの証明書が失効しているかどうか分かりません。',
    "The certificate revocation list (CRL) obtained is not signed by the card's certification authority; it cannot be trusted to say whether the card's certificate has been revoked.":
        '取得した証明書失効リスト（CRL）にはカードの認証局による正しい署名がないため、カードの証明書が失効しているかどうかの判断には使えません。',
    'Card certificate warning': 'カード証明書の警告',
    'Sign-in refused: %1': 'サインインを拒否しました: %1',
    'Warning: %1 You are signed in because the connection "%2" allows sign-in without a revocation check (soft-fail).':
        '警告: %1 接続「%2」が失効確認なしのサインインを許可している（ソフトフェイル）ため、サインインしています。',
    'Sign-in refused': 'サインイン拒否',
    # Connection settings, HPKI card page
    'Refuse sign-in (hard-fail)': 'サインインを拒否する（ハードフェイル）',
    'Sign in with a warning (soft-fail)': '警告を表示してサインインする（ソフトフェイル）',
    "When the card's certificate is revoked, or its CA's revocation list cannot be obtained, is expired or is not signed by the CA.":
        'カードの証明書が失効している場合、または認証局の失効リストが取得できない・期限切れ・認証局の署名がない場合の扱い。',
    (' h', 'hours'): ' 時間',
    'How long after its next update a kept revocation list is still used when the CA cannot be reached.':
        '認証局に接続できないとき、保存済みの失効リストを次回更新予定日時を過ぎてからどれだけの間使い続けるか。',
    'Revoked or unverifiable certificate': '失効・確認できない証明書',
    'Revocation list download timeout': '失効リストの取得タイムアウト',
    'Offline grace after next update': '次回更新後のオフライン猶予',
}
