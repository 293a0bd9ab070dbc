# Japanese for the RLE decoder of our own and the image cache on a full disk (issue 10).
JA = {
    'the RLE pixel data is not encapsulated': 'RLE の画素データがカプセル化されていません',
    'RLE data with %1 bits allocated and %2 samples per pixel cannot be shown':
        '割り当てビット数 %1、画素あたりサンプル数 %2 の RLE データは表示できません',
    'the RLE data holds %1 fragments for %2 frames': 'RLE データのフラグメント数（%1）がフレーム数（%2）と合いません',
    'an RLE fragment cannot be read': 'RLE のフラグメントを読み取れません',
    'RLE decoding failed: %1': 'RLE の復号に失敗しました：%1',
    'the decoded RLE pixels cannot be stored': '復号した RLE の画素を格納できません',
    'the image cache could not be written': '画像キャッシュに書き込めませんでした',
    'These images are shown but not kept for offline use: %1':
        'これらの画像は表示されていますが、オフライン用には保存されていません：%1',
    'Offline copy of the images': '画像のオフライン用コピー',
}
# The emergency summary says what is not in the shared record, never a bare "none" (issue 13 review).
JA.update({
    'Last check-up: not in the shared record (this does not mean there was none).':
        '最終健診：共有記録に登録はありません（健診を受けていないという意味ではありません）。',
    'Infection tests (syphilis, HBs antigen, HCV, HIV): not in the shared record (this does not mean none was done, nor that results were negative).':
        '感染症検査（梅毒・HBs抗原・HCV・HIV）：共有記録に登録はありません（検査が行われていない、または陰性であるという意味ではありません）。',
    'Dialysis: not in the shared record for the last %n day(s) (this does not mean there was none).':
        ['透析：直近 %n 日間の登録は共有記録にありません（透析がなかったという意味ではありません）。'],
})
# The frame-size cap and the JPEG 2000 image-size check, before any decoder allocates (issue 10).
JA.update({
    'the image declares %1 bits allocated a sample; the viewer decodes 1, 8, 16 or 32':
        '画像の割り当てビット数が %1 です。表示できるのは 1・8・16・32 ビットです',
    'the image declares %1 samples per pixel; the viewer decodes 1 (monochrome) or 3 (colour)':
        '画像の画素あたりサンプル数が %1 です。表示できるのは 1（モノクロ）または 3（カラー）です',
    'the image declares %1 × %2 pixels with %3 samples of %4 bits, %5 MiB a frame: larger than the viewer decodes (%6 MiB a frame)':
        '画像は %1 × %2 画素・%3 サンプル・%4 ビット（1 フレーム %5 MiB）と宣言されています。表示できる大きさ（1 フレーム %6 MiB）を超えています',
    'the JPEG 2000 data of frame %1 has no readable image size: %2':
        'フレーム %1 の JPEG 2000 データから画像サイズを読み取れません：%2',
    'the JPEG 2000 data of frame %1 declares %2 × %3 pixels with %4 components where the DICOM header declares %5 × %6 with %7':
        'フレーム %1 の JPEG 2000 データは %2 × %3 画素・%4 成分ですが、DICOM ヘッダーは %5 × %6 画素・%7 成分です',
    'the JPEG 2000 data of frame %1 is split into %2 tiles, more than the viewer decodes (%3)':
        'フレーム %1 の JPEG 2000 データは %2 タイルに分割されており、表示できる数（%3）を超えています',
    'not an SQLite connection': 'SQLite の接続ではありません',
})
