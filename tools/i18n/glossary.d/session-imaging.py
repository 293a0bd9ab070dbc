# Strings added by the imaging session layer (session/imaging, viewer/imaging).
JA = {
    '%n image(s) read from local files.': ['ローカルファイルから %n 枚を読み込みました。'],
}
