# Strings added by the imaging session layer (session/imaging, viewer/imaging).
JA = {
    '%n image(s) read from local files.': ['ローカルファイルから %n 枚を読み込みました。'],
    # Connection settings › Images: local image folders (issue 11)
    'Local image folders': 'ローカル画像フォルダ',
    'One folder or DICOMDIR per line (e.g. a mounted CD). Searched when no PACS is set.':
        '1 行に 1 つのフォルダまたは DICOMDIR（例：マウントした CD）。PACS が設定されていないときに検索します。',
}
