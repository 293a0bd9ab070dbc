# Japanese for the GUI-free card session (issue 11): sign-in progress, remaining PIN tries, cache work off the GUI thread.
JA = {
    # session/cardsession.cpp
    'Few PIN attempts remain before the card locks.': 'カードがロックされるまでの PIN 入力の残り回数はわずかです。',
    'One PIN attempt remains: a wrong PIN will lock the card.': 'PIN 入力は残り1回です。誤るとカードがロックされます。',
    'No PIN attempts remain: the card is locked.': 'PIN 入力の残り回数はありません。カードはロックされています。',
    'The card does not say how many attempts remain before it locks.': 'ロックまでの残り回数はカードから通知されていません。',
    'That card belongs to someone else. Unlock with the card that started this session, or quit and sign in again.':
        'このカードは別の方のものです。このセッションを開始したカードでロックを解除するか、終了してサインインし直してください。',
    'Loading the card reader software…': 'カードリーダーのソフトウェアを読み込んでいます…',
    'Reading the card…': 'カードを読み取っています…',
    'Checking the PIN on the card…': 'カードで PIN を確認しています…',
    "Preparing the card's key for the secure connection…": '安全な接続のためにカードの鍵を準備しています…',
    'The card is signing to unlock the local cache…': 'ローカルキャッシュを開くためにカードで署名しています…',
    'Logging the card out…': 'カードからログアウトしています…',
    # session/cachemaintenance.cpp
    'There is no local cache.': 'ローカルキャッシュはありません。',
    'The cached records could not be removed: %1': 'キャッシュされた記録を削除できませんでした: %1',
    'the cache file is in use by another program (another Kakehashi window?); close it and purge again':
        'キャッシュファイルが別のプログラム（別の Kakehashi ウィンドウなど）で使用中です。それを閉じてから、もう一度消去してください',
    # viewer/signin/signindialog.cpp
    'The card is working': 'カードが処理中です',
    # app/mainwindow_service.cpp, app/mainwindow_session.cpp
    'Opening the local cache…': 'ローカルキャッシュを開いています…',
    'Removing the cached records…': 'キャッシュされた記録を削除しています…',
    'Cached records removed.': 'キャッシュされた記録を削除しました。',
}
JA.update({
    # moved from MainWindow to Session::CardSession
    'The connection "%1" names no trust anchor for the sharing service; the card is presented only to a service verified against the connection\'s own CAs.':
        '接続「%1」に共有サービスのトラストアンカーが指定されていません。カードは、接続で指定した認証局で検証できたサービスにのみ提示します。',
})
