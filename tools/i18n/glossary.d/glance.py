# Issue 15 (read at a glance) and the display zone setting of issue 9 item 5.
JA = {
    # --time-zone, --role, --window-size
    "Show every time in this zone (an IANA name such as Asia/Tokyo or UTC) instead of the setting "
    "display/timeZone; by default Asia/Tokyo. Times not in Japan time carry the zone's name.":
        '時刻をこのタイムゾーン（Asia/Tokyo や UTC などの IANA 名）で表示します。設定 display/timeZone より優先し、'
        '既定は Asia/Tokyo です。日本時間でない時刻にはタイムゾーン名を添えます。',
    'zone': 'タイムゾーン',
    'With --demo: preview what this user sees, without a card: doctor, pharmacist or emergency.':
        '--demo と併用：カードなしで、この利用者に見える画面をプレビューします（doctor、pharmacist、emergency）。',
    'role': '役割',
    'Unknown time zone "%1": use an IANA name such as Asia/Tokyo or UTC.':
        '不明なタイムゾーン「%1」です。Asia/Tokyo や UTC などの IANA 名を指定してください。',
    'Unknown role "%1": use doctor, pharmacist or emergency.': '不明な役割「%1」です。doctor、pharmacist、emergency のいずれかを指定してください。',
    '--role previews the demo only: add --demo (a real session takes the role from the HPKI card).':
        '--role はデモのプレビュー専用です。--demo を付けてください（実際のセッションでは役割は HPKI カードから決まります）。',
    'The setting display/timeZone names an unknown time zone "%1"; times are shown in Asia/Tokyo.':
        '設定 display/timeZone のタイムゾーン「%1」は不明です。時刻は Asia/Tokyo で表示します。',
    'Window size in pixels, e.g. 1366x768 (also the size of a --screenshot).': 'ウィンドウの大きさ（ピクセル、例：1366x768）。--screenshot の画像の大きさにもなります。',
    'WxH': '幅x高さ',
    'Invalid --window-size "%1": use WIDTHxHEIGHT, at least 640x480, e.g. 1366x768.':
        '--window-size「%1」が不正です。幅x高さ（640x480 以上、例：1366x768）で指定してください。',
    # Role previews
    'Demo Pharmacist': 'デモ薬剤師',
    'Pharmacist': '薬剤師',
    'Kakehashi Demo Pharmacy': '架け橋デモ薬局',
    'Preview: what a pharmacist sees (no card)': 'プレビュー：薬剤師に見える画面（カードなし）',
    'Demo Emergency Physician': 'デモ救急医',
    'Kakehashi Demo Hospital (ER)': '架け橋デモ病院（救急外来）',
    'Preview: what emergency staff see (no card)': 'プレビュー：救急の医療者に見える画面（カードなし）',
    'Preview: what a doctor sees (no card)': 'プレビュー：医師に見える画面（カードなし）',
    'Role preview': '役割のプレビュー',
    'Demo data seen as this user would see it after signing in with an HPKI card. Nothing here comes from a card.':
        'HPKI カードでログインしたこの利用者に見えるとおりにデモデータを表示しています。カードの情報は使っていません。',
    # Toolbar
    'Display time zone': '表示タイムゾーン',
    ('Times in %1', 'the display time zone'): '時刻は %1',
    'Every time is shown in %1, not in Japan time (setting display/timeZone or --time-zone).':
        'すべての時刻を日本時間ではなく %1 で表示しています（設定 display/timeZone または --time-zone）。',
    ('%1 (%2)', 'user name (role)'): '%1（%2）',
    ('%1 — %2', 'user (role) — organisation'): '%1 — %2',
    # Timeline and chart
    ('Undated', 'items without a date'): '日付なし',
    '%n item(s) without a date': ['日付のない項目 %n件'],
    'Chart legend': 'グラフの凡例',
    # Connection settings: the profile's name, not a person's (氏名)
    'Connection name': '接続名',
}
