<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Kakehashi::CategoryNames</name>
    <message>
        <source>Allergies and intolerances</source>
        <translation>アレルギー・禁忌</translation>
    </message>
    <message>
        <source>Problems</source>
        <comment>diagnoses / disease history</comment>
        <translation>病名・既往歴</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>処方・調剤</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>検査結果</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>バイタルサイン</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>手術・処置</translation>
    </message>
    <message>
        <source>Encounters</source>
        <comment>visits and admissions</comment>
        <translation>受診歴（外来・入院）</translation>
    </message>
    <message>
        <source>Documents and reports</source>
        <translation>文書・報告書</translation>
    </message>
    <message>
        <source>Imaging studies</source>
        <translation>画像検査</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>予防接種</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>Kakehashi::ClinicalItemBuilder</name>
    <message>
        <source>Institution %1</source>
        <comment>medical institution number</comment>
        <translation>医療機関 %1</translation>
    </message>
    <message>
        <source>(untitled %1)</source>
        <translation>（名称なし %1）</translation>
    </message>
    <message>
        <source>suspected</source>
        <comment>condition verification status</comment>
        <translation>疑い</translation>
    </message>
    <message>
        <source>drug</source>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>food</source>
        <translation>食物</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>環境</translation>
    </message>
    <message>
        <source>biologic</source>
        <translation>生物学的製剤</translation>
    </message>
    <message>
        <source>high risk</source>
        <comment>allergy criticality</comment>
        <translation>高リスク</translation>
    </message>
    <message>
        <source>low risk</source>
        <comment>allergy criticality</comment>
        <translation>低リスク</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>prescribed duration</comment>
        <translation><numerusform>%n日分</numerusform></translation>
    </message>
    <message>
        <source>dispensed</source>
        <comment>medication dispense</comment>
        <translation>調剤</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>陽性</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>陰性</translation>
    </message>
    <message>
        <source>ref. %1</source>
        <comment>reference range</comment>
        <translation>基準値 %1</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>入院</translation>
    </message>
    <message>
        <source>Emergency visit</source>
        <translation>救急受診</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>訪問診療</translation>
    </message>
    <message>
        <source>Virtual visit</source>
        <translation>オンライン診療</translation>
    </message>
    <message>
        <source>Outpatient visit</source>
        <translation>外来受診</translation>
    </message>
    <message>
        <source>%1 study</source>
        <comment>imaging modality</comment>
        <translation>%1 検査</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation><numerusform>%nシリーズ</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation><numerusform>%n画像</numerusform></translation>
    </message>
</context>
<context>
    <name>Kakehashi::CommandLine</name>
    <message>
        <source>Kakehashi: integrated viewer for the health-record sharing service</source>
        <translation>架け橋：保健医療記録共有サービスの統合ビューワ</translation>
    </message>
    <message>
        <source>Start on the bundled demo data, without a card.</source>
        <translation>同梱のデモデータで起動します（カード不要）。</translation>
    </message>
    <message>
        <source>Open local FHIR JSON files or folders (repeatable).</source>
        <translation>ローカルの FHIR JSON ファイルまたはフォルダを開きます（複数指定可）。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>Open this patient.</source>
        <translation>この患者を開きます。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Show this view: %1.</source>
        <translation>表示するビュー：%1</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Interface language: ja or en.</source>
        <translation>表示言語：ja または en</translation>
    </message>
    <message>
        <source>language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Render offscreen, write a PNG and exit.</source>
        <translation>画面外に描画して PNG を書き出し、終了します。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Print a JSON summary of what was loaded and exit.</source>
        <translation>読み込んだ内容の JSON 要約を出力して終了します。</translation>
    </message>
    <message>
        <source>Connect to a sharing service (profile name or URL).</source>
        <translation>共有サービスに接続します（プロファイル名または URL）。</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>Unknown language "%1": use ja or en.</source>
        <translation>不明な言語「%1」：ja または en を指定してください。</translation>
    </message>
    <message>
        <source>Unknown view "%1": use one of %2.</source>
        <translation>不明なビュー「%1」：%2 のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Connecting to a sharing service is not available in this build yet; use --demo or --open.</source>
        <translation>このビルドでは共有サービスへの接続はまだ使えません。--demo か --open を使ってください。</translation>
    </message>
    <message>
        <source>--screenshot needs something to show: --demo or --open.</source>
        <translation>--screenshot には表示する対象が必要です：--demo または --open</translation>
    </message>
    <message>
        <source>--summary needs something to load: --demo or --open.</source>
        <translation>--summary には読み込む対象が必要です：--demo または --open</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::DicomHeaderReader</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1：ファイルがありません</translation>
    </message>
    <message>
        <source>%1: not a readable DICOM file (%2)</source>
        <translation>%1：読み取れる DICOM ファイルではありません（%2）</translation>
    </message>
    <message>
        <source>%1: the character set %2 could not be converted</source>
        <translation>%1：文字コード %2 を変換できませんでした</translation>
    </message>
