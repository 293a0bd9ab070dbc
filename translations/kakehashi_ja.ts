<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CardRevocation</name>
    <message>
        <source>Card certificate warning</source>
        <translation>カード証明書の警告</translation>
    </message>
    <message>
        <source>Sign-in refused: %1</source>
        <translation>サインインを拒否しました: %1</translation>
    </message>
    <message>
        <source>Warning: %1 You are signed in because the connection "%2" allows sign-in without a revocation check (soft-fail).</source>
        <translation>警告: %1 接続「%2」が失効確認なしのサインインを許可している（ソフトフェイル）ため、サインインしています。</translation>
    </message>
</context>
<context>
    <name>HpkiCardError</name>
    <message>
        <source>Few PIN attempts remain before the card locks.</source>
        <translation>カードがロックされるまでの PIN 試行回数が残りわずかです。</translation>
    </message>
    <message>
        <source>One PIN attempt remains: a wrong PIN will lock the card.</source>
        <translation>PIN の試行は残り1回です。間違えるとカードがロックされます。</translation>
    </message>
    <message>
        <source>The PIN is locked; ask the card issuer to unlock it.</source>
        <translation>PIN がロックされています。カードの発行元にロック解除を依頼してください。</translation>
    </message>
    <message>
        <source>The card reader software (PKCS#11 module) could not be loaded.</source>
        <translation>カード読み取りソフトウェア（PKCS#11 モジュール）を読み込めませんでした。</translation>
    </message>
    <message>
        <source>No HPKI card was found.</source>
        <translation>HPKI カードが見つかりません。</translation>
    </message>
    <message>
        <source>The PIN is not correct.</source>
        <translation>PIN が正しくありません。</translation>
    </message>
    <message>
        <source>The card's PIN is locked.</source>
        <translation>カードの PIN はロックされています。</translation>
    </message>
    <message>
        <source>The PIN has the wrong length or contains characters the card does not accept.</source>
        <translation>PIN の桁数が違うか、カードが受け付けない文字が含まれています。</translation>
    </message>
    <message>
        <source>The HPKI card was removed.</source>
        <translation>HPKI カードが取り外されました。</translation>
    </message>
    <message>
        <source>Sign in with your HPKI card first.</source>
        <translation>先に HPKI カードでログインしてください。</translation>
    </message>
    <message>
        <source>The card holds no authentication certificate.</source>
        <translation>カードに認証用証明書がありません。</translation>
    </message>
    <message>
        <source>The card's authentication key could not be used.</source>
        <translation>カードの認証用鍵を使用できませんでした。</translation>
    </message>
    <message>
        <source>The OpenSSL PKCS#11 engine is not installed.</source>
        <translation>OpenSSL の PKCS#11 エンジンがインストールされていません。</translation>
    </message>
    <message>
        <source>The card reported an error.</source>
        <translation>カードがエラーを返しました。</translation>
    </message>
    <message>
        <source>The card's key type cannot protect the record cache across sessions; cached records are kept for this session only.</source>
        <translation>このカードの鍵の種類ではセッションをまたいで記録キャッシュを保護できません。キャッシュはこのセッションの間だけ保持します。</translation>
    </message>
</context>
<context>
    <name>HpkiCertificate</name>
    <message>
        <source>Doctor</source>
        <comment>HPKI role</comment>
        <translation>医師</translation>
    </message>
    <message>
        <source>Dentist</source>
        <comment>HPKI role</comment>
        <translation>歯科医師</translation>
    </message>
    <message>
        <source>Pharmacist</source>
        <comment>HPKI role</comment>
        <translation>薬剤師</translation>
    </message>
    <message>
        <source>Nurse</source>
        <comment>HPKI role</comment>
        <translation>看護師</translation>
    </message>
    <message>
        <source>Other health professional</source>
        <comment>HPKI role</comment>
        <translation>その他の医療従事者</translation>
    </message>
    <message>
        <source>No role in certificate</source>
        <comment>HPKI role</comment>
        <translation>証明書に資格情報なし</translation>
    </message>
</context>
<context>
    <name>HpkiCheck</name>
    <message>
        <source>The card's certificate could not be read.</source>
        <translation>カードの証明書を読み取れませんでした。</translation>
    </message>
    <message>
        <source>The certificate has expired.</source>
        <translation>証明書の有効期限が切れています。</translation>
    </message>
    <message>
        <source>The certificate is not valid yet.</source>
        <translation>証明書はまだ有効期間前です。</translation>
    </message>
    <message>
        <source>The certificate was not issued by a trusted HPKI certification authority.</source>
        <translation>証明書が信頼された HPKI 認証局から発行されていません。</translation>
    </message>
    <message>
        <source>The certificate's signature is not valid.</source>
        <translation>証明書の署名が正しくありません。</translation>
    </message>
    <message>
        <source>The certificate chain could not be verified.</source>
        <translation>証明書チェーンを検証できませんでした。</translation>
    </message>
    <message>
        <source>This is the card's signing certificate; it cannot be used to sign in.</source>
        <translation>これはカードの署名用証明書です。ログインには使用できません。</translation>
    </message>
    <message>
        <source>The certificate is not allowed for authentication.</source>
        <translation>この証明書は認証に使用できません。</translation>
    </message>
    <message>
        <source>The certificate names no health-care role; you can sign in without role-specific access.</source>
        <translation>証明書に医療資格の記載がありません。資格に応じた閲覧範囲なしでログインできます。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::AccessHistory</name>
    <message>
        <source>The access history cannot be written: %1</source>
        <translation>閲覧履歴を書き込めません: %1</translation>
    </message>
    <message>
        <source>The access history is locked by another program.</source>
        <translation>閲覧履歴は別のプログラムがロックしています。</translation>
    </message>
    <message>
        <source>The access history cannot be read: %1</source>
        <translation>閲覧履歴を読み込めません: %1</translation>
    </message>
    <message>
        <source>The access history cannot be written: encryption failed.</source>
        <translation>閲覧履歴を書き込めません: 暗号化に失敗しました。</translation>
    </message>
    <message>
        <source>Line %1 is not an access history entry.</source>
        <translation>%1行目は閲覧履歴の記録ではありません。</translation>
    </message>
    <message>
        <source>Line %1 does not follow line %2: an entry was removed, reordered or changed.</source>
        <translation>%1行目が%2行目に続いていません: 記録が削除・並べ替え・変更されています。</translation>
    </message>
    <message>
        <source>Line %1 is yours but no longer decrypts: it was changed.</source>
        <translation>%1行目はあなたの記録ですが復号できません: 変更されています。</translation>
    </message>
    <message>
        <source>Line %1 holds entry %2: entries were moved.</source>
        <translation>%1行目に記録%2があります: 記録が移動されています。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::AccessHistoryDialog</name>
    <message>
        <source>Access history</source>
        <translation>閲覧履歴</translation>
    </message>
    <message>
        <source>Reading the access history…</source>
        <translation>閲覧履歴を読み込んでいます…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>閲覧者</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>利用目的</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>取得元</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>表示した情報</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSVに書き出す…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) opened by you.</source>
        <translation>
            <numerusform>あなたが開いた記録: %n件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) of other users or earlier sessions are sealed and not shown.</source>
        <translation>
            <numerusform>他の利用者または以前のセッションの記録%n件は暗号化されたままで、表示されません。</numerusform>
        </translation>
    </message>
    <message>
        <source>The log is intact: no entry was changed, removed or reordered.</source>
        <translation>履歴は改ざんされていません（変更・削除・並べ替えなし）。</translation>
    </message>
    <message>
        <source>The log has been tampered with:</source>
        <translation>履歴が改ざんされています:</translation>
    </message>
    <message>
        <source>Emergency (ETREAT): %1</source>
        <translation>救急（ETREAT）: %1</translation>
    </message>
    <message>
        <source>Treatment (TREAT)</source>
        <translation>診療（TREAT）</translation>
    </message>
    <message>
        <source>Export access history</source>
        <translation>閲覧履歴の書き出し</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <source>The access history could not be exported: %1</source>
        <translation>閲覧履歴を書き出せませんでした: %1</translation>
    </message>
</context>
<context>
    <name>Kakehashi::CardSessionUi</name>
    <message>
        <source>S&amp;ession</source>
        <translation>セッション(&amp;E)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <source>The card was removed. Insert it and unlock with your PIN.</source>
        <translation>カードが取り外されました。カードを挿入し、PIN でロックを解除してください。</translation>
    </message>
    <message>
        <source>Locked after a period without use. Unlock with your PIN.</source>
        <translation>一定時間操作がなかったためロックしました。PIN でロックを解除してください。</translation>
    </message>
    <message>
        <source>Unlock with your PIN.</source>
        <translation>PIN でロックを解除してください。</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>ログアウトしました</translation>
    </message>
    <message>
        <source>Removing the cached records…</source>
        <translation>キャッシュされた記録を削除しています…</translation>
    </message>
    <message>
        <source>Cached records removed.</source>
        <translation>キャッシュされた記録を削除しました。</translation>
    </message>
</context>
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
    <name>Kakehashi::CdaReader</name>
    <message>
        <source>[multimedia not shown]</source>
        <translation>［マルチメディアは表示しません］</translation>
    </message>
    <message>
        <source>The CDA document is too large to read (%1 MB; at most %2 MB).</source>
        <translation>CDA文書が大きすぎるため読み込めません（%1 MB、上限 %2 MB）。</translation>
    </message>
    <message>
        <source>The CDA document declares a DTD or entities (&lt;!DOCTYPE&gt;/&lt;!ENTITY&gt;). CDA documents need none, and they can be used to read local files or exhaust memory, so it is not read.</source>
        <translation>このCDA文書はDTDまたは実体（&lt;!DOCTYPE&gt;/&lt;!ENTITY&gt;）を宣言しています。CDA文書には不要であり、ローカルファイルの読み取りやメモリ枯渇に悪用され得るため、読み込みません。</translation>
    </message>
    <message>
        <source>The XML parser could not be started.</source>
        <translation>XMLパーサーを開始できませんでした。</translation>
    </message>
    <message>
        <source>not well-formed</source>
        <translation>整形式ではありません</translation>
    </message>
    <message>
        <source>The CDA document is not well-formed XML (%1, line %2).</source>
        <translation>CDA文書が整形式のXMLではありません（%1、%2行目）。</translation>
    </message>
    <message>
        <source>The XML document is not an HL7 CDA R2 ClinicalDocument.</source>
        <translation>このXML文書はHL7 CDA R2のClinicalDocumentではありません。</translation>
    </message>
    <message>
        <source>Specific health check-up (特定健診, CDA)</source>
        <translation>特定健診情報（CDA）</translation>
    </message>
    <message>
        <source>Referral letter (CDA)</source>
        <translation>診療情報提供書（CDA）</translation>
    </message>
    <message>
        <source>Discharge summary (CDA)</source>
        <translation>退院時サマリー（CDA）</translation>
    </message>
    <message>
        <source>CDA document</source>
        <translation>CDA文書</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>%1 生</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>The body of this CDA document is not XML (%1) and is not shown here.</source>
        <translation>このCDA文書の本文はXMLではない（%1）ため、ここには表示しません。</translation>
    </message>
    <message>
        <source>Parts of this CDA document's narrative were too large or too deeply nested and were shortened.</source>
        <translation>このCDA文書の記述の一部は大きすぎるか入れ子が深すぎるため、短縮して表示しています。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::ClinicalDocumentReader</name>
    <message>
        <source>born %1</source>
        <translation>%1 生</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>報告書</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>結論</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>The content is a %1, not a FHIR document Bundle.</source>
        <translation>内容は %1 で、FHIR 文書 Bundle ではありません。</translation>
    </message>
    <message>
        <source>The document Bundle has no entries.</source>
        <translation>文書 Bundle にエントリがありません。</translation>
    </message>
    <message>
        <source>The document Bundle has no Composition, so it cannot be read as a document.</source>
        <translation>文書 Bundle に Composition がないため、文書として読めません。</translation>
    </message>
    <message>
        <source>The document is not valid JSON (%1 at byte %2).</source>
        <translation>文書が JSON として正しくありません（%2 バイト目：%1）。</translation>
    </message>
    <message>
        <source>The document is not a FHIR resource.</source>
        <translation>文書が FHIR リソースではありません。</translation>
    </message>
    <message>
        <source>%1 is not a document of this record.</source>
        <translation>%1 はこの記録の文書ではありません。</translation>
    </message>
    <message>
        <source>The content of this document was not kept with the record.</source>
        <translation>この文書の内容は記録と一緒に保存されていません。</translation>
    </message>
    <message>
        <source>The document points at a %1, not at its content.</source>
        <translation>文書が内容ではなく %1 を指しています。</translation>
    </message>
    <message>
        <source>The document's content is empty.</source>
        <translation>文書の内容が空です。</translation>
    </message>
    <message>
        <source>The document has no content to show.</source>
        <translation>表示できる内容がありません。</translation>
    </message>
    <message>
        <source>The document's content (%1) was not delivered with the record.</source>
        <translation>文書の内容（%1）は記録と一緒に提供されていません。</translation>
    </message>
    <message>
        <source>Attachment %1</source>
        <translation>添付 %1</translation>
    </message>
    <message>
        <source>type not stated</source>
        <translation>種類の記載なし</translation>
    </message>
    <message>
        <source>Attachment: %1 (%2) — open it with “Attachments” above the document</source>
        <translation>添付: %1（%2）— 文書の上の「添付」から開けます</translation>
    </message>
    <message>
        <source>Attachment: %1 (%2) — on another server (%3); not fetched</source>
        <translation>添付: %1（%2）— 別のサーバー上（%3）にあるため取得しません</translation>
    </message>
    <message>
        <source>Attachment: %1 (%2) — its content was not delivered with the document</source>
        <translation>添付: %1（%2）— 内容が文書と一緒に届いていません</translation>
    </message>
    <message>
        <source>a FHIR document</source>
        <translation>FHIR文書</translation>
    </message>
    <message>
        <source>a PDF file</source>
        <translation>PDFファイル</translation>
    </message>
    <message>
        <source>a CDA document (XML)</source>
        <translation>CDA文書（XML）</translation>
    </message>
    <message>
        <source>an image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>a DICOM image</source>
        <translation>DICOM画像</translation>
    </message>
    <message>
        <source>content of an unknown kind</source>
        <translation>種類不明の内容</translation>
    </message>
    <message>
        <source>The attachment is declared as %1 (%2), but its content is %3. It is not shown, because its type cannot be trusted.</source>
        <translation>この添付は%1（%2）とされていますが、内容は%3です。種類が信頼できないため表示しません。</translation>
    </message>
    <message>
        <source>Documents of type %1 cannot be shown in the viewer.</source>
        <translation>種類 %1 の文書はビューワで表示できません。</translation>
    </message>
    <message>
        <source>This document is XML (%1) but not a CDA document, so the viewer cannot show it.</source>
        <translation>この文書はXML（%1）ですがCDA文書ではないため、表示できません。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
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
        <translation>
            <numerusform>%n日分</numerusform>
        </translation>
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
        <translation>
            <numerusform>%nシリーズ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n画像</numerusform>
        </translation>
    </message>
    <message>
        <source>Unnamed facility</source>
        <translation>名称不明の施設</translation>
    </message>
    <message>
        <source>Facility unknown (reference could not be resolved)</source>
        <translation>施設不明（参照を解決できません）</translation>
    </message>
    <message>
        <source>%1 was not delivered with the record.</source>
        <translation>%1 は記録と一緒に届いていません。</translation>
    </message>
    <message>
        <source>[withheld]</source>
        <comment>REDACTED: the value was removed under the patient's disclosure settings</comment>
        <translation>【非開示】</translation>
    </message>
