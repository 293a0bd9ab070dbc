# Japanese for values as written: lab values or reference bounds that are not numbers.
JA = {
    'a value or reference range is not a number; it is shown as written, not plotted or flagged':
        '値または基準範囲が数値ではありません。記載どおりに表示し、グラフ化・高低判定はしません',
    '%n result(s) of this test not plotted (no number); see the list.':
        ['この検査の結果%n件は数値がないためグラフに表示していません。一覧を参照してください。'],
}