</context>
<context>
    <name>Kakehashi::DisplayText</name>
    <message>
        <source>Male</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>gender</comment>
        <translation>その他</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>gender</comment>
        <translation>不明</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <comment>age</comment>
        <translation><numerusform>%n歳</numerusform></translation>
    </message>
    <message>
        <source>Active</source>
        <translation>継続中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>治癒・軽快</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>非活動</translation>
    </message>
    <message>
        <source>Remission</source>
        <translation>寛解</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>服用中</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>過去</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>Preliminary</source>
        <translation>速報</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>訂正</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>誤登録</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Unknown source</source>
        <translation>出典不明</translation>
    </message>
    <message>
        <source>Insurance member ID</source>
        <translation>被保険者番号</translation>
    </message>
    <message>
        <source>Patient ID (%1)</source>
        <comment>facility patient ID; %1 is the facility code</comment>
        <translation>患者ID（%1）</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>Kakehashi::LocalRecordSource</name>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：読み込めません（%2）</translation>
    </message>
    <message>
        <source>%1: too large to open (%2 MB)</source>
        <translation>%1：大きすぎて開けません（%2 MB）</translation>
    </message>
    <message>
        <source>%1: DICOM files are opened in the image view, not as records</source>
        <translation>%1：DICOM ファイルは診療記録ではなく画像ビューで開きます</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1：ファイルまたはフォルダがありません</translation>
    </message>
    <message>
        <source>%1: the folder holds no FHIR JSON files</source>
        <translation>%1：フォルダに FHIR JSON ファイルがありません</translation>
    </message>
    <message>
        <source>The demo data (kakehashi-demo.rcc) was not found next to the program. Build the project, or set KAKEHASHI_DEMO_RCC.</source>
        <translation>デモデータ（kakehashi-demo.rcc）がプログラムと同じ場所に見つかりません。プロジェクトをビルドするか KAKEHASHI_DEMO_RCC を設定してください。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::MainWindow</name>
    <message>
        <source>Kakehashi — shared health records</source>
        <translation>架け橋 — 共有診療記録</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kakehashi&lt;/b&gt; 架け橋</source>
        <translation>&lt;b&gt;架け橋&lt;/b&gt; Kakehashi</translation>
    </message>
    <message>
        <source>DEMO — not real patients</source>
        <translation>デモ — 実在の患者ではありません</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>デモモード</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>ログイン中の利用者</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>詳細…</translation>
    </message>
    <message>
        <source>Show load problems</source>
        <translation>読み込み時の問題を表示</translation>
    </message>
    <message>
        <source>%1 (%2) — %3</source>
        <translation>%1（%2）— %3</translation>
    </message>
    <message>
        <source>Kakehashi — DEMO</source>
        <translation>架け橋 — デモ</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>デモデータ</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) while loading; what is shown may be incomplete. First: %1</source>
        <translation><numerusform>読み込み時に %n 件の問題があり、表示は不完全な可能性があります。最初の問題：%1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s), %1 resources</source>
        <translation><numerusform>患者 %n 名、リソース %1 件</numerusform></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>エラー：%1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Problems while loading</source>
        <translation>読み込み時の問題</translation>
    </message>
    <message>
        <source>Some input could not be used as it is.</source>
        <translation>一部の入力はそのままでは利用できませんでした。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::PatientListModel</name>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Kana</source>
        <comment>katakana reading of the name</comment>
        <translation>カナ</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年齢</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>Kakehashi::PatientListView</name>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Filter by name, kana or ID</source>
        <translation>氏名・カナ・ID で絞り込み</translation>
    </message>
    <message>
        <source>Patient filter</source>
        <translation>患者の絞り込み</translation>
    </message>
    <message>
        <source>Patient list</source>
        <translation>患者一覧</translation>
    </message>
</context>
<context>
    <name>Kakehashi::PatientView</name>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <source>Record completeness</source>
        <translation>記録の完全性</translation>
    </message>
    <message>
        <source>Record items</source>
        <translation>記録項目</translation>
    </message>
    <message>
        <source>Item details</source>
        <translation>項目の詳細</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No patient selected&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;患者が選択されていません&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>born %1 (%2)</source>
        <translation>%1 生（%2）</translation>
    </message>
    <message>
        <source>not delivered: shown as a placeholder</source>
        <translation>未提供：仮の表示です</translation>
    </message>
    <message>
        <source>Also recorded as %1</source>
        <translation>別の記録：%1</translation>
    </message>
    <message>
        <source>Records at %1</source>
        <translation>記録のある施設：%1</translation>
    </message>
    <message>
        <source>Allergies: none recorded in the shared record</source>
        <translation>アレルギー：共有記録に登録なし</translation>
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation>アレルギー：%1</translation>
    </message>
    <message>
        <source>This record is incomplete: %1</source>
        <translation>この記録は不完全です：%1</translation>
    </message>
    <message>
        <source>Not yet told to the patient (UNINFORMED): do not disclose on patient-facing output.</source>
        <translation>患者に未告知（UNINFORMED）：患者向けの出力には表示しないでください。</translation>
    </message>
    <message>
        <source>Source</source>
        <comment>facility an item came from</comment>
        <translation>情報元</translation>
    </message>