</context>
<context>
    <name>Kakehashi::ClinicalPanels</name>
    <message>
        <source>Follow the timeline</source>
        <translation>タイムラインに連動</translation>
    </message>
    <message>
        <source>Clinical panels</source>
        <translation>診療情報パネル</translation>
    </message>
    <message>
        <source>List only what lies in the timeline's visible time range (current items are always listed)</source>
        <translation>タイムラインの表示期間内の項目だけを一覧します（継続中の項目は常に表示）</translation>
    </message>
    <message>
        <source>%1 (not disclosed to this role)</source>
        <translation>%1（この職種には非開示）</translation>
    </message>
</context>
<context>
    <name>Kakehashi::ClinicalStatus</name>
    <message>
        <source>date unknown</source>
        <translation>日付不明</translation>
    </message>
    <message>
        <source>facility unknown</source>
        <translation>施設不明</translation>
    </message>
    <message>
        <source>Allergies: none known (stated by %1, %2)</source>
        <translation>アレルギー：なし（%1 が %2 に「アレルギーなし」と記録）</translation>
    </message>
    <message>
        <source>Drug contraindications: none known (stated by %1, %2)</source>
        <translation>薬剤禁忌：なし（%1 が %2 に「アレルギーなし」と記録）</translation>
    </message>
    <message>
        <source>Allergies: not recorded in the shared record (this does not mean there are none)</source>
        <translation>アレルギー：共有記録に登録なし（アレルギーがないという意味ではありません）</translation>
    </message>
    <message>
        <source>Drug contraindications: not recorded in the shared record (this does not mean there are none)</source>
        <translation>薬剤禁忌：共有記録に登録なし（禁忌がないという意味ではありません）</translation>
    </message>
    <message numerus="yes">
        <source>Allergies: none shown, but %n item(s) of unstated kind were withheld by the patient's disclosure settings and may include allergies</source>
        <translation>
            <numerusform>アレルギー：表示なし。ただし患者の開示設定により種類不明の %n 件が非開示で、アレルギーを含む可能性があります</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drug contraindications: none shown, but %n item(s) of unstated kind were withheld by the patient's disclosure settings and may include contraindications</source>
        <translation>
            <numerusform>薬剤禁忌：表示なし。ただし患者の開示設定により種類不明の %n 件が非開示で、薬剤禁忌を含む可能性があります</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Allergies: none shown, but %n allergy item(s) were withheld by the patient's disclosure settings</source>
        <translation>
            <numerusform>アレルギー：表示なし。ただし患者の開示設定によりアレルギー %n 件が非開示です</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drug contraindications: none shown, but %n allergy item(s) were withheld by the patient's disclosure settings and may include contraindications</source>
        <translation>
            <numerusform>薬剤禁忌：表示なし。ただし患者の開示設定によりアレルギー %n 件が非開示で、薬剤禁忌を含む可能性があります</numerusform>
        </translation>
    </message>
    <message>
        <source>Allergies: not disclosed to this role — their absence here means nothing</source>
        <translation>アレルギー：この職種には開示されていません（表示がないことは「なし」を意味しません）</translation>
    </message>
    <message>
        <source>Drug contraindications: not disclosed to this role — their absence here means nothing</source>
        <translation>薬剤禁忌：この職種には開示されていません（表示がないことは「なし」を意味しません）</translation>
    </message>
    <message>
        <source>Allergies: unknown — no health record was loaded for this patient, only images</source>
        <translation>アレルギー: 不明 — この患者の診療記録は読み込まれていません（画像のみ）</translation>
    </message>
    <message>
        <source>Drug contraindications: unknown — no health record was loaded for this patient, only images</source>
        <translation>薬剤禁忌: 不明 — この患者の診療記録は読み込まれていません（画像のみ）</translation>
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation>アレルギー：%1</translation>
    </message>
    <message>
        <source>Drug contraindications: %1</source>
        <translation>薬剤禁忌：%1</translation>
    </message>
    <message numerus="yes">
        <source>(%n more withheld item(s) may include more)</source>
        <translation>
            <numerusform>（ほかに非開示 %n 件：さらに含まれる可能性があります）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kakehashi::ClinicalTableModel</name>
    <message>
        <source>Active</source>
        <comment>problem</comment>
        <translation>継続中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>problem</comment>
        <translation>治癒・軽快</translation>
    </message>
    <message>
        <source>Dispensed</source>
        <translation>調剤</translation>
    </message>
    <message>
        <source>Prescribed</source>
        <translation>処方</translation>
    </message>
    <message>
        <source>UNINFORMED</source>
        <comment>not yet told to the patient</comment>
        <translation>未告知</translation>
    </message>
    <message>
        <source>Partly withheld</source>
        <translation>一部非開示</translation>
    </message>
    <message>
        <source>Not yet told to the patient (UNINFORMED): do not disclose on patient-facing output.</source>
        <translation>患者に未告知（UNINFORMED）：患者向けの出力には表示しないでください。</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>発症日</translation>
    </message>
    <message>
        <source>From</source>
        <comment>start of a period</comment>
        <translation>開始</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>転帰日</translation>
    </message>
    <message>
        <source>Until</source>
        <comment>end of a period</comment>
        <translation>終了</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>病名</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>検査項目</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Dose and usage</source>
        <translation>用量・用法</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>基準値</translation>
    </message>
    <message>
        <source>Flag</source>
        <comment>abnormal flag of a lab result</comment>
        <translation>判定</translation>
    </message>
    <message>
        <source>JLAC code</source>
        <translation>JLAC コード</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Class</source>
        <comment>encounter class: outpatient, inpatient …</comment>
        <translation>区分</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>モダリティ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Codes (MEDIS, ICD-10)</source>
        <translation>コード（MEDIS・ICD-10）</translation>
    </message>
    <message>
        <source>Prescribing facility</source>
        <translation>処方元</translation>
    </message>
    <message>
        <source>Source</source>
        <comment>facility an item came from</comment>
        <translation>情報元</translation>
    </message>
    <message>
        <source>Dispensing pharmacy</source>
        <translation>調剤薬局</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>お知らせ</translation>
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
        <source>--summary needs something to load: --demo or --open.</source>
        <translation>--summary には読み込む対象が必要です：--demo または --open</translation>
    </message>
    <message>
        <source>Open local FHIR JSON or DICOM files, folders or DICOMDIRs (repeatable).</source>
        <translation>ローカルの FHIR JSON・DICOM ファイル、フォルダ、DICOMDIR を開きます（複数指定可）。</translation>
    </message>
    <message>
        <source>--service with --summary needs --patient.</source>
        <translation>--service と --summary を使うには --patient が必要です。</translation>
    </message>
    <message>
        <source>--service cannot be combined with --demo or --open.</source>
        <translation>--service は --demo や --open と同時に使えません。</translation>
    </message>
    <message>
        <source>--screenshot needs something to show: --demo, --open or --service.</source>
        <translation>--screenshot には表示する対象が必要です：--demo、--open または --service</translation>
    </message>
    <message>
        <source>Read the records as of this moment instead of now: an ISO 8601 date or date-time, e.g. 2026-10-31 (noon) or 2026-10-31T09:30+09:00. The demo reads as of its own date unless this is given.</source>
        <translation>現在ではなく指定した時点で記録を表示します：ISO 8601 の日付または日時（例：2026-10-31（正午）、2026-10-31T09:30+09:00）。指定しない場合、デモはデモデータの日付で表示します。</translation>
    </message>
    <message>
        <source>time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Invalid --as-of "%1": use an ISO 8601 date or date-time, e.g. 2026-10-31 or 2026-10-31T09:30+09:00.</source>
        <translation>--as-of の値「%1」が正しくありません：ISO 8601 の日付または日時（例：2026-10-31、2026-10-31T09:30+09:00）を指定してください。</translation>
    </message>
    <message>
        <source>With --view documents or --view emergency: write what is shown as a PDF (with a header naming the facility, the patient and the reference time) and exit.</source>
        <translation>--view documents または --view emergency と併用: 表示内容を（医療機関・患者・基準時刻を記したヘッダー付きで）PDFに書き出して終了します。</translation>
    </message>
    <message>
        <source>Show every time in this zone (an IANA name such as Asia/Tokyo or UTC) instead of the setting display/timeZone; by default Asia/Tokyo. Times not in Japan time carry the zone's name.</source>
        <translation>時刻をこのタイムゾーン（Asia/Tokyo や UTC などの IANA 名）で表示します。設定 display/timeZone より優先し、既定は Asia/Tokyo です。日本時間でない時刻にはタイムゾーン名を添えます。</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>With --demo: preview what this user sees, without a card: doctor, pharmacist or emergency.</source>
        <translation>--demo と併用：カードなしで、この利用者に見える画面をプレビューします（doctor、pharmacist、emergency）。</translation>
    </message>
    <message>
        <source>role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Window size in pixels, e.g. 1366x768 (also the size of a --screenshot).</source>
        <translation>ウィンドウの大きさ（ピクセル、例：1366x768）。--screenshot の画像の大きさにもなります。</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>幅x高さ</translation>
    </message>
    <message>
        <source>Unknown time zone "%1": use an IANA name such as Asia/Tokyo or UTC.</source>
        <translation>不明なタイムゾーン「%1」です。Asia/Tokyo や UTC などの IANA 名を指定してください。</translation>
    </message>
    <message>
        <source>Invalid --window-size "%1": use WIDTHxHEIGHT, at least 640x480, e.g. 1366x768.</source>
        <translation>--window-size「%1」が不正です。幅x高さ（640x480 以上、例：1366x768）で指定してください。</translation>
    </message>
    <message>
        <source>Unknown role "%1": use doctor, pharmacist or emergency.</source>
        <translation>不明な役割「%1」です。doctor、pharmacist、emergency のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>--role previews the demo only: add --demo (a real session takes the role from the HPKI card).</source>
        <translation>--role はデモのプレビュー専用です。--demo を付けてください（実際のセッションでは役割は HPKI カードから決まります）。</translation>
    </message>
    <message>
        <source>--export-pdf needs --view documents or --view emergency.</source>
        <translation>--export-pdf には --view documents または --view emergency が必要です。</translation>
    </message>
    <message>
        <source>--export-pdf cannot be combined with --screenshot or --summary.</source>
        <translation>--export-pdf は --screenshot や --summary と併用できません。</translation>
    </message>
    <message>
        <source>--export-pdf needs something to show: --demo or --open.</source>
        <translation>--export-pdf には表示する内容（--demo または --open）が必要です。</translation>
    </message>
    <message>
        <source>The setting display/timeZone names an unknown time zone "%1"; times are shown in Asia/Tokyo.</source>
        <translation>設定 display/timeZone のタイムゾーン「%1」は不明です。時刻は Asia/Tokyo で表示します。</translation>
    </message>
    <message>
        <source>With --view documents: open this document instead of the patient's newest: its key as --summary lists it (e.g. DocumentReference/p003-doc-01), or the id alone.</source>
        <translation>--view documents と併用：患者の最新の文書ではなく、この文書を開きます。--summary に出るキー（例：DocumentReference/p003-doc-01）または ID だけを指定します。</translation>
    </message>
    <message>
        <source>--document needs --view documents.</source>
        <translation>--document には --view documents が必要です。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::ConnectionProfileDialog</name>
    <message>
        <source>Allow emergency (break-the-glass) access</source>
        <translation>緊急時の閲覧（ブレークグラス）を許可</translation>
    </message>
    <message>
        <source>Sharing-service connection</source>
        <translation>共有サービスへの接続</translation>
    </message>
    <message>
        <source>One PEM file per line. When empty, the system's CAs are used.</source>
        <translation>1 行に 1 つの PEM ファイル。空の場合はシステムの認証局を使います。</translation>
    </message>
    <message>
        <source>PEM (development only; the HPKI card replaces it)</source>
        <translation>PEM（開発用。運用では HPKI カードを使用）</translation>
    </message>
    <message>
        <source>PEM (development only)</source>
        <translation>PEM（開発用）</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> 秒</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>FHIR base URL</source>
        <translation>FHIR ベース URL</translation>
    </message>
    <message>
        <source>Trust anchor files</source>
        <translation>トラストアンカーのファイル</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>クライアント証明書</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>クライアント鍵</translation>
    </message>
    <message>
        <source>Purpose-of-use header</source>
        <translation>利用目的ヘッダ</translation>
    </message>
    <message>
        <source>Emergency-reason header</source>
        <translation>緊急理由ヘッダ</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>要求のタイムアウト</translation>
    </message>
    <message>
        <source>Retries (429/503)</source>
        <translation>再試行回数（429/503）</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>ページサイズ</translation>
    </message>
    <message>
        <source>Keep cached records for</source>
        <translation>キャッシュの保持期間</translation>
    </message>
    <message>
        <source>Cache size limit</source>
        <translation>キャッシュの容量上限</translation>
    </message>
    <message>
        <source>Give the connection a name without slashes.</source>
        <translation>接続にスラッシュを含まない名前を付けてください。</translation>
    </message>
    <message>
        <source>The base URL must be an http or https address with a host.</source>
        <translation>ベース URL はホスト名を含む http または https のアドレスにしてください。</translation>
    </message>
    <message>
        <source>Give both the client certificate and its key, or neither.</source>
        <translation>クライアント証明書と鍵は両方指定するか、どちらも指定しないでください。</translation>
    </message>
    <message>
        <source>Header names may contain only letters, digits and - _ . characters.</source>
        <translation>ヘッダ名には英数字と - _ . のみ使えます。</translation>
    </message>
    <message>
        <source>Remove cached records when signing out</source>
        <translation>ログアウト時にキャッシュした記録を消去</translation>
    </message>
    <message>
        <source>Retrieve with C-MOVE to this computer (instead of C-GET)</source>
        <translation>C-GET ではなく C-MOVE でこのコンピュータへ取得</translation>
    </message>
    <message>
        <source>Service</source>
        <comment>settings page: the sharing service</comment>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Default: the p11-kit proxy (%1)</source>
        <translation>既定：p11-kit プロキシ（%1）</translation>
    </message>
    <message>
        <source>The PKCS#11 library that reads the HPKI card. The p11-kit proxy loads every module registered with p11-kit; OpenSC reads the card directly.</source>
        <translation>HPKI カードを読み取る PKCS#11 ライブラリです。p11-kit プロキシは p11-kit に登録されたすべてのモジュールを読み込み、OpenSC はカードを直接読み取ります。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>One certificate file (PEM or DER) per line, besides the shipped HPKI roots.</source>
        <translation>同梱の HPKI ルート証明書に加えて使う証明書ファイル（PEM または DER）を 1 行に 1 つ。</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation>PKCS#11 モジュール</translation>
    </message>
    <message>
        <source>Card trust anchor files</source>
        <translation>カード用トラストアンカーのファイル</translation>
    </message>
    <message>
        <source>HPKI card</source>
        <translation>HPKI カード</translation>
    </message>
    <message>
        <source>Never</source>
        <comment>idle lock</comment>
        <translation>しない</translation>
    </message>
    <message>
        <source>Optional, e.g. X-Role: also send the certificate's role in this header</source>
        <translation>任意（例：X-Role）：証明書の資格をこのヘッダでも送信</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>無操作時のロックまで</translation>
    </message>
    <message>
        <source>Role header</source>
        <translation>資格ヘッダ</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Used when no DICOMweb address is known</source>
        <translation>DICOMweb のアドレスが不明な場合に使用</translation>
    </message>
    <message>
        <source>Our storage port, registered at the PACS</source>
        <translation>PACS に登録した本端末の受信ポート</translation>
    </message>
    <message>
        <source>DICOMweb base URL</source>
        <translation>DICOMweb ベース URL</translation>
    </message>
    <message>
        <source>PACS host (DIMSE)</source>
        <translation>PACS ホスト（DIMSE）</translation>
    </message>
    <message>
        <source>PACS port</source>
        <translation>PACS ポート</translation>
    </message>
    <message>
        <source>PACS AE title</source>
        <translation>PACS の AE タイトル</translation>
    </message>
    <message>
        <source>Our AE title</source>
        <translation>本端末の AE タイトル</translation>
    </message>
    <message>
        <source>C-MOVE storage port</source>
        <translation>C-MOVE 受信ポート</translation>
    </message>
    <message>
        <source>Retrieval timeout</source>
        <translation>取得のタイムアウト</translation>
    </message>
    <message>
        <source>Image cache size limit</source>
        <translation>画像キャッシュの容量上限</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Why the connection was not saved</source>
        <translation>接続が保存されなかった理由</translation>
    </message>
    <message>
        <source>The PKCS#11 module %1 does not exist.</source>
        <translation>PKCS#11 モジュール %1 がありません。</translation>
    </message>
    <message>
        <source>Card trust anchor file %1 holds no certificate.</source>
        <translation>カード用トラストアンカーのファイル %1 に証明書がありません。</translation>
    </message>
    <message>
        <source>The DICOMweb URL must be an http or https address with a host.</source>
        <translation>DICOMweb の URL はホスト名を含む http または https のアドレスにしてください。</translation>
    </message>
    <message>
        <source>The PACS host name must not contain spaces.</source>
        <translation>PACS のホスト名に空白は使えません。</translation>
    </message>
    <message>
        <source>The PACS port must be a number from 1 to 65535.</source>
        <translation>PACS のポートは 1〜65535 の数にしてください。</translation>
    </message>
    <message>
        <source>The PACS AE title must have 1 to 16 characters (letters, digits, spaces and marks, no backslash).</source>
        <translation>PACS の AE タイトルは 1〜16 文字（英数字・空白・記号、バックスラッシュ不可）にしてください。</translation>
    </message>
    <message>
        <source>Our AE title must have 1 to 16 characters (letters, digits, spaces and marks, no backslash).</source>
        <translation>本端末の AE タイトルは 1〜16 文字（英数字・空白・記号、バックスラッシュ不可）にしてください。</translation>
    </message>
    <message>
        <source>The C-MOVE storage port must be a number from 1 to 65535.</source>
        <translation>C-MOVE 受信ポートは 1〜65535 の数にしてください。</translation>
    </message>
    <message>
        <source>C-MOVE needs the PACS host.</source>
        <translation>C-MOVE には PACS のホストが必要です。</translation>
    </message>
    <message>
        <source>The settings file cannot be written.</source>
        <translation>設定ファイルに書き込めません。</translation>
    </message>
    <message>
        <source>PKCS#11 modules (*.dll)</source>
        <translation>PKCS#11 モジュール (*.dll)</translation>
    </message>
    <message>
        <source>PKCS#11 modules (*.so *.so.*)</source>
        <translation>PKCS#11 モジュール (*.so *.so.*)</translation>
    </message>
    <message>
        <source>Card trust anchor</source>
        <translation>カード用トラストアンカー</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation>証明書 (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>接続名</translation>
    </message>
    <message>
        <source>Pharmacy view: show allergies and drug contraindications the service sends</source>
        <translation>薬局ビュー：サービスから届いたアレルギー・薬剤禁忌を表示する</translation>
    </message>
    <message>
        <source>Off: pharmacists see disease names and medications only, as the sharing-service rule provides; the allergy banner then says they are not disclosed to this role.</source>
        <translation>オフ：共有サービスの規定どおり、薬剤師には病名と処方・調剤のみを表示します。アレルギー欄には「この職種には開示されていません」と表示されます。</translation>
    </message>
    <message>
        <source>Refuse sign-in (hard-fail)</source>
        <translation>サインインを拒否する（ハードフェイル）</translation>
    </message>
    <message>
        <source>Sign in with a warning (soft-fail)</source>
        <translation>警告を表示してサインインする（ソフトフェイル）</translation>
    </message>
    <message>
        <source>When the card's certificate is revoked, or its CA's revocation list cannot be obtained, is expired or is not signed by the CA.</source>
        <translation>カードの証明書が失効している場合、または認証局の失効リストが取得できない・期限切れ・認証局の署名がない場合の扱い。</translation>
    </message>
    <message>
        <source> h</source>
        <comment>hours</comment>
        <translation> 時間</translation>
    </message>
    <message>
        <source>How long after its next update a kept revocation list is still used when the CA cannot be reached.</source>
        <translation>認証局に接続できないとき、保存済みの失効リストを次回更新予定日時を過ぎてからどれだけの間使い続けるか。</translation>
    </message>
    <message>
        <source>Revoked or unverifiable certificate</source>
        <translation>失効・確認できない証明書</translation>
    </message>
    <message>
        <source>Revocation list download timeout</source>
        <translation>失効リストの取得タイムアウト</translation>
    </message>
    <message>
        <source>Offline grace after next update</source>
        <translation>次回更新後のオフライン猶予</translation>
    </message>
    <message>
        <source>One folder or DICOMDIR per line (e.g. a mounted CD). Searched when no PACS is set.</source>
        <translation>1 行に 1 つのフォルダまたは DICOMDIR（例：マウントした CD）。PACS が設定されていないときに検索します。</translation>
    </message>
    <message>
        <source>Local image folders</source>
        <translation>ローカル画像フォルダ</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::DicomFetchedFrames</name>
    <message>
        <source>the image could not be assembled (%1)</source>
        <translation>画像を組み立てられませんでした（%1）</translation>
    </message>
    <message>
        <source>the image's metadata is malformed</source>
        <translation>画像のメタデータの形式が正しくありません</translation>
    </message>
    <message>
        <source>the image's metadata has no rows, columns or SOP Instance UID</source>
        <translation>画像のメタデータに行数・列数・SOP Instance UID がありません</translation>
    </message>
    <message>
        <source>the image's metadata gives %1 frames (at most %2 are accepted)</source>
        <translation>画像のメタデータのフレーム数が %1 です（受け付けるのは %2 まで）</translation>
    </message>
    <message>
        <source>the image's header cannot be read</source>
        <translation>画像のヘッダーを読み取れません</translation>
    </message>
    <message>
        <source>the frame came in an unknown transfer syntax (%1)</source>
        <translation>フレームが未知の転送構文（%1）で届きました</translation>
    </message>
    <message>
        <source>frame %1 does not exist (the image has %2)</source>
        <translation>フレーム %1 はありません（この画像は %2 フレーム）</translation>
    </message>
    <message>
        <source>frame %1 arrived empty</source>
        <translation>フレーム %1 が空で届きました</translation>
    </message>
    <message>
        <source>frame %1 holds %2 bytes; the image needs %3</source>
        <translation>フレーム %1 は %2 バイトですが、この画像には %3 バイト必要です</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::DicomFrameDecoder</name>
    <message>
        <source>the file has no pixel data</source>
        <translation>ファイルに画素データがありません</translation>
    </message>
    <message>
        <source>the JPEG 2000 pixel data is not encapsulated</source>
        <translation>JPEG 2000 の画素データがカプセル化されていません</translation>
    </message>
    <message>
        <source>a JPEG 2000 fragment cannot be read</source>
        <translation>JPEG 2000 の断片を読み取れません</translation>
    </message>
    <message>
        <source>the JPEG 2000 data holds %1 of %2 frames</source>
        <translation>JPEG 2000 データには %2 フレーム中 %1 フレームしかありません</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>中止しました</translation>
    </message>
    <message>
        <source>JPEG 2000 decoding failed: %1</source>
        <translation>JPEG 2000 の復号に失敗しました：%1</translation>
    </message>
    <message>
        <source>the JPEG 2000 image size does not match Rows and Columns</source>
        <translation>JPEG 2000 の画像サイズが Rows・Columns と一致しません</translation>
    </message>
    <message>
        <source>the JPEG 2000 frames differ in layout</source>
        <translation>JPEG 2000 のフレームごとに構成が異なります</translation>
    </message>
    <message>
        <source>the decoded JPEG 2000 pixels cannot be stored</source>
        <translation>復号した JPEG 2000 の画素を格納できません</translation>
    </message>
    <message>
        <source>%1: the file holds no image</source>
        <translation>%1：ファイルに画像がありません</translation>
    </message>
    <message>
        <source>%1: Rows or Columns are missing</source>
        <translation>%1：Rows または Columns がありません</translation>
    </message>
    <message>
        <source>%1: the pixel data is truncated</source>
        <translation>%1：画素データが途中で切れています</translation>
    </message>
    <message>
        <source>%1: frame %2 does not exist</source>
        <translation>%1：フレーム %2 はありません</translation>
    </message>
    <message>
        <source>%1: the image cannot be decoded (%2)</source>
        <translation>%1：画像を復号できません（%2）</translation>
    </message>
    <message>
        <source>%1: the pixel data is incomplete</source>
        <translation>%1：画素データが不完全です</translation>
    </message>
    <message>
        <source>%1: the colour image cannot be rendered</source>
        <translation>%1：カラー画像を表示できません</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：ファイルがありません</translation>
    </message>
    <message>
        <source>%1: not a readable DICOM file (%2)</source>
        <translation>%1：読み取れる DICOM ファイルではありません（%2）</translation>
    </message>
    <message>
        <source>not a readable DICOM object (%1)</source>
        <translation>読み取れる DICOM オブジェクトではありません（%1）</translation>
    </message>
    <message>
        <source>the image is not available</source>
        <translation>画像を利用できません</translation>
    </message>
    <message>
        <source>%1: images in the transfer syntax %2 cannot be shown (not supported)</source>
        <translation>%1: 転送構文 %2 の画像は表示できません（未対応）</translation>
    </message>
    <message>
        <source>the RLE pixel data is not encapsulated</source>
        <translation>RLE の画素データがカプセル化されていません</translation>
    </message>
    <message>
        <source>RLE data with %1 bits allocated and %2 samples per pixel cannot be shown</source>
        <translation>割り当てビット数 %1、画素あたりサンプル数 %2 の RLE データは表示できません</translation>
    </message>
    <message>
        <source>the RLE data holds %1 fragments for %2 frames</source>
        <translation>RLE データのフラグメント数（%1）がフレーム数（%2）と合いません</translation>
    </message>
    <message>
        <source>an RLE fragment cannot be read</source>
        <translation>RLE のフラグメントを読み取れません</translation>
    </message>
    <message>
        <source>RLE decoding failed: %1</source>
        <translation>RLE の復号に失敗しました：%1</translation>
    </message>
    <message>
        <source>the decoded RLE pixels cannot be stored</source>
        <translation>復号した RLE の画素を格納できません</translation>
    </message>
    <message>
        <source>the image declares %1 bits allocated a sample; the viewer decodes 1, 8, 16 or 32</source>
        <translation>画像の割り当てビット数が %1 です。表示できるのは 1・8・16・32 ビットです</translation>
    </message>
    <message>
        <source>the image declares %1 samples per pixel; the viewer decodes 1 (monochrome) or 3 (colour)</source>
        <translation>画像の画素あたりサンプル数が %1 です。表示できるのは 1（モノクロ）または 3（カラー）です</translation>
    </message>
    <message>
        <source>the image declares %1 × %2 pixels with %3 samples of %4 bits, %5 MiB a frame: larger than the viewer decodes (%6 MiB a frame)</source>
        <translation>画像は %1 × %2 画素・%3 サンプル・%4 ビット（1 フレーム %5 MiB）と宣言されています。表示できる大きさ（1 フレーム %6 MiB）を超えています</translation>
    </message>
    <message>
        <source>the JPEG 2000 data of frame %1 has no readable image size: %2</source>
        <translation>フレーム %1 の JPEG 2000 データから画像サイズを読み取れません：%2</translation>
    </message>
    <message>
        <source>the JPEG 2000 data of frame %1 declares %2 × %3 pixels with %4 components where the DICOM header declares %5 × %6 with %7</source>
        <translation>フレーム %1 の JPEG 2000 データは %2 × %3 画素・%4 成分ですが、DICOM ヘッダーは %5 × %6 画素・%7 成分です</translation>
    </message>
    <message>
        <source>the JPEG 2000 data of frame %1 is split into %2 tiles, more than the viewer decodes (%3)</source>
        <translation>フレーム %1 の JPEG 2000 データは %2 タイルに分割されており、表示できる数（%3）を超えています</translation>
    </message>
    <message>
        <source>a frame fetched on its own is decoded asynchronously only</source>
        <translation>単独で取得したフレームは非同期でのみデコードできます</translation>
    </message>
    <message>
        <source>the JPEG data is malformed (a TEM marker before the frame header)</source>
        <translation>JPEG データの形式が正しくありません（フレームヘッダーの前に TEM マーカー）</translation>
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
    <name>Kakehashi::Dicom::DicomPresentationReader</name>
    <message>
        <source>Presentation state</source>
        <translation>プレゼンテーションステート</translation>
    </message>
    <message>
        <source>(no value)</source>
        <translation>（値なし）</translation>
    </message>
    <message>
        <source>image %1</source>
        <comment>structured report: a referenced object</comment>
        <translation>画像 %1</translation>
    </message>
    <message>
        <source>%1 region</source>
        <comment>structured report: a spatial coordinate</comment>
        <translation>%1 領域</translation>
    </message>
    <message>
        <source>(section)</source>
        <translation>（セクション）</translation>
    </message>
    <message numerus="yes">
        <source>… the report continues beyond %n line(s); not all of it is shown.</source>
        <translation>
            <numerusform>… レポートは %n 行を超えて続きます。すべては表示していません。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not a readable DICOM object (%2)</source>
        <translation>%1: 読み取れる DICOM オブジェクトではありません（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: cannot be read</source>
        <translation>%1: 読み取れません</translation>
    </message>
    <message>
        <source>the object holds no encapsulated document</source>
        <translation>カプセル化された文書が含まれていません</translation>
    </message>
    <message>
        <source>the encapsulated document is %1 MiB, more than the viewer opens (%2 MiB)</source>
        <translation>カプセル化された文書は %1 MiB あり、表示できる大きさ（%2 MiB）を超えています</translation>
    </message>
    <message>
        <source>the encapsulated document cannot be read</source>
        <translation>カプセル化された文書を読み取れません</translation>
    </message>
    <message>
        <source>the encapsulated document is empty</source>
        <translation>カプセル化された文書が空です</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::DicomSeriesBuilder</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>this image is not fetched frame by frame</source>
        <translation>この画像はフレーム単位で取得されていません</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::DicomSeriesScanner</name>
    <message>
        <source>%1: not a readable DICOMDIR (%2)</source>
        <translation>%1：読み取れる DICOMDIR ではありません（%2）</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1：ファイルまたはフォルダがありません</translation>
    </message>
    <message>
        <source>%1: the image has no pixel data (the file may be cut short)</source>
        <translation>%1：画像に画素データがありません（ファイルが途中で切れている可能性があります）</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::ImageSourceFactory</name>
    <message>
        <source>The DICOMweb address is not an http(s) URL.</source>
        <translation>DICOMweb のアドレスが http(s) の URL ではありません。</translation>
    </message>
    <message>
        <source>The DIMSE profile needs an AE title, a host and a port.</source>
        <translation>DIMSE の接続設定には AE タイトル、ホスト、ポートが必要です。</translation>
    </message>
    <message>
        <source>No local files or folders were given.</source>
        <translation>ローカルのファイルやフォルダが指定されていません。</translation>
    </message>
    <message>
        <source>Unsupported image endpoint type: %1</source>
        <translation>対応していない画像エンドポイントの種類です：%1</translation>
    </message>
</context>
<context>
    <name>Kakehashi::DicomComparisonView</name>
    <message>
        <source>Left</source>
        <comment>comparison pane</comment>
        <translation>左</translation>
    </message>
    <message>
        <source>Right</source>
        <comment>comparison pane</comment>
        <translation>右</translation>
    </message>
    <message>
        <source>Scroll together</source>
        <translation>連動スクロール</translation>
    </message>
    <message>
        <source>Patient check</source>
        <translation>患者の確認</translation>
    </message>
    <message>
        <source>Close comparison</source>
        <translation>比較を閉じる</translation>
    </message>
    <message>
        <source>%1 pane: patient, study date and facility</source>
        <translation>%1 側: 患者・検査日・施設</translation>
    </message>
    <message>
        <source>%1 pane images</source>
        <translation>%1 側の画像</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（氏名なし）</translation>
    </message>
    <message>
        <source>no patient ID</source>
        <translation>患者IDなし</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>生年月日 %1</translation>
    </message>
    <message>
        <source>study date not recorded</source>
        <translation>検査日の記録なし</translation>
    </message>
    <message>
        <source>study %1</source>
        <translation>検査日 %1</translation>
    </message>
    <message>
        <source>facility not recorded</source>
        <translation>施設の記録なし</translation>
    </message>
    <message>
        <source>which study is older is unknown (study date not recorded)</source>
        <translation>どちらが古い検査か不明（検査日の記録なし）</translation>
    </message>
    <message>
        <source>same study date as the other pane</source>
        <translation>もう一方と同じ検査日</translation>
    </message>
    <message>
        <source>newer study</source>
        <translation>新しい検査</translation>
    </message>
    <message>
        <source>older study (prior)</source>
        <translation>古い検査（過去画像）</translation>
    </message>
    <message>
        <source>name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <source>Same patient not confirmed: too little is recorded in the files to tell. Check both labels before comparing.</source>
        <translation>同一患者か確認できません: ファイルの記録が少なすぎて判断できません。比較の前に両方の表示を確認してください。</translation>
    </message>
    <message>
        <source>Same patient not confirmed: the %1 differs (another hospital's numbering?); nothing else recorded disagrees. Check both labels before comparing.</source>
        <translation>同一患者か確認できません: %1 が異なります（他院の番号体系の可能性）。ほかに食い違う記録はありません。比較の前に両方の表示を確認してください。</translation>
    </message>
    <message>
        <source>DIFFERENT PATIENTS: the two series are not of the same person (%1 differ). This is not a prior of this patient.</source>
        <translation>別の患者です: 2 つのシリーズは同一人物のものではありません（%1 が異なります）。この患者の過去画像ではありません。</translation>
    </message>
    <message>
        <source>Each pane scrolls on its own.</source>
        <translation>左右は別々にスクロールします。</translation>
    </message>
    <message>
        <source>Nothing to compare: a pane has no images.</source>
        <translation>比較できません: 一方に画像がありません。</translation>
    </message>
    <message>
        <source>Scrolling together by relative slice number: the series do not share a frame of reference, so the same number need not be the same anatomy.</source>
        <translation>相対スライス番号で連動中: 2 つのシリーズは座標系（Frame of Reference）が異なるため、同じ番号が同じ部位とは限りません。</translation>
    </message>
    <message>
        <source>Scrolling together by slice position (same frame of reference).</source>
        <translation>スライス位置で連動中（同じ座標系）。</translation>
    </message>
    <message>
        <source>The right pane has no slice at this position: its nearest is %1 mm away.</source>
        <translation>右側にはこの位置のスライスがありません。最も近いスライスは %1 mm 離れています。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::DicomImageView</name>
    <message>
        <source>Lung</source>
        <comment>CT window preset</comment>
        <translation>肺野</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <comment>CT window preset</comment>
        <translation>縦隔</translation>
    </message>
    <message>
        <source>Bone</source>
        <comment>CT window preset</comment>
        <translation>骨</translation>
    </message>
    <message>
        <source>Brain</source>
        <comment>CT window preset</comment>
        <translation>頭部</translation>
    </message>
    <message>
        <source>File window %1</source>
        <translation>ファイル指定のウィンドウ %1</translation>
    </message>
    <message>
        <source>Se: %1 %2</source>
        <comment>overlay: series number and description</comment>
        <translation>Se: %1 %2</translation>
    </message>
    <message>
        <source>Im: %1/%2</source>
        <comment>overlay: slice index</comment>
        <translation>Im: %1/%2</translation>
    </message>
    <message>
        <source>Loc: %1 mm</source>
        <comment>overlay: slice location</comment>
        <translation>位置: %1 mm</translation>
    </message>
    <message>
        <source>W: %1 L: %2</source>
        <comment>overlay: window width and level</comment>
        <translation>W: %1 L: %2</translation>
    </message>
    <message>
        <source>Zoom: %1%</source>
        <comment>overlay</comment>
        <translation>拡大: %1%</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>No images</source>
        <translation>画像なし</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <comment>distance</comment>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1 px</source>
        <comment>distance without pixel spacing</comment>
        <translation>%1 px</translation>
    </message>
    <message>
        <source>Key image</source>
        <translation>キー画像</translation>
    </message>
    <message>
        <source>★ Key image: %1</source>
        <comment>overlay: the slice is marked by a key object selection</comment>
        <translation>★ キー画像: %1</translation>
    </message>
    <message>
        <source>Presentation state: %1</source>
        <comment>overlay</comment>
        <translation>プレゼンテーションステート: %1</translation>
    </message>
    <message>
        <source>Presentation state hidden: %1</source>
        <comment>overlay</comment>
        <translation>プレゼンテーションステート（非表示）: %1</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>（ラベルなし）</translation>
    </message>
    <message>
        <source>This image could not be shown.
%1</source>
        <translation>この画像を表示できませんでした。
%1</translation>
    </message>
</context>
<context>
    <name>Kakehashi::DicomPatients</name>
    <message>
        <source>no patient ID</source>
        <translation>患者IDなし</translation>
    </message>
    <message>
        <source>DICOM files</source>
        <translation>DICOM ファイル</translation>
    </message>
    <message>
        <source>only DICOM images were opened for this patient; no health record (diseases, medications, allergies, lab results) was loaded, so nothing is known about them here</source>
        <translation>この患者は DICOM 画像のみを開いています。診療記録（病名・処方・アレルギー・検査結果）は読み込まれていないため、ここではそれらは不明です</translation>
    </message>
    <message>
        <source>%1 study</source>
        <comment>imaging modality</comment>
        <translation>%1 検査</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%nシリーズ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n画像</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kakehashi::DicomViewerWidget</name>
    <message>
        <source>Invert</source>
        <translation>反転</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>計測</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Cine</source>
        <translation>シネ</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 (%n image(s))</source>
        <comment>series thumbnail</comment>
        <translation>
            <numerusform>%1 %2（%n 画像）</numerusform>
        </translation>
    </message>
    <message>
        <source>Window presets</source>
        <translation>ウィンドウのプリセット</translation>
    </message>
    <message>
        <source>Patients, studies and series</source>
        <translation>患者・検査・シリーズ</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>オーバーレイ</translation>
    </message>
    <message>
        <source>Show the overlay planes (60xx) the file draws over the image</source>
        <translation>ファイルが画像の上に重ねるオーバーレイ（60xx）を表示します</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（氏名なし）</translation>
    </message>
    <message>
        <source>no ID</source>
        <translation>IDなし</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>検査</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>プレゼンテーション</translation>
    </message>
    <message>
        <source>Apply the presentation states (GSPS) of the opened files: their window, annotations and shutters</source>
        <translation>開いたファイルのプレゼンテーションステート（GSPS）のウィンドウ・注釈・シャッターを適用します</translation>
    </message>
    <message>
        <source>Compare with prior</source>
        <translation>過去画像と比較</translation>
    </message>
    <message>
        <source>Show another series of this patient beside this one, scrolled together</source>
        <translation>この患者の別のシリーズを横に並べ、連動してスクロールします</translation>
    </message>
    <message>
        <source>Structured report</source>
        <translation>構造化レポート</translation>
    </message>
    <message>
        <source>Key images</source>
        <translation>キー画像</translation>
    </message>
    <message numerus="yes">
        <source>Key images “%1”: none of its %n referenced image(s) is among the opened images.</source>
        <translation>
            <numerusform>キー画像「%1」: 参照している %n 枚の画像はどれも開かれていません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Key images “%1”: %2 of %n referenced image(s) are not among the opened images.</source>
        <translation>
            <numerusform>キー画像「%1」: 参照している %n 枚のうち %2 枚は開かれていません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>★ %n key image(s)</source>
        <comment>series row: images marked by a key object selection</comment>
        <translation>
            <numerusform>★ キー画像 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>Report: %1</source>
        <comment>browser row of a structured report</comment>
        <translation>レポート: %1</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（表題なし）</translation>
    </message>
    <message>
        <source>Patient: %1 (%2)</source>
        <translation>患者: %1（%2）</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>氏名なし</translation>
    </message>
    <message>
        <source>no patient ID</source>
        <translation>患者IDなし</translation>
    </message>
    <message>
        <source>Study date: %1</source>
        <translation>検査日: %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <source>Facility: %1</source>
        <translation>施設: %1</translation>
    </message>
    <message>
        <source>Completion: PARTIAL — this report is not complete.</source>
        <translation>完了状態: PARTIAL — このレポートは未完成です。</translation>
    </message>
    <message>
        <source>Verification: UNVERIFIED — not signed off.</source>
        <translation>確認状態: UNVERIFIED — 未承認です。</translation>
    </message>
    <message>
        <source>Verification: VERIFIED</source>
        <translation>確認状態: VERIFIED（承認済み）</translation>
    </message>
    <message>
        <source>(the report has no content)</source>
        <translation>（レポートに内容がありません）</translation>
    </message>
    <message>
        <source>No other series of this patient is open to compare with</source>
        <translation>比較できるこの患者の別のシリーズは開かれていません</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>比較…</translation>
    </message>
    <message>
        <source>Document (%1): %2</source>
        <comment>browser row of an encapsulated PDF or CDA</comment>
        <translation>文書（%1）：%2</translation>
    </message>
    <message>
        <source>⚠ cannot be shown: %1</source>
        <translation>⚠ 表示できません：%1</translation>
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
        <translation>
            <numerusform>%n歳</numerusform>
        </translation>
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
    <message>
        <source>Report</source>
        <comment>diagnostic report</comment>
        <translation>報告書</translation>
    </message>
    <message>
        <source>FHIR document</source>
        <translation>FHIR 文書</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>CDA / XML</source>
        <translation>CDA・XML</translation>
    </message>
</context>
<context>
    <name>Kakehashi::DocumentDock</name>
    <message>
        <source>Document</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>This document cannot be shown</source>
        <translation>この文書は表示できません</translation>
    </message>
    <message>
        <source>Encapsulated document</source>
        <translation>カプセル化文書</translation>
    </message>
</context>
<context>
    <name>Kakehashi::DocumentExport</name>
    <message>
        <source>page %1 of %2</source>
        <translation>%1 / %2 ページ</translation>
    </message>
    <message>
        <source>The printer or file could not be opened for writing.</source>
        <translation>プリンターまたはファイルに書き込めませんでした。</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1: %2</source>
        <translation>PDFを %1 に書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>患者: %1</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>記載なし</translation>
    </message>
    <message>
        <source>Facility: %1</source>
        <translation>医療機関: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Reference time: %1</source>
        <translation>基準時刻: %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Printed by Kakehashi: %1</source>
        <translation>架け橋で出力: %1</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文書</translation>
    </message>
</context>
<context>
    <name>Kakehashi::DocumentHtml</name>
    <message>
        <source>No content: %1</source>
        <translation>内容なし：%1</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>文書の種類</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Facility</source>
        <comment>the organisation that holds the document</comment>
        <translation>施設</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>preliminary (not final)</source>
        <translation>暫定版（確定ではありません）</translation>
    </message>
    <message>
        <source>entered in error — do not rely on this document</source>
        <translation>誤登録 — この文書は参照しないでください</translation>
    </message>
    <message numerus="yes">
        <source>%n unsafe part(s) of this document (scripts, frames, remote content, event handlers) were removed before display.</source>
        <translation>
            <numerusform>表示前に、この文書の安全でない部分 %n 箇所（スクリプト、フレーム、外部コンテンツ、イベント処理）を取り除きました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) were not well-formed XHTML and are shown as plain text.</source>
        <translation>
            <numerusform>%n 個のセクションは正しい XHTML ではないため、テキストとして表示しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>This document is too large to show in full; the rest was left out.</source>
        <translation>この文書は大きすぎるため全体を表示できません。残りは省略しました。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::DocumentResults</name>
    <message>
        <source>%1, %2</source>
        <comment>document title, date</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>also in the document “%1”</source>
        <translation>文書「%1」にも記載</translation>
    </message>
    <message>
        <source>from the document “%1”</source>
        <translation>文書「%1」から</translation>
    </message>
</context>
<context>
    <name>Kakehashi::DocumentView</name>
    <message>
        <source>Document notice</source>
        <translation>文書に関するお知らせ</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>the page did not finish loading</source>
        <translation>ページの読み込みが完了しませんでした</translation>
    </message>
    <message>
        <source>Shown with the basic renderer (KAKEHASHI_DOCUMENT_RENDERER=basic); layout may be simplified.</source>
        <translation>簡易表示（KAKEHASHI_DOCUMENT_RENDERER=basic）で表示しています。レイアウトが簡略化されることがあります。</translation>
    </message>
    <message>
        <source>the web renderer stopped</source>
        <translation>Web 表示エンジンが停止しました</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>文書なし</translation>
    </message>
    <message>
        <source>Open a document from the record, the timeline or the Documents panel.</source>
        <translation>記録、タイムライン、または文書パネルから文書を開いてください。</translation>
    </message>
    <message>
        <source>This document cannot be read</source>
        <translation>この文書を読み取れません</translation>
    </message>
    <message>
        <source>The document's content is not available</source>
        <translation>文書の内容を利用できません</translation>
    </message>
    <message>
        <source>Not a document</source>
        <translation>文書ではありません</translation>
    </message>
    <message numerus="yes">
        <source>%n unsafe part(s) of this document were removed before display; nothing in it can run or load content.</source>
        <translation>
            <numerusform>表示前にこの文書の安全でない部分 %n 箇所を取り除きました。文書内のものが実行されたり外部の内容を読み込んだりすることはありません。</numerusform>
        </translation>
    </message>
    <message>
        <source>This document is too large to show in full.</source>
        <translation>この文書は大きすぎるため全体を表示できません。</translation>
    </message>
    <message>
        <source>the page could not be rendered</source>
        <translation>ページを描画できませんでした</translation>
    </message>
    <message>
        <source>The secure web renderer could not be used (%1); the document is shown with the basic renderer.</source>
        <translation>安全な Web 表示エンジンを使用できなかったため（%1）、簡易表示で表示しています。</translation>
    </message>
    <message>
        <source>an embedded page</source>
        <translation>埋め込みページ</translation>
    </message>
    <message>
        <source>A link or redirect in the document was not followed: %1</source>
        <translation>文書内のリンクまたは転送先には移動しませんでした：%1</translation>
    </message>
    <message>
        <source>The image is damaged or incomplete and cannot be shown.</source>
        <translation>画像が壊れているか不完全なため表示できません。</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>添付を開く</translation>
    </message>
    <message>
        <source>Back to the document</source>
        <translation>文書に戻る</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>添付:</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>PDFに書き出す…</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>文書の詳細</translation>
    </message>
    <message>
        <source>Attached image</source>
        <translation>添付画像</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>添付</translation>
    </message>
    <message>
        <source>This attachment is on another server (%1). Documents never fetch content from outside the record, so it is not shown.</source>
        <translation>この添付は別のサーバー上（%1）にあります。文書は記録の外から内容を取得しないため、表示しません。</translation>
    </message>
    <message>
        <source>This attachment's content was not delivered with the document.</source>
        <translation>この添付の内容は文書と一緒に届いていません。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Print document</source>
        <translation>文書の印刷</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>PDFに書き出す</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>This document cannot be shown</source>
        <translation>この文書は表示できません</translation>
    </message>
    <message>
        <source>patient: %1</source>
        <translation>患者: %1</translation>
    </message>
    <message>
        <source>This PDF cannot be shown</source>
        <translation>このPDFは表示できません</translation>
    </message>
    <message>
        <source>This PDF file is incomplete (it ends before its end marker): pages or parts of pages may be missing.</source>
        <translation>このPDFファイルは不完全です（終端マーカーの前で途切れています）。ページやページの一部が欠けている可能性があります。</translation>
    </message>
    <message numerus="yes">
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF、%nページ</numerusform>
        </translation>
    </message>
    <message>
        <source>The image is too large to show (%1 × %2 pixels).</source>
        <translation>画像が大きすぎるため表示できません（%1 × %2 ピクセル）。</translation>
    </message>
    <message>
        <source>This image cannot be shown</source>
        <translation>この画像は表示できません</translation>
    </message>
    <message>
        <source>image, %1 × %2</source>
        <translation>画像、%1 × %2</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>This text is too large to show in full.</source>
        <translation>このテキストは大きすぎるため、全文は表示できません。</translation>
    </message>
    <message>
        <source>DICOM image</source>
        <translation>DICOM画像</translation>
    </message>
    <message>
        <source>%1: this is a DICOM image; it is shown in the image view.</source>
        <translation>%1: DICOM画像です。画像ビューに表示しています。</translation>
    </message>
    <message>
        <source>%1: this is a DICOM image; open it in the main window's image view.</source>
        <translation>%1: DICOM画像です。メインウィンドウの画像ビューで開いてください。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::EmergencySummary</name>
    <message>
        <source>eGFR not shown: the result uses the adult equation, which does not apply under 18. Read the creatinine against the reference range reported with it.</source>
        <translation>eGFR は表示しません：成人用の推算式による値で、18 歳未満には当てはまりません。クレアチニンは結果とともに報告された基準範囲で判断してください。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::EmergencySummaryView</name>
    <message>
        <source>Emergency summary</source>
        <translation>救急サマリー</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Full record</source>
        <translation>全記録</translation>
    </message>
    <message>
        <source>Open the full record</source>
        <translation>全記録を開く</translation>
    </message>
    <message>
        <source>Leave the emergency summary and show the whole record</source>
        <translation>救急サマリーを閉じて記録全体を表示します</translation>
    </message>
    <message>
        <source>Record completeness</source>
        <translation>記録の完全性</translation>
    </message>
    <message>
        <source>Allergies and contraindications</source>
        <translation>アレルギー・禁忌</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>現在の薬剤</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>病名</translation>
    </message>
    <message>
        <source>Recent visits</source>
        <translation>最近の受診</translation>
    </message>
    <message>
        <source>Surgery and procedures</source>
        <translation>手術・処置</translation>
    </message>
    <message>
        <source>Key laboratory values</source>
        <translation>主な検査値</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>日付不明</translation>
    </message>
    <message>
        <source>facility unknown</source>
        <translation>施設不明</translation>
    </message>
    <message>
        <source>UNINFORMED</source>
        <comment>JP-CLINS: not yet told to the patient</comment>
        <translation>未告知</translation>
    </message>
    <message>
        <source>redacted</source>
        <translation>一部非開示</translation>
    </message>
    <message>
        <source>born %1 (%2)</source>
        <translation>%1 生（%2）</translation>
    </message>
    <message>
        <source>As of %1. Visits %2 days, dispensing %3 days, resolved problems %4 days, surgery %5 months.</source>
        <translation>%1 時点。受診 %2 日、調剤 %3 日、治癒した病名 %4 日、手術 %5 か月。</translation>
    </message>
    <message>
        <source>The record is incomplete: %1</source>
        <translation>記録は不完全です：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) withheld by the patient's disclosure settings</source>
        <translation>
            <numerusform>患者の開示設定により %n 件が非開示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not provided at the patient's request (UNDELIVERED)</source>
        <translation>
            <numerusform>患者の希望により提供されていない項目 %n 件（UNDELIVERED）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) marked UNINFORMED: not yet told to the patient — do not disclose to the patient or family without care.</source>
        <translation>
            <numerusform>未告知（UNINFORMED）の項目 %n 件：患者に未告知です。患者・家族への開示には注意してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>DRUG</source>
        <comment>drug allergy / contraindication</comment>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>HIGH RISK</source>
        <comment>allergy criticality</comment>
        <translation>高リスク</translation>
    </message>
    <message>
        <source>duplicate</source>
        <comment>duplicate therapy</comment>
        <translation>重複</translation>
    </message>
    <message>
        <source>dispensed recently</source>
        <comment>medication no longer running</comment>
        <translation>最近調剤</translation>
    </message>
    <message>
        <source>resolved %1</source>
        <translation>%1 治癒</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>治癒</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>直近 %n 日</numerusform>
        </translation>
    </message>
    <message>
        <source>×%1 (since %2)</source>
        <translation>×%1（%2 以降）</translation>
    </message>
    <message numerus="yes">
        <source>Last %n year(s)</source>
        <translation>
            <numerusform>直近 %n 年</numerusform>
        </translation>
    </message>
    <message>
        <source>eGFR</source>
        <translation>eGFR</translation>
    </message>
    <message>
        <source>Creatinine</source>
        <translation>クレアチニン</translation>
    </message>
    <message>
        <source>K</source>
        <comment>potassium</comment>
        <translation>K</translation>
    </message>
    <message>
        <source>Hb</source>
        <comment>haemoglobin</comment>
        <translation>Hb</translation>
    </message>
    <message>
        <source>PLT</source>
        <comment>platelets</comment>
        <translation>血小板</translation>
    </message>
    <message>
        <source>Glucose</source>
        <translation>血糖</translation>
    </message>
    <message>
        <source>HbA1c</source>
        <translation>HbA1c</translation>
    </message>
    <message>
        <source>(old)</source>
        <comment>lab value older than the look-back</comment>
        <translation>（古い値）</translation>
    </message>
    <message>
        <source>Last check-up: %1</source>
        <translation>最終健診：%1</translation>
    </message>
    <message>
        <source>Infections and dialysis</source>
        <translation>感染症・透析</translation>
    </message>
    <message>
        <source>Unknown: no health record was loaded for this patient, only DICOM images.</source>
        <translation>不明: この患者の診療記録は読み込まれていません（DICOM 画像のみ）。</translation>
    </message>
    <message numerus="yes">
        <source>%n more withheld item(s) may include more allergies.</source>
        <translation>
            <numerusform>ほかに非開示 %n 件：さらにアレルギーを含む可能性があります。</numerusform>
        </translation>
    </message>
    <message>
        <source>period unknown</source>
        <comment>medication whose end cannot be known</comment>
        <translation>期間不明</translation>
    </message>
    <message>
        <source>ingredient unknown — not checked</source>
        <comment>duplicate therapy</comment>
        <translation>成分不明・重複未確認</translation>
    </message>
    <message>
        <source>until %1</source>
        <comment>medication: last day of use</comment>
        <translation>%1まで</translation>
    </message>
    <message>
        <source>Infection tests: not disclosed to this role.</source>
        <translation>感染症検査：この職種には開示されていません。</translation>
    </message>
    <message>
        <source>Dialysis: not disclosed to this role.</source>
        <translation>透析：この職種には開示されていません。</translation>
    </message>
    <message numerus="yes">
        <source>Dialysis: %n session(s) in the last %1 days, latest %2</source>
        <translation>
            <numerusform>透析：直近 %1 日間に %n 回、最終 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not in the shared record: no medication running now or dispensed in the last %n day(s). This does not mean the patient takes none.</source>
        <translation>
            <numerusform>共有記録には、現在服用中または直近 %n 日以内に調剤された薬剤の登録がありません（服用していないことを意味しません）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in the shared record: no active problem (this does not mean there is none).</source>
        <translation>共有記録に継続中の病名の登録はありません（病名がないという意味ではありません）。</translation>
    </message>
    <message>
        <source>Not in the shared record: no visit in this period (this does not mean there was none).</source>
        <translation>共有記録にこの期間の受診の登録はありません（受診がなかったという意味ではありません）。</translation>
    </message>
    <message>
        <source>Not in the shared record: no procedure or surgery in this period (this does not mean there was none).</source>
        <translation>共有記録にこの期間の手術・処置の登録はありません（手術・処置がなかったという意味ではありません）。</translation>
    </message>
    <message>
        <source>Not in the shared record: no key laboratory value (this does not mean none was measured).</source>
        <translation>共有記録に主な検査値の登録はありません（検査が行われていないという意味ではありません）。</translation>
    </message>
    <message>
        <source>Last check-up: not in the shared record (this does not mean there was none).</source>
        <translation>最終健診：共有記録に登録はありません（健診を受けていないという意味ではありません）。</translation>
    </message>
    <message>
        <source>Infection tests (syphilis, HBs antigen, HCV, HIV): not in the shared record (this does not mean none was done, nor that results were negative).</source>
        <translation>感染症検査（梅毒・HBs抗原・HCV・HIV）：共有記録に登録はありません（検査が行われていない、または陰性であるという意味ではありません）。</translation>
    </message>
    <message numerus="yes">
        <source>Dialysis: not in the shared record for the last %n day(s) (this does not mean there was none).</source>
        <translation>
            <numerusform>透析：直近 %n 日間の登録は共有記録にありません（透析がなかったという意味ではありません）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kakehashi::ImageCache</name>
    <message>
        <source>Cannot create the image cache folder.</source>
        <translation>画像キャッシュのフォルダを作成できません。</translation>
    </message>
    <message>
        <source>Encryption failed.</source>
        <translation>暗号化に失敗しました。</translation>
    </message>
    <message>
        <source>The study is not in the image cache.</source>
        <translation>この検査は画像キャッシュにありません。</translation>
    </message>
    <message>
        <source>The cached study cannot be decrypted with this session's key.</source>
        <translation>キャッシュした検査をこのセッションの鍵で復号できません。</translation>
    </message>
    <message>
        <source>The cached study is incomplete.</source>
        <translation>キャッシュした検査は不完全です。</translation>
    </message>
    <message>
        <source>A cached study could not be removed.</source>
        <translation>キャッシュした検査を削除できませんでした。</translation>
    </message>
    <message>
        <source>The cached images could not be removed.</source>
        <translation>キャッシュした画像を削除できませんでした。</translation>
    </message>
    <message>
        <source>The image is no longer in memory.</source>
        <translation>画像はもうメモリにありません。</translation>
    </message>
    <message>
        <source>A cached image is missing.</source>
        <translation>キャッシュした画像がありません。</translation>
    </message>
    <message>
        <source>A cached image cannot be decrypted (changed, or sealed under another key).</source>
        <translation>キャッシュした画像を復号できません（改変されたか、別の鍵で暗号化されています）。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::ImagingPanel</name>
    <message>
        <source>Images status</source>
        <translation>画像の状態</translation>
    </message>
    <message>
        <source>No images open. Choose an imaging study in the record and open it.</source>
        <translation>画像は開かれていません。記録から画像検査を選んで開いてください。</translation>
    </message>
    <message>
        <source>The image could not be shown: %1</source>
        <translation>画像を表示できませんでした：%1</translation>
    </message>
    <message>
        <source>Looking for the study's images…</source>
        <translation>検査の画像を探しています…</translation>
    </message>
    <message>
        <source>This study's images are not available offline; the PACS back-end will fetch them.</source>
        <translation>この検査の画像はオフラインでは利用できません。PACS から取得します。</translation>
    </message>
    <message>
        <source>Image retrieval</source>
        <translation>画像の取得</translation>
    </message>
    <message>
        <source>This study's images are not available offline, and no PACS is configured for it.</source>
        <translation>この検査の画像はオフラインでは利用できず、取得先の PACS も設定されていません。</translation>
    </message>
    <message>
        <source>Retrieving the images…</source>
        <translation>画像を取得中…</translation>
    </message>
    <message>
        <source>Retrieving the images: %1 of %2…</source>
        <translation>画像を取得中：%2 枚中 %1 枚…</translation>
    </message>
    <message numerus="yes">
        <source>Retrieving the images: %n received…</source>
        <translation>
            <numerusform>画像を取得中：%n 枚受信…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) from the encrypted local cache.</source>
        <translation>
            <numerusform>暗号化されたローカルキャッシュから %n 枚。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) retrieved from the PACS.</source>
        <translation>
            <numerusform>PACS から %n 枚取得しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only part of the study arrived: %1</source>
        <translation>検査の一部しか届きませんでした：%1</translation>
    </message>
    <message>
        <source>This study's images are not available offline, and no PACS is configured to fetch them.</source>
        <translation>この検査の画像はオフラインでは利用できず、取得する PACS も設定されていません。</translation>
    </message>
    <message>
        <source>The retrieval was cancelled.</source>
        <translation>取得を中止しました。</translation>
    </message>
    <message>
        <source>The PACS did not answer in time. Try again later.</source>
        <translation>PACS が時間内に応答しませんでした。後で再試行してください。</translation>
    </message>
    <message>
        <source>The PACS cannot be reached (connection refused, TLS certificate not accepted, or association rejected).</source>
        <translation>PACS に接続できません（接続拒否、TLS 証明書の不受理、またはアソシエーション拒否）。</translation>
    </message>
    <message>
        <source>The PACS does not have this study (not found).</source>
        <translation>PACS にこの検査はありません（見つかりません）。</translation>
    </message>
    <message>
        <source>The PACS refused the request (HTTP %1).</source>
        <translation>PACS が要求を拒否しました（HTTP %1）。</translation>
    </message>
    <message>
        <source>The PACS refused the request.</source>
        <translation>PACS が要求を拒否しました。</translation>
    </message>
    <message>
        <source>The PACS sent an answer that could not be read.</source>
        <translation>PACS から読み取れない応答が届きました。</translation>
    </message>
    <message>
        <source>The images could not be written to this computer's temporary folder.</source>
        <translation>画像をこのコンピュータの一時フォルダに書き込めませんでした。</translation>
    </message>
    <message>
        <source>This PACS cannot deliver the study.</source>
        <translation>この PACS からは検査を取得できません。</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) read from local files.</source>
        <translation>
            <numerusform>ローカルファイルから %n 枚を読み込みました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline copy of the images</source>
        <translation>画像のオフライン用コピー</translation>
    </message>
    <message>
        <source>These images are shown but not kept for offline use: %1</source>
        <translation>これらの画像は表示されていますが、オフライン用には保存されていません：%1</translation>
    </message>
    <message>
        <source>The PACS's certificate has been revoked (the certificate status the server sent says so); the connection was refused.</source>
        <translation>PACS のサーバー証明書は失効しています（サーバーが送った証明書の状態がそう示しています）。接続を拒否しました。</translation>
    </message>
    <message>
        <source>The PACS's certificate requires the server to send its current certificate status (OCSP must-staple), and the server sent none that could be used; the connection was refused.</source>
        <translation>PACS のサーバー証明書は、サーバーが現在の証明書の状態（OCSP must-staple）を送ることを求めていますが、使える状態が送られてきませんでした。接続を拒否しました。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::InfectionLabs</name>
    <message>
        <source>Syphilis (STS)</source>
        <translation>梅毒（STS）</translation>
    </message>
    <message>
        <source>Syphilis (TP antibody)</source>
        <translation>梅毒（TP抗体）</translation>
    </message>
    <message>
        <source>HBs antigen</source>
        <translation>HBs抗原</translation>
    </message>
    <message>
        <source>HCV</source>
        <translation>HCV</translation>
    </message>
    <message>
        <source>HIV</source>
        <translation>HIV</translation>
    </message>
    <message>
        <source>Other infection test</source>
        <translation>その他の感染症検査</translation>
    </message>
