# Large multi-frame instances fetched frame by frame over WADO-RS (issue 14, "Images from anywhere").
JA = {
    # Dicom::DicomFetchedFrames
    'the image could not be assembled (%1)': '画像を組み立てられませんでした（%1）',
    "the image's metadata is malformed": '画像のメタデータの形式が正しくありません',
    "the image's metadata has no rows, columns or SOP Instance UID": '画像のメタデータに行数・列数・SOP Instance UID がありません',
    "the image's header cannot be read": '画像のヘッダーを読み取れません',
    'the frame came in an unknown transfer syntax (%1)': 'フレームが未知の転送構文（%1）で届きました',
    'frame %1 does not exist (the image has %2)': 'フレーム %1 はありません（この画像は %2 フレーム）',
    "the image's metadata gives %1 frames (at most %2 are accepted)": '画像のメタデータのフレーム数が %1 です（受け付けるのは %2 まで）',
    'frame %1 arrived empty': 'フレーム %1 が空で届きました',
    'frame %1 holds %2 bytes; the image needs %3': 'フレーム %1 は %2 バイトですが、この画像には %3 バイト必要です',
    # Dicom::DicomSeriesBuilder, Dicom::DicomFrameDecoder
    'this image is not fetched frame by frame': 'この画像はフレーム単位で取得されていません',
    'a frame fetched on its own is decoded asynchronously only': '単独で取得したフレームは非同期でのみデコードできます',
    # Session::StudyRetrieval
    'Frame %1 was not fetched: the study was closed.': 'フレーム %1 は取得されませんでした: 検査が閉じられました。',
    'Frame %1: the PACS did not answer in time.': 'フレーム %1: PACS が時間内に応答しませんでした。',
    'Frame %1: the PACS cannot be reached (%2).': 'フレーム %1: PACS に接続できません（%2）。',
    'Frame %1 is not on the PACS (HTTP 404).': 'フレーム %1 は PACS にありません（HTTP 404）。',
    'The PACS refused frame %1 (%2).': 'PACS がフレーム %1 の要求を拒否しました（%2）。',
    'Frame %1: the PACS answer cannot be read (%2).': 'フレーム %1: PACS の応答を読み取れません（%2）。',
    'Frame %1: this PACS does not send single frames.': 'フレーム %1: この PACS はフレーム単位の送信に対応していません。',
    'Frame %1 could not be fetched (%2).': 'フレーム %1 を取得できませんでした（%2）。',
    'Frame %1 cannot be shown: %2': 'フレーム %1 を表示できません: %2',
    'Frame %1 does not exist (the image has %2).': 'フレーム %1 はありません（この画像は %2 フレーム）。',
    'Frame %1 is not in the image cache, and no PACS is set for this study.': 'フレーム %1 は画像キャッシュになく、この検査の PACS も設定されていません。',
    'Frame %1 is not in the image cache and the study is closed.': 'フレーム %1 は画像キャッシュになく、検査は閉じられています。',
    # DicomImageView
    'This image could not be shown.\n%1': 'この画像を表示できませんでした。\n%1',
}
JA.update({
    # Dicom::DicomFrameDecoder: DCMTK would loop on it
    'the JPEG data is malformed (a TEM marker before the frame header)': 'JPEG データの形式が正しくありません（フレームヘッダーの前に TEM マーカー）',
})