</context>
<context>
    <name>Kakehashi::ProfileCheck</name>
    <message>
        <source>the date in "%1" cannot be read</source>
        <translation>「%1」の日付が読み取れません</translation>
    </message>
    <message>
        <source>no medication is named</source>
        <translation>薬剤が記載されていません</translation>
    </message>
    <message>
        <source>JP-CLINS requires a YJ code or a general-name code for the drug; neither is present</source>
        <translation>JP-CLINS では薬剤に YJ コードまたは一般名処方コードが必要ですが、どちらもありません</translation>
    </message>
    <message>
        <source>general-name code %1 is not in the general-name prescription master</source>
        <translation>一般名処方コード %1 は一般名処方マスタにありません</translation>
    </message>
    <message>
        <source>JP-CLINS lab result has no local test code (JP_CLINS_ObsLabResult_LocalCode_CS)</source>
        <translation>JP-CLINS の検査結果に施設固有の検査コード（JP_CLINS_ObsLabResult_LocalCode_CS）がありません</translation>
    </message>
    <message>
        <source>lab result has no JLAC10/JLAC11 code; it cannot be grouped with other facilities' results</source>
        <translation>検査結果に JLAC10/JLAC11 コードがないため、他施設の結果とまとめられません</translation>
    </message>
    <message>
        <source>the condition has no code or text</source>
        <translation>病名にコードも名称もありません</translation>
    </message>
    <message>
        <source>the observation has no code</source>
        <translation>検査・観察項目にコードがありません</translation>
    </message>
</context>
<context>
    <name>Kakehashi::RecordAssembler</name>
    <message>
        <source>%1: not valid JSON (%2 at byte %3)</source>
        <translation>%1：JSON として正しくありません（%3 バイト目：%2）</translation>
    </message>
    <message>
        <source>%1: not a FHIR resource (the JSON is not an object)</source>
        <translation>%1：FHIR リソースではありません（JSON がオブジェクトではありません）</translation>
    </message>
    <message>
        <source>%1: not a FHIR resource (no resourceType)</source>
        <translation>%1：FHIR リソースではありません（resourceType がありません）</translation>
    </message>
    <message>
        <source>%1: Bundle.entry is not a list</source>
        <translation>%1：Bundle.entry がリストではありません</translation>
    </message>
    <message>
        <source>%1: Bundle entry %2 has no resource</source>
        <translation>%1：Bundle の %2 番目のエントリにリソースがありません</translation>
    </message>
    <message>
        <source>%1: Bundle entry %2 is not a FHIR resource (no resourceType)</source>
        <translation>%1：Bundle の %2 番目のエントリは FHIR リソースではありません（resourceType がありません）</translation>
    </message>
    <message>
        <source>%1: Bundles nested deeper than %2 levels were not read</source>
        <translation>%1：%2 階層より深く入れ子になった Bundle は読み込みませんでした</translation>
    </message>
    <message>
        <source>%1: some items were withheld by the patient's disclosure settings (count not stated)</source>
        <translation>%1：患者の開示設定により一部の項目が非開示です（件数の記載なし）</translation>
    </message>
    <message>
        <source>%1: the service reported: %2</source>
        <translation>%1：サービスからの通知：%2</translation>
    </message>
    <message>
        <source>%1 is referred to but was not delivered; its items are shown under a placeholder</source>
        <translation>%1 は参照されていますが提供されていません。関連項目は仮の患者の下に表示します</translation>
    </message>
    <message>
        <source>Patient identified only by %1</source>
        <translation>%1 のみで識別された患者</translation>
    </message>
    <message numerus="yes">
        <source>%n clinical resource(s) name no patient and were not shown</source>
        <translation><numerusform>患者の指定がない診療リソース %n 件は表示していません</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) withheld by the patient's disclosure settings</source>
        <translation><numerusform>患者の開示設定により %n 件が非開示</numerusform></translation>
    </message>
</context>
<context>
    <name>Kakehashi::RecordItemModel</name>
    <message>
        <source>%1 (%2)</source>
        <comment>category name (item count)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>[Not told to patient] %1</source>
        <comment>JP-CLINS UNINFORMED flag</comment>
        <translation>【未告知】%1</translation>
    </message>
    <message>
        <source>[Redacted] %1</source>
        <translation>【一部非開示】%1</translation>
    </message>
    <message>
        <source>This diagnosis has not yet been told to the patient. Do not show it on patient-facing output.</source>
        <translation>この病名は患者に未告知です。患者向けの出力には表示しないでください。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Source</source>
        <comment>facility an item came from</comment>
        <translation>情報元</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Screenshot</name>
    <message>
        <source>the window could not be rendered</source>
        <translation>ウィンドウを描画できませんでした</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No patient with id %1 was loaded.</source>
        <translation>ID %1 の患者は読み込まれていません。</translation>
    </message>
    <message>
        <source>Demo Doctor</source>
        <translation>デモ 医師</translation>
    </message>
    <message>
        <source>Medical Doctor</source>
        <translation>医師</translation>
    </message>
    <message>
        <source>Kakehashi Demo Hospital</source>
        <translation>架け橋デモ病院</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未ログイン</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 を書き込めませんでした：%2</translation>
    </message>
</context>
</TS>