</context>
<context>
    <name>Kakehashi::LabTrendChart</name>
    <message>
        <source>Analyte</source>
        <translation>検査項目</translation>
    </message>
    <message>
        <source>Results of this test from every facility, grouped by JLAC code</source>
        <translation>すべての施設のこの検査の結果（JLAC コードでまとめて表示）</translation>
    </message>
    <message>
        <source>Lab trend chart</source>
        <translation>検査値の推移グラフ</translation>
    </message>
    <message>
        <source>Trend:</source>
        <translation>推移：</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n result(s), %2 facilities</source>
        <translation>
            <numerusform>%1 — %n 件、%2 施設</numerusform>
        </translation>
    </message>
    <message>
        <source>No numeric lab results</source>
        <translation>数値の検査結果はありません</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>基準値</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>異常値</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n facility(ies)</source>
        <translation>
            <numerusform>%1 · %n 施設</numerusform>
        </translation>
    </message>
    <message>
        <source>Units differ between facilities; compare with care.</source>
        <translation>施設によって単位が異なります。比較には注意してください。</translation>
    </message>
    <message>
        <source>Chart legend</source>
        <translation>グラフの凡例</translation>
    </message>
    <message>
        <source>From a document</source>
        <comment>a result read from inside a check-up document</comment>
        <translation>文書から</translation>
    </message>
    <message>
        <source>○ read from the document(s): %1</source>
        <translation>○ 文書から読み取った結果: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) of this test not plotted (no number); see the list.</source>
        <translation><numerusform>この検査の結果%n件は数値がないためグラフに表示していません。一覧を参照してください。</numerusform></translation>
    </message>
</context>
<context>
    <name>Kakehashi::LoadProblemsBanner</name>
    <message>
        <source>Details…</source>
        <translation>詳細…</translation>
    </message>
    <message>
        <source>Show load problems</source>
        <translation>読み込み時の問題を表示</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) while loading; what is shown may be incomplete. First: %1</source>
        <translation>
            <numerusform>読み込み時に %n 件の問題があり、表示は不完全な可能性があります。最初の問題：%1</numerusform>
        </translation>
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
    <name>Kakehashi::LockOverlay</name>
    <message>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>Unlock with your card…</source>
        <translation>カードでロック解除…</translation>
    </message>
</context>
<context>
    <name>Kakehashi::MainWindow</name>
    <message>
        <source>Kakehashi — shared health records</source>
        <translation>架け橋 — 共有診療記録</translation>
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
        <source>%n patient(s), %1 resources</source>
        <translation>
            <numerusform>患者 %n 名、リソース %1 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>%1 に接続しました</translation>
    </message>
    <message>
        <source>Find a patient</source>
        <translation>患者を検索</translation>
    </message>
    <message>
        <source>The patient search failed: %1</source>
        <translation>患者の検索に失敗しました：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) found</source>
        <translation>
            <numerusform>%n 名の患者が見つかりました</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the record from the sharing service…</source>
        <translation>共有サービスから記録を読み込み中…</translation>
    </message>
    <message>
        <source>Emergency access: loading the record…</source>
        <translation>緊急時の閲覧：記録を読み込み中…</translation>
    </message>
    <message>
        <source>Showing cached data from %1; refreshing from the sharing service…</source>
        <translation>%1 時点のキャッシュを表示中。共有サービスから更新しています…</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Purge cached records</source>
        <translation>キャッシュした記録を消去</translation>
    </message>
    <message>
        <source>Cached records removed.</source>
        <translation>キャッシュした記録を消去しました。</translation>
    </message>
    <message>
        <source>Opening the local cache…</source>
        <translation>ローカルキャッシュを開いています…</translation>
    </message>
    <message>
        <source>%1: the DICOM image cannot be read (%2).</source>
        <translation>%1: DICOM画像を読み込めません（%2）。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::MedicationPeriod</name>
    <message>
        <source>Current</source>
        <comment>medication in use at the reference time</comment>
        <translation>服用中</translation>
    </message>
    <message>
        <source>Not started</source>
        <comment>medication whose period starts after the reference time</comment>
        <translation>開始前</translation>
    </message>
    <message>
        <source>Ended</source>
        <comment>medication whose period ended before the reference time</comment>
        <translation>終了</translation>
    </message>
    <message>
        <source>Period unknown</source>
        <comment>medication whose end cannot be known from the record</comment>
        <translation>期間不明</translation>
    </message>
    <message>
        <source>Stopped</source>
        <comment>medication status</comment>
        <translation>中止</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>medication status</comment>
        <translation>取消</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <comment>medication status</comment>
        <translation>誤登録</translation>
    </message>
    <message>
        <source>On hold</source>
        <comment>medication status</comment>
        <translation>保留</translation>
    </message>
    <message>
        <source>Draft</source>
        <comment>medication status</comment>
        <translation>下書き</translation>
    </message>
    <message>
        <source>Not taken</source>
        <comment>medication status</comment>
        <translation>未服用</translation>
    </message>
    <message>
        <source>Not done</source>
        <comment>medication status</comment>
        <translation>未実施</translation>
    </message>
    <message>
        <source>Declined</source>
        <comment>medication status</comment>
        <translation>辞退</translation>
    </message>
    <message>
        <source>Intended</source>
        <comment>medication status</comment>
        <translation>予定</translation>
    </message>
    <message>
        <source>Being prepared</source>
        <comment>medication status</comment>
        <translation>調剤中</translation>
    </message>
</context>
<context>
    <name>Kakehashi::MedicationSafety</name>
    <message>
        <source>Possible duplicate therapy: %1 prescribed by %2</source>
        <translation>重複投薬の可能性：%1（処方元：%2）</translation>
    </message>
    <message>
        <source> and </source>
        <comment>list of facilities</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Possible duplicate therapy (%1): %2 prescribed by %3</source>
        <translation>重複投薬の可能性（%1）：%2（処方元：%3）</translation>
    </message>
    <message>
        <source>%1: ingredient unknown — not checked for duplicate therapy</source>
        <translation>%1：成分不明のため重複投薬を確認できません</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Net::ConnectionProfile</name>
    <message>
        <source>Trust anchor file %1 holds no certificate.</source>
        <translation>トラストアンカーのファイル %1 に証明書がありません。</translation>
    </message>
    <message>
        <source>The client certificate or key cannot be read.</source>
        <translation>クライアント証明書または鍵を読み取れません。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Net::FhirError</name>
    <message>
        <source>The sharing service could not be reached.</source>
        <translation>共有サービスに接続できませんでした。</translation>
    </message>
    <message>
        <source>The sharing service did not answer in time.</source>
        <translation>共有サービスが時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>The secure connection to the sharing service failed (certificate or card problem).</source>
        <translation>共有サービスとの安全な接続に失敗しました（証明書またはカードの問題）。</translation>
    </message>
    <message>
        <source>The sharing service rejected the request as invalid.</source>
        <translation>共有サービスが要求を不正として拒否しました。</translation>
    </message>
    <message>
        <source>The sharing service did not accept your credentials. Check the card and sign in again.</source>
        <translation>共有サービスが資格情報を受け付けませんでした。カードを確認して再度ログインしてください。</translation>
    </message>
    <message>
        <source>You are not allowed to see this record (no consent, or your role does not permit it).</source>
        <translation>この記録を閲覧する権限がありません（同意がないか、資格により許可されていません）。</translation>
    </message>
    <message>
        <source>The sharing service does not have this record.</source>
        <translation>共有サービスにこの記録はありません。</translation>
    </message>
    <message>
        <source>This record has been removed from the sharing service.</source>
        <translation>この記録は共有サービスから削除されています。</translation>
    </message>
    <message>
        <source>The sharing service is busy (too many requests). Try again shortly.</source>
        <translation>共有サービスが混み合っています（要求が多すぎます）。しばらくしてから再試行してください。</translation>
    </message>
    <message>
        <source>The sharing service had an internal problem (HTTP %1). Try again later.</source>
        <translation>共有サービスで内部エラーが発生しました（HTTP %1）。後で再試行してください。</translation>
    </message>
    <message>
        <source>The sharing service answered with an unexpected status (HTTP %1).</source>
        <translation>共有サービスが予期しない状態を返しました（HTTP %1）。</translation>
    </message>
    <message>
        <source>The sharing service sent data that could not be read (broken JSON).</source>
        <translation>共有サービスから読み取れないデータが届きました（壊れた JSON）。</translation>
    </message>
    <message>
        <source>The sharing service pointed to another server (%1) for the rest of the data; it was not followed.</source>
        <translation>共有サービスが残りのデータについて別のサーバ（%1）を指定しましたが、接続していません。</translation>
    </message>
    <message>
        <source>The sharing service offers no way to read a whole record.</source>
        <translation>共有サービスには記録全体を読み出す手段がありません。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <source>The service said: %1</source>
        <translation>サービスからの通知：%1</translation>
    </message>
    <message>
        <source>The sharing service's certificate has been revoked (the certificate status the server sent says so); the connection was refused.</source>
        <translation>共有サービスのサーバー証明書は失効しています（サーバーが送った証明書の状態がそう示しています）。接続を拒否しました。</translation>
    </message>
    <message>
        <source>The sharing service's certificate requires the server to send its current certificate status (OCSP must-staple), and the server sent none that could be used; the connection was refused. Ask the service's operator.</source>
        <translation>共有サービスのサーバー証明書は、サーバーが現在の証明書の状態（OCSP must-staple）を送ることを求めていますが、使える状態が送られてきませんでした。接続を拒否しました。サービスの運用者に問い合わせてください。</translation>
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
    <name>Kakehashi::PatientRecordLoader</name>
    <message numerus="yes">
        <source>%n cached item(s) could not be read and were left out.</source>
        <translation>
            <numerusform>キャッシュの %n 件を読み取れなかったため除外しました。</numerusform>
        </translation>
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
    <message>
        <source>All items</source>
        <translation>すべての項目</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>画像を開く</translation>
    </message>
    <message>
        <source>Medication safety</source>
        <translation>薬剤の安全性</translation>
    </message>
    <message>
        <source>Open document</source>
        <translation>文書を開く</translation>
    </message>
    <message>
        <source>Emergency summary</source>
        <translation>救急サマリー</translation>
    </message>
    <message>
        <source>Allergies, current medications, problems, recent visits and surgery on one screen</source>
        <translation>アレルギー、現在の薬剤、病名、最近の受診、手術を1画面で表示</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意: %1</translation>
    </message>
    <message>
        <source>Medical institution code</source>
        <translation>医療機関コード</translation>
    </message>
    <message>
        <source>Compare with prior</source>
        <translation>過去画像と比較</translation>
    </message>
</context>
<context>
    <name>Kakehashi::PdfDocumentPane</name>
    <message>
        <source>PDF document</source>
        <translation>PDF文書</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ 前のページ</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>次のページ ▶</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <source>Search in the PDF</source>
        <translation>PDF内を検索</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>次の一致</translation>
    </message>
    <message>
        <source>Copy page text</source>
        <translation>ページのテキストをコピー</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ一覧</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n件一致</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>%1ページ</translation>
    </message>
    <message>
        <source> / %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <source>match %1 of %2</source>
        <translation>%2件中 %1件目</translation>
    </message>
</context>
<context>
    <name>Kakehashi::PdfProbe</name>
    <message>
        <source>The PDF is encrypted (password-protected). The viewer does not open password-protected files; ask the sender for an unprotected copy.</source>
        <translation>このPDFは暗号化（パスワード保護）されています。ビューワはパスワード保護されたファイルを開きません。送信元に保護なしの版を依頼してください。</translation>
    </message>
    <message>
        <source>The PDF uses a security scheme the viewer does not support.</source>
        <translation>このPDFはビューワが対応していないセキュリティ方式を使っています。</translation>
    </message>
    <message>
        <source>The PDF is damaged or incomplete (not a valid PDF file).</source>
        <translation>このPDFは壊れているか不完全です（有効なPDFファイルではありません）。</translation>
    </message>
    <message>
        <source>The PDF is incomplete (its data ends early).</source>
        <translation>このPDFは不完全です（データが途中で終わっています）。</translation>
    </message>
    <message>
        <source>The PDF could not be opened.</source>
        <translation>このPDFを開けませんでした。</translation>
    </message>
    <message>
        <source>The PDF is too large to show (%1 MB; at most %2 MB).</source>
        <translation>PDFが大きすぎるため表示できません（%1 MB、上限 %2 MB）。</translation>
    </message>
    <message>
        <source>The PDF has no pages.</source>
        <translation>このPDFにはページがありません。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::PrintMenu</name>
    <message>
        <source>Emergency summary</source>
        <translation>救急サマリー</translation>
    </message>
    <message>
        <source>all facilities in the record: %1</source>
        <translation>記録のすべての医療機関: %1</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>印刷(&amp;P)</translation>
    </message>
    <message>
        <source>Print document…</source>
        <translation>文書を印刷…</translation>
    </message>
    <message>
        <source>Export document as PDF…</source>
        <translation>文書をPDFに書き出す…</translation>
    </message>
    <message>
        <source>Print emergency summary…</source>
        <translation>救急サマリーを印刷…</translation>
    </message>
    <message>
        <source>Export emergency summary as PDF…</source>
        <translation>救急サマリーをPDFに書き出す…</translation>
    </message>
    <message>
        <source>Export emergency summary as PDF</source>
        <translation>救急サマリーのPDF書き出し</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Print emergency summary</source>
        <translation>救急サマリーの印刷</translation>
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
    <message>
        <source>a value or reference range is not a number; it is shown as written, not plotted or flagged</source>
        <translation>値または基準範囲が数値ではありません。記載どおりに表示し、グラフ化・高低判定はしません</translation>
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
        <translation>
            <numerusform>患者の指定がない診療リソース %n 件は表示していません</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) withheld by the patient's disclosure settings</source>
        <translation>
            <numerusform>患者の開示設定により %n 件が非開示</numerusform>
        </translation>
    </message>
    <message>
        <source>insurance member ID</source>
        <translation>被保険者番号</translation>
    </message>
    <message>
        <source>facility patient ID (%1)</source>
        <translation>医療機関の患者ID（%1）</translation>
    </message>
    <message>
        <source>identifier (%1)</source>
        <translation>識別子（%1）</translation>
    </message>
    <message>
        <source>%1 and %2 share an identifier (%3) but differ in birth date or sex; they are shown as two people. Check the patient's identity.</source>
        <translation>%1 と %2 は同じ識別子（%3）を持ちますが、生年月日または性別が異なるため、別の人として表示しています。患者の本人確認をしてください。</translation>
    </message>
    <message>
        <source>%1 and %2 have the same %3 and are shown as one person.</source>
        <translation>%1 と %2 は同じ%3を持つため、同一人物として表示しています。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::RecordCache</name>
    <message>
        <source>The local cache cannot be opened: %1</source>
        <translation>ローカルキャッシュを開けません：%1</translation>
    </message>
    <message>
        <source>The local cache was written by a newer version of Kakehashi.</source>
        <translation>ローカルキャッシュは新しいバージョンの架け橋で書かれています。</translation>
    </message>
    <message>
        <source>The local cache could not be upgraded: %1</source>
        <translation>ローカルキャッシュを更新できませんでした：%1</translation>
    </message>
    <message>
        <source>The local cache cannot be written: %1</source>
        <translation>ローカルキャッシュに書き込めません：%1</translation>
    </message>
    <message>
        <source>The local cache cannot be written: encryption failed.</source>
        <translation>ローカルキャッシュに書き込めません：暗号化に失敗しました。</translation>
    </message>
    <message>
        <source>The local cache cannot be read: %1</source>
        <translation>ローカルキャッシュを読み取れません：%1</translation>
    </message>
    <message>
        <source>not an SQLite connection</source>
        <translation>SQLite の接続ではありません</translation>
    </message>
    <message>
        <source>the cache file is in use by another program (another Kakehashi window?); close it and purge again</source>
        <translation>キャッシュファイルが別のプログラム（別の Kakehashi ウィンドウなど）で使用中です。それを閉じてから、もう一度消去してください</translation>
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
    <name>Kakehashi::RolePolicy</name>
    <message>
        <source>Pharmacy view: disease names and medications only</source>
        <translation>薬局向け表示：病名と薬剤のみ</translation>
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
    <name>Kakehashi::ServiceBanners</name>
    <message>
        <source>Emergency access</source>
        <translation>緊急時アクセス</translation>
    </message>
    <message>
        <source>Sharing-service status</source>
        <translation>共有サービスの状態</translation>
    </message>
    <message>
        <source>Offline: showing cached data from %1. It is read-only and may be out of date. %2</source>
        <translation>オフライン：%1 時点のキャッシュを表示しています。閲覧のみで、最新でない可能性があります。%2</translation>
    </message>
    <message>
        <source>The record is incomplete: the sharing service failed part-way. Showing what arrived and what was cached before. %1</source>
        <translation>記録は不完全です：共有サービスが途中で失敗しました。受信済みの内容と以前のキャッシュを表示しています。%1</translation>
    </message>
    <message>
        <source>Patient %1 is not in the local cache, and the sharing service cannot be reached: %2</source>
        <translation>患者 %1 はローカルキャッシュになく、共有サービスにも接続できません：%2</translation>
    </message>
    <message>
        <source>No consent: the patient has not agreed to share this record with you. %1</source>
        <translation>同意なし：患者はこの記録をあなたと共有することに同意していません。%1</translation>
    </message>
    <message>
        <source>The record could not be loaded: %1</source>
        <translation>記録を読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>In an emergency, use Service › Emergency access.</source>
        <translation>緊急時は「サービス › 緊急時の閲覧」を使ってください。</translation>
    </message>
    <message>
        <source>EMERGENCY ACCESS (break the glass): this record was opened without the patient's consent at %1. Reason: %2. The access is recorded in the patient's access history.</source>
        <translation>緊急時アクセス（ブレイクグラス）：この記録は %1 に患者の同意なしで開かれました。理由：%2。このアクセスは患者の閲覧履歴に記録されます。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::ServiceMenu</name>
    <message>
        <source>&amp;Service</source>
        <translation>サービス(&amp;S)</translation>
    </message>
    <message>
        <source>Connection settings…</source>
        <translation>接続設定…</translation>
    </message>
    <message>
        <source>Refresh patient</source>
        <translation>患者情報を更新</translation>
    </message>
    <message>
        <source>Emergency access…</source>
        <translation>緊急時の閲覧…</translation>
    </message>
    <message>
        <source>Read the record without the patient's consent, stating why (break the glass).</source>
        <translation>理由を明示して、患者の同意なしに記録を閲覧します（ブレークグラス）。</translation>
    </message>
    <message>
        <source>Access history…</source>
        <translation>閲覧履歴…</translation>
    </message>
    <message>
        <source>The records you opened on this workstation, and whether the log is intact.</source>
        <translation>この端末で開いた記録と、履歴が改ざんされていないかを表示します。</translation>
    </message>
    <message>
        <source>Purge cached records…</source>
        <translation>キャッシュした記録を消去…</translation>
    </message>
    <message>
        <source>Emergency access</source>
        <translation>緊急時アクセス</translation>
    </message>
    <message>
        <source>Why do you need this record without the patient's consent?
The reason is sent to the sharing service and recorded in the access history.</source>
        <translation>患者の同意なしにこの記録が必要な理由を入力してください。
理由は共有サービスに送信され、閲覧履歴に記録されます。</translation>
    </message>
    <message>
        <source>Emergency access needs a reason.</source>
        <translation>緊急時の閲覧には理由が必要です。</translation>
    </message>
    <message>
        <source>Purge cached records</source>
        <translation>キャッシュした記録を消去</translation>
    </message>
    <message>
        <source>Remove every record cached on this computer? Patients will have to be loaded from the sharing service again.</source>
        <translation>このコンピュータにキャッシュしたすべての記録を消去しますか？ 患者の記録は共有サービスから再度読み込む必要があります。</translation>
    </message>
    <message>
        <source>Removing the cached records…</source>
        <translation>キャッシュされた記録を削除しています…</translation>
    </message>
    <message>
        <source>Connection saved. It is used the next time you connect.</source>
        <translation>接続を保存しました。次回の接続から使われます。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::ServicePanel</name>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Kanji or katakana, e.g. ヤマダ</source>
        <translation>漢字またはカタカナ（例：ヤマダ）</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>患者氏名</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Any</source>
        <comment>gender</comment>
        <translation>指定なし</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男性</translation>
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
    <message>
        <source>insurer:symbol:number:branch</source>
        <translation>保険者番号:記号:番号:枝番</translation>
    </message>
    <message>
        <source>Insurance member ID</source>
        <translation>被保険者番号</translation>
    </message>
    <message>
        <source>10-digit institution code</source>
        <translation>10桁の医療機関コード</translation>
    </message>
    <message>
        <source>Medical institution code</source>
        <translation>医療機関コード</translation>
    </message>
    <message>
        <source>Facility patient ID</source>
        <translation>施設の患者ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Institution code</source>
        <translation>医療機関コード</translation>
    </message>
    <message>
        <source>The birth date must be written as YYYY-MM-DD.</source>
        <translation>生年月日は YYYY-MM-DD の形式で入力してください。</translation>
    </message>
    <message>
        <source>A facility patient ID needs the 10-digit institution code.</source>
        <translation>施設の患者ID には10桁の医療機関コードが必要です。</translation>
    </message>
    <message>
        <source>Enter at least one search field.</source>
        <translation>検索条件を1つ以上入力してください。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>検索に失敗しました：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) found.</source>
        <translation>
            <numerusform>%n 名の患者が見つかりました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kakehashi::Session::CacheMaintenance</name>
    <message>
        <source>There is no local cache.</source>
        <translation>ローカルキャッシュはありません。</translation>
    </message>
    <message>
        <source>The cached records could not be removed: %1</source>
        <translation>キャッシュされた記録を削除できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Session::CardSession</name>
    <message>
        <source>Loading the card reader software…</source>
        <translation>カードリーダーのソフトウェアを読み込んでいます…</translation>
    </message>
    <message>
        <source>Reading the card…</source>
        <translation>カードを読み取っています…</translation>
    </message>
    <message>
        <source>Checking the PIN on the card…</source>
        <translation>カードで PIN を確認しています…</translation>
    </message>
    <message>
        <source>Preparing the card's key for the secure connection…</source>
        <translation>安全な接続のためにカードの鍵を準備しています…</translation>
    </message>
    <message>
        <source>The card is signing to unlock the local cache…</source>
        <translation>ローカルキャッシュを開くためにカードで署名しています…</translation>
    </message>
    <message>
        <source>Logging the card out…</source>
        <translation>カードからログアウトしています…</translation>
    </message>
    <message>
        <source>The connection "%1" names no trust anchor for the sharing service; the card is presented only to a service verified against the connection's own CAs.</source>
        <translation>接続「%1」に共有サービスのトラストアンカーが指定されていません。カードは、接続で指定した認証局で検証できたサービスにのみ提示します。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Session::RecordController</name>
    <message>
        <source>"%1" is not a usable sharing-service address.</source>
        <translation>「%1」は共有サービスのアドレスとして使えません。</translation>
    </message>
    <message>
        <source>Already connected to a sharing service.</source>
        <translation>すでに共有サービスに接続しています。</translation>
    </message>
    <message>
        <source>Sign in with your HPKI card to use %1.</source>
        <translation>%1 を使うには HPKI カードでログインしてください。</translation>
    </message>
    <message>
        <source>(no card)</source>
        <translation>（カードなし）</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Session::SignInFailure</name>
    <message>
        <source>Few PIN attempts remain before the card locks.</source>
        <translation>カードがロックされるまでの PIN 入力の残り回数はわずかです。</translation>
    </message>
    <message>
        <source>One PIN attempt remains: a wrong PIN will lock the card.</source>
        <translation>PIN 入力は残り1回です。誤るとカードがロックされます。</translation>
    </message>
    <message>
        <source>No PIN attempts remain: the card is locked.</source>
        <translation>PIN 入力の残り回数はありません。カードはロックされています。</translation>
    </message>
    <message>
        <source>The card does not say how many attempts remain before it locks.</source>
        <translation>ロックまでの残り回数はカードから通知されていません。</translation>
    </message>
    <message>
        <source>That card belongs to someone else. Unlock with the card that started this session, or quit and sign in again.</source>
        <translation>このカードは別の方のものです。このセッションを開始したカードでロックを解除するか、終了してサインインし直してください。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::Session::StudyRetrieval</name>
    <message>
        <source>the image cache could not be written</source>
        <translation>画像キャッシュに書き込めませんでした</translation>
    </message>
    <message>
        <source>Frame %1 was not fetched: the study was closed.</source>
        <translation>フレーム %1 は取得されませんでした: 検査が閉じられました。</translation>
    </message>
    <message>
        <source>Frame %1 is not in the image cache, and no PACS is set for this study.</source>
        <translation>フレーム %1 は画像キャッシュになく、この検査の PACS も設定されていません。</translation>
    </message>
    <message>
        <source>Frame %1 cannot be shown: %2</source>
        <translation>フレーム %1 を表示できません: %2</translation>
    </message>
    <message>
        <source>Frame %1: the PACS did not answer in time.</source>
        <translation>フレーム %1: PACS が時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>Frame %1: the PACS cannot be reached (%2).</source>
        <translation>フレーム %1: PACS に接続できません（%2）。</translation>
    </message>
    <message>
        <source>Frame %1 is not on the PACS (HTTP 404).</source>
        <translation>フレーム %1 は PACS にありません（HTTP 404）。</translation>
    </message>
    <message>
        <source>The PACS refused frame %1 (%2).</source>
        <translation>PACS がフレーム %1 の要求を拒否しました（%2）。</translation>
    </message>
    <message>
        <source>Frame %1: the PACS answer cannot be read (%2).</source>
        <translation>フレーム %1: PACS の応答を読み取れません（%2）。</translation>
    </message>
    <message>
        <source>Frame %1: this PACS does not send single frames.</source>
        <translation>フレーム %1: この PACS はフレーム単位の送信に対応していません。</translation>
    </message>
    <message>
        <source>Frame %1 could not be fetched (%2).</source>
        <translation>フレーム %1 を取得できませんでした（%2）。</translation>
    </message>
    <message>
        <source>Frame %1 does not exist (the image has %2).</source>
        <translation>フレーム %1 はありません（この画像は %2 フレーム）。</translation>
    </message>
    <message>
        <source>Frame %1 is not in the image cache and the study is closed.</source>
        <translation>フレーム %1 は画像キャッシュになく、検査は閉じられています。</translation>
    </message>
    <message>
        <source>Frame %1: the PACS's certificate has been revoked; the connection was refused.</source>
        <translation>フレーム %1: PACS のサーバー証明書は失効しています。接続を拒否しました。</translation>
    </message>
    <message>
        <source>Frame %1: the PACS sent no usable certificate status although its certificate requires one; the connection was refused.</source>
        <translation>フレーム %1: PACS の証明書は証明書の状態の送信を求めていますが、使える状態が送られてきませんでした。接続を拒否しました。</translation>
    </message>
</context>
<context>
    <name>Kakehashi::SessionBar</name>
    <message>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kakehashi&lt;/b&gt; 架け橋</source>
        <translation>&lt;b&gt;架け橋&lt;/b&gt; Kakehashi</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>デモモード</translation>
    </message>
    <message>
        <source>Reference date</source>
        <comment>the moment the record is read as of</comment>
        <translation>基準日時</translation>
    </message>
    <message>
        <source>Role preview</source>
        <translation>役割のプレビュー</translation>
    </message>
    <message>
        <source>Display time zone</source>
        <translation>表示タイムゾーン</translation>
    </message>
    <message>
        <source>Times in %1</source>
        <comment>the display time zone</comment>
        <translation>時刻は %1</translation>
    </message>
    <message>
        <source>Every time is shown in %1, not in Japan time (setting display/timeZone or --time-zone).</source>
        <translation>すべての時刻を日本時間ではなく %1 で表示しています（設定 display/timeZone または --time-zone）。</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>ログイン中の利用者</translation>
    </message>
    <message>
        <source>Pharmacy view</source>
        <translation>薬局向け表示</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>user name (role)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>user (role) — organisation</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Demo data seen as this user would see it after signing in with an HPKI card. Nothing here comes from a card.</source>
        <translation>HPKI カードでログインしたこの利用者に見えるとおりにデモデータを表示しています。カードの情報は使っていません。</translation>
    </message>
    <message>
        <source>DEMO — as of %1</source>
        <translation>デモ — %1 時点</translation>
    </message>
    <message>
        <source>Fictional patients. The demo reads as of %1: what is current is current on that date.</source>
        <translation>架空の患者です。デモは %1 時点の内容として表示されます。</translation>
    </message>
    <message>
        <source>As of %1</source>
        <comment>the record is read as of this date and time</comment>
        <translation>%1 時点</translation>
    </message>
    <message>
        <source>What is current (medications in use, recent encounters, ages, the timeline's today line) is reckoned at %1, not at the computer's clock.</source>
        <translation>服用中の薬・最近の受診・年齢・タイムラインの今日線は、コンピュータの時計ではなく %1 を基準に判定しています。</translation>
    </message>
    <message>
        <source>DEMO — not real patients</source>
        <translation>デモ — 実在の患者ではありません</translation>
    </message>
</context>
<context>
    <name>Kakehashi::SharingServiceSource</name>
    <message>
        <source>The sharing service returned patient %1 but no records at all (no diseases, medications, results or visits). This is not the same as "nothing recorded": the service or the search may have failed. Ask the service or check another way.</source>
        <translation>共有サービスは患者 %1 を返しましたが、記録が1件もありません（病名・処方・検査結果・受診歴なし）。「記録なし」と同じ意味ではありません。サービスまたは検索が失敗している可能性があります。サービスに確認するか、別の方法で確かめてください。</translation>
    </message>
    <message numerus="yes">
        <source>This person has more than %n linked patient records; only the first %n were fetched.</source>
        <translation>
            <numerusform>この人には %n 件を超える関連する患者記録があります。最初の %n 件だけを取得しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 points into a Bundle that did not contain it.</source>
        <translation>%1 は Bundle 内の資源を指していますが、その Bundle に含まれていません。</translation>
    </message>
    <message>
        <source>%1 is not a reference the viewer can follow.</source>
        <translation>%1 はたどることのできない参照です。</translation>
    </message>
    <message>
        <source>%1 is on another server (%2); only the sharing service itself is asked.</source>
        <translation>%1 は別のサーバー（%2）にあります。問い合わせるのは共有サービス自身だけです。</translation>
    </message>
    <message>
        <source>The sharing service did not return %1 when asked for it.</source>
        <translation>共有サービスに %1 を問い合わせましたが、返されませんでした。</translation>
    </message>
    <message>
        <source>%1 was not fetched: references nested too deeply.</source>
        <translation>%1 は取得していません（参照の入れ子が深すぎます）。</translation>
    </message>
    <message>
        <source>Asking the sharing service for %1 failed: %2</source>
        <translation>共有サービスへの %1 の問い合わせに失敗しました: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n facility reference(s) could not be resolved; those items are shown as "%1" with the reason in their details.</source>
        <translation>
            <numerusform>%n 件の施設参照を解決できませんでした。該当する項目は「%1」と表示し、理由を詳細に示します。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kakehashi::SignInDialog</name>
    <message>
        <source>Few PIN attempts remain before the card locks.</source>
        <translation>カードがロックされるまでの PIN 試行回数が残りわずかです。</translation>
    </message>
    <message>
        <source>Last attempt: a wrong PIN locks the card.</source>
        <translation>最後の試行です。間違えるとカードがロックされます。</translation>
    </message>
    <message>
        <source>The PIN is locked. Ask the card issuer to unlock it.</source>
        <translation>PIN がロックされています。カードの発行元にロック解除を依頼してください。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Sign in with HPKI card</source>
        <translation>HPKI カードでログイン</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>list of cards</comment>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Card:</source>
        <translation>カード：</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>証明書：</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>card label (card model)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Insert your HPKI card.</source>
        <translation>HPKI カードを挿入してください。</translation>
    </message>
    <message>
        <source>This card holds no authentication certificate (only a signing certificate or none).</source>
        <translation>このカードには認証用証明書がありません（署名用証明書のみ、またはなし）。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>kanji name (romaji name)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <comment>HPKI role</comment>
        <translation>資格：%1</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>所属：%1</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>発行者：%1</translation>
    </message>
    <message>
        <source>Valid: %1 – %2</source>
        <translation>有効期間：%1 – %2</translation>
    </message>
    <message>
        <source>The card is working</source>
        <translation>カードが処理中です</translation>
    </message>
</context>
<context>
    <name>Kakehashi::TimelinePane</name>
    <message>
        <source>Categories</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Show categories</source>
        <translation>表示する分類</translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation>施設</translation>
    </message>
    <message>
        <source>Show facilities</source>
        <translation>表示する施設</translation>
    </message>
    <message>
        <source>any</source>
        <comment>no date limit</comment>
        <translation>指定なし</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>Search the record…</source>
        <translation>記録を検索…</translation>
    </message>
    <message>
        <source>Search the record</source>
        <translation>記録を検索</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>すべて表示</translation>
    </message>
    <message>
        <source>Zoom to the whole record (Home)</source>
        <translation>記録全体を表示（Home）</translation>
    </message>
    <message>
        <source>Withheld items</source>
        <translation>非開示の項目</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>to</source>
        <comment>date range</comment>
        <translation>〜</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) withheld by the patient's disclosure settings</source>
        <translation>
            <numerusform>患者の開示設定により %n 件が非開示</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing withheld</source>
        <translation>非開示なし</translation>
    </message>
</context>
<context>
    <name>Kakehashi::TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Patient history over time by category. Left and right arrows pan, plus and minus zoom, Home shows everything, Ctrl+arrows move between items, Enter opens the selected item.</source>
        <translation>分類ごとの経過を時間軸で表示します。左右の矢印で移動、＋と−で拡大縮小、Home で全体表示、Ctrl＋矢印で項目間を移動、Enter で選択した項目を開きます。</translation>
    </message>
    <message>
        <source>No items to show</source>
        <translation>表示する項目はありません</translation>
    </message>
    <message>
        <source>No items match the filters</source>
        <translation>条件に合う項目はありません</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Not yet told to the patient (UNINFORMED)</source>
        <translation>患者に未告知（UNINFORMED）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) between %1 and %2. Zoom in to see them.</source>
        <translation>
            <numerusform>%1〜%2 に %n 件あります。拡大すると表示されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Source</source>
        <comment>facility an item came from</comment>
        <translation>情報元</translation>
    </message>
    <message>
        <source>Undated</source>
        <comment>items without a date</comment>
        <translation>日付なし</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) without a date</source>
        <translation>
            <numerusform>日付のない項目 %n件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevocationResult</name>
    <message>
        <source>The card's certificate has not been checked for revocation.</source>
        <translation>カードの証明書の失効はまだ確認されていません。</translation>
    </message>
    <message>
        <source>The card's certificate is not revoked (certificate revocation list of %1, kept on this workstation; the certification authority could not be reached).</source>
        <translation>カードの証明書は失効していません（この端末に保存された %1 の証明書失効リストによる。認証局には接続できませんでした）。</translation>
    </message>
    <message>
        <source>The card's certificate is not revoked (certificate revocation list of %1).</source>
        <translation>カードの証明書は失効していません（%1 の証明書失効リストによる）。</translation>
    </message>
    <message>
        <source>The card's certificate has been revoked by its certification authority (since %1).</source>
        <translation>カードの証明書は認証局によって失効されています（%1 から）。</translation>
    </message>
    <message>
        <source>The card's certificate has been revoked by its certification authority.</source>
        <translation>カードの証明書は認証局によって失効されています。</translation>
    </message>
    <message>
        <source>The certificate revocation list (CRL) of the card's certification authority could not be obtained, so it is not known whether the card's certificate has been revoked.</source>
        <translation>カードの認証局の証明書失効リスト（CRL）を取得できなかったため、カードの証明書が失効しているかどうか分かりません。</translation>
    </message>
    <message>
        <source>The certificate revocation list (CRL) at hand expired on %1 and no newer one could be obtained, so it is not known whether the card's certificate has been revoked.</source>
        <translation>手元の証明書失効リスト（CRL）は %1 に期限が切れており、新しいものを取得できなかったため、カードの証明書が失効しているかどうか分かりません。</translation>
    </message>
    <message>
        <source>The certificate revocation list (CRL) obtained is not signed by the card's certification authority; it cannot be trusted to say whether the card's certificate has been revoked.</source>
        <translation>取得した証明書失効リスト（CRL）にはカードの認証局による正しい署名がないため、カードの証明書が失効しているかどうかの判断には使えません。</translation>
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
    <message>
        <source>"%1" is neither a saved connection nor a service URL.</source>
        <translation>「%1」は保存済みの接続でもサービスの URL でもありません。</translation>
    </message>
    <message>
        <source>This patient's record lists no imaging study.</source>
        <translation>この患者の記録に画像検査はありません。</translation>
    </message>
    <message>
        <source>%1 needs a card sign-in, which --screenshot cannot do.</source>
        <translation>%1 にはカードでのログインが必要ですが、--screenshot ではログインできません。</translation>
    </message>
    <message>
        <source>Card trust anchor file %1 holds no certificate.</source>
        <translation>カード用トラストアンカーのファイル %1 に証明書がありません。</translation>
    </message>
    <message>
        <source>No documents</source>
        <translation>文書なし</translation>
    </message>
    <message>
        <source>This patient's record lists no document that can be opened.</source>
        <translation>この患者の記録に開ける文書はありません。</translation>
    </message>
    <message>
        <source>No display was found. Run Kakehashi on a desktop, or use --screenshot FILE or --summary, or set QT_QPA_PLATFORM=offscreen.</source>
        <translation>画面（ディスプレイ）が見つかりません。デスクトップで起動するか、--screenshot FILE または --summary を使うか、QT_QPA_PLATFORM=offscreen を設定してください。</translation>
    </message>
    <message>
        <source>Demo Pharmacist</source>
        <translation>デモ薬剤師</translation>
    </message>
    <message>
        <source>Pharmacist</source>
        <translation>薬剤師</translation>
    </message>
    <message>
        <source>Kakehashi Demo Pharmacy</source>
        <translation>架け橋デモ薬局</translation>
    </message>
    <message>
        <source>Preview: what a pharmacist sees (no card)</source>
        <translation>プレビュー：薬剤師に見える画面（カードなし）</translation>
    </message>
    <message>
        <source>Demo Emergency Physician</source>
        <translation>デモ救急医</translation>
    </message>
    <message>
        <source>Kakehashi Demo Hospital (ER)</source>
        <translation>架け橋デモ病院（救急外来）</translation>
    </message>
    <message>
        <source>Preview: what emergency staff see (no card)</source>
        <translation>プレビュー：救急の医療者に見える画面（カードなし）</translation>
    </message>
    <message>
        <source>Preview: what a doctor sees (no card)</source>
        <translation>プレビュー：医師に見える画面（カードなし）</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>サインイン拒否</translation>
    </message>
    <message>
        <source>This patient's record has no document %1 that can be opened.</source>
        <translation>この患者の記録には、開ける文書 %1 がありません。</translation>
    </message>
    <message>
        <source>No such document</source>
        <translation>該当する文書がありません</translation>
    </message>
</context>
</TS>
