<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CardRevocation</name>
    <message>
        <source>Card certificate warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign-in refused: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Warning: %1 You are signed in because the connection "%2" allows sign-in without a revocation check (soft-fail).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HpkiCardError</name>
    <message>
        <source>Few PIN attempts remain before the card locks.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One PIN attempt remains: a wrong PIN will lock the card.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PIN is locked; ask the card issuer to unlock it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card reader software (PKCS#11 module) could not be loaded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No HPKI card was found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PIN is not correct.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card's PIN is locked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PIN has the wrong length or contains characters the card does not accept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The HPKI card was removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in with your HPKI card first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card holds no authentication certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card's authentication key could not be used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The OpenSSL PKCS#11 engine is not installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card reported an error.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card's key type cannot protect the record cache across sessions; cached records are kept for this session only.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HpkiCertificate</name>
    <message>
        <source>Doctor</source>
        <comment>HPKI role</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dentist</source>
        <comment>HPKI role</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pharmacist</source>
        <comment>HPKI role</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nurse</source>
        <comment>HPKI role</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other health professional</source>
        <comment>HPKI role</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No role in certificate</source>
        <comment>HPKI role</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HpkiCheck</name>
    <message>
        <source>The card's certificate could not be read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate has expired.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate is not valid yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate was not issued by a trusted HPKI certification authority.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate's signature is not valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate chain could not be verified.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is the card's signing certificate; it cannot be used to sign in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate is not allowed for authentication.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate names no health-care role; you can sign in without role-specific access.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::AccessHistory</name>
    <message>
        <source>The access history cannot be written: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The access history is locked by another program.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The access history cannot be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The access history cannot be written: encryption failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line %1 is not an access history entry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line %1 does not follow line %2: an entry was removed, reordered or changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line %1 is yours but no longer decrypts: it was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line %1 holds entry %2: entries were moved.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::AccessHistoryDialog</name>
    <message>
        <source>Access history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading the access history…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n record(s) opened by you.</source>
        <translation>
            <numerusform>%n record opened by you.</numerusform>
            <numerusform>%n records opened by you.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) of other users or earlier sessions are sealed and not shown.</source>
        <translation>
            <numerusform>%n entry of other users or earlier sessions are sealed and not shown.</numerusform>
            <numerusform>%n entrys of other users or earlier sessions are sealed and not shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>The log is intact: no entry was changed, removed or reordered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The log has been tampered with:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emergency (ETREAT): %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Treatment (TREAT)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export access history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The access history could not be exported: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::CardSessionUi</name>
    <message>
        <source>S&amp;ession</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card was removed. Insert it and unlock with your PIN.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Locked after a period without use. Unlock with your PIN.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock with your PIN.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removing the cached records…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cached records removed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::CategoryNames</name>
    <message>
        <source>Allergies and intolerances</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problems</source>
        <comment>diagnoses / disease history</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Medications</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lab results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vital signs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Procedures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encounters</source>
        <comment>visits and admissions</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Documents and reports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Imaging studies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Immunizations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::CdaReader</name>
    <message>
        <source>[multimedia not shown]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The CDA document is too large to read (%1 MB; at most %2 MB).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The CDA document declares a DTD or entities (&lt;!DOCTYPE&gt;/&lt;!ENTITY&gt;). CDA documents need none, and they can be used to read local files or exhaust memory, so it is not read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The XML parser could not be started.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not well-formed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The CDA document is not well-formed XML (%1, line %2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The XML document is not an HL7 CDA R2 ClinicalDocument.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Specific health check-up (特定健診, CDA)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Referral letter (CDA)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discharge summary (CDA)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CDA document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>born %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The body of this CDA document is not XML (%1) and is not shown here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Parts of this CDA document's narrative were too large or too deeply nested and were shortened.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::ClinicalDocumentReader</name>
    <message>
        <source>born %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conclusion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The content is a %1, not a FHIR document Bundle.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document Bundle has no entries.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document Bundle has no Composition, so it cannot be read as a document.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document is not valid JSON (%1 at byte %2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document is not a FHIR resource.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a document of this record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The content of this document was not kept with the record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document points at a %1, not at its content.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document's content is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document has no content to show.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document's content (%1) was not delivered with the record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attachment %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>type not stated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attachment: %1 (%2) — open it with “Attachments” above the document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attachment: %1 (%2) — on another server (%3); not fetched</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attachment: %1 (%2) — its content was not delivered with the document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a FHIR document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a PDF file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a CDA document (XML)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>plain text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a DICOM image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>content of an unknown kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The attachment is declared as %1 (%2), but its content is %3. It is not shown, because its type cannot be trusted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Documents of type %1 cannot be shown in the viewer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This document is XML (%1) but not a CDA document, so the viewer cannot show it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::ClinicalItemBuilder</name>
    <message>
        <source>Institution %1</source>
        <comment>medical institution number</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(untitled %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>suspected</source>
        <comment>condition verification status</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>drug</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>food</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>environment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>biologic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>high risk</source>
        <comment>allergy criticality</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>low risk</source>
        <comment>allergy criticality</comment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>prescribed duration</comment>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>dispensed</source>
        <comment>medication dispense</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>positive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ref. %1</source>
        <comment>reference range</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Admission</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emergency visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Home visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Virtual visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Outpatient visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 study</source>
        <comment>imaging modality</comment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n series</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message>
        <source>Unnamed facility</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Facility unknown (reference could not be resolved)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 was not delivered with the record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[withheld]</source>
        <comment>REDACTED: the value was removed under the patient's disclosure settings</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::ClinicalPanels</name>
    <message>
        <source>Follow the timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clinical panels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>List only what lies in the timeline's visible time range (current items are always listed)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (not disclosed to this role)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::ClinicalStatus</name>
    <message>
        <source>date unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>facility unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allergies: none known (stated by %1, %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drug contraindications: none known (stated by %1, %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allergies: not recorded in the shared record (this does not mean there are none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drug contraindications: not recorded in the shared record (this does not mean there are none)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Allergies: none shown, but %n item(s) of unstated kind were withheld by the patient's disclosure settings and may include allergies</source>
        <translation>
            <numerusform>Allergies: none shown, but %n item of unstated kind were withheld by the patient's disclosure settings and may include allergies</numerusform>
            <numerusform>Allergies: none shown, but %n items of unstated kind were withheld by the patient's disclosure settings and may include allergies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drug contraindications: none shown, but %n item(s) of unstated kind were withheld by the patient's disclosure settings and may include contraindications</source>
        <translation>
            <numerusform>Drug contraindications: none shown, but %n item of unstated kind were withheld by the patient's disclosure settings and may include contraindications</numerusform>
            <numerusform>Drug contraindications: none shown, but %n items of unstated kind were withheld by the patient's disclosure settings and may include contraindications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Allergies: none shown, but %n allergy item(s) were withheld by the patient's disclosure settings</source>
        <translation>
            <numerusform>Allergies: none shown, but %n allergy item were withheld by the patient's disclosure settings</numerusform>
            <numerusform>Allergies: none shown, but %n allergy items were withheld by the patient's disclosure settings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drug contraindications: none shown, but %n allergy item(s) were withheld by the patient's disclosure settings and may include contraindications</source>
        <translation>
            <numerusform>Drug contraindications: none shown, but %n allergy item were withheld by the patient's disclosure settings and may include contraindications</numerusform>
            <numerusform>Drug contraindications: none shown, but %n allergy items were withheld by the patient's disclosure settings and may include contraindications</numerusform>
        </translation>
    </message>
    <message>
        <source>Allergies: not disclosed to this role — their absence here means nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drug contraindications: not disclosed to this role — their absence here means nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allergies: unknown — no health record was loaded for this patient, only images</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drug contraindications: unknown — no health record was loaded for this patient, only images</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drug contraindications: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>(%n more withheld item(s) may include more)</source>
        <translation>
            <numerusform>(%n more withheld item may include more)</numerusform>
            <numerusform>(%n more withheld items may include more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kakehashi::ClinicalTableModel</name>
    <message>
        <source>Active</source>
        <comment>problem</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resolved</source>
        <comment>problem</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dispensed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prescribed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>UNINFORMED</source>
        <comment>not yet told to the patient</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Partly withheld</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not yet told to the patient (UNINFORMED): do not disclose on patient-facing output.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Onset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From</source>
        <comment>start of a period</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resolved on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Until</source>
        <comment>end of a period</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Medicine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dose and usage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference range</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Flag</source>
        <comment>abnormal flag of a lab result</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JLAC code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Class</source>
        <comment>encounter class: outpatient, inpatient …</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Codes (MEDIS, ICD-10)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prescribing facility</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source</source>
        <comment>facility an item came from</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dispensing pharmacy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::CommandLine</name>
    <message>
        <source>Kakehashi: integrated viewer for the health-record sharing service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start on the bundled demo data, without a card.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open this patient.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show this view: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interface language: ja or en.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Render offscreen, write a PNG and exit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print a JSON summary of what was loaded and exit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect to a sharing service (profile name or URL).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown language "%1": use ja or en.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown view "%1": use one of %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--summary needs something to load: --demo or --open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open local FHIR JSON or DICOM files, folders or DICOMDIRs (repeatable).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--service with --summary needs --patient.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--service cannot be combined with --demo or --open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--screenshot needs something to show: --demo, --open or --service.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read the records as of this moment instead of now: an ISO 8601 date or date-time, e.g. 2026-10-31 (noon) or 2026-10-31T09:30+09:00. The demo reads as of its own date unless this is given.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invalid --as-of "%1": use an ISO 8601 date or date-time, e.g. 2026-10-31 or 2026-10-31T09:30+09:00.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With --view documents or --view emergency: write what is shown as a PDF (with a header naming the facility, the patient and the reference time) and exit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show every time in this zone (an IANA name such as Asia/Tokyo or UTC) instead of the setting display/timeZone; by default Asia/Tokyo. Times not in Japan time carry the zone's name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With --demo: preview what this user sees, without a card: doctor, pharmacist or emergency.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Window size in pixels, e.g. 1366x768 (also the size of a --screenshot).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>WxH</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown time zone "%1": use an IANA name such as Asia/Tokyo or UTC.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invalid --window-size "%1": use WIDTHxHEIGHT, at least 640x480, e.g. 1366x768.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown role "%1": use doctor, pharmacist or emergency.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--role previews the demo only: add --demo (a real session takes the role from the HPKI card).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--export-pdf needs --view documents or --view emergency.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--export-pdf cannot be combined with --screenshot or --summary.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--export-pdf needs something to show: --demo or --open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The setting display/timeZone names an unknown time zone "%1"; times are shown in Asia/Tokyo.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With --view documents: open this document instead of the patient's newest: its key as --summary lists it (e.g. DocumentReference/p003-doc-01), or the id alone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--document needs --view documents.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::ConnectionProfileDialog</name>
    <message>
        <source>Allow emergency (break-the-glass) access</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sharing-service connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One PEM file per line. When empty, the system's CAs are used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PEM (development only; the HPKI card replaces it)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PEM (development only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FHIR base URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust anchor files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Client key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Purpose-of-use header</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emergency-reason header</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Request timeout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retries (429/503)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Page size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep cached records for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache size limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give the connection a name without slashes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The base URL must be an http or https address with a host.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give both the client certificate and its key, or neither.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Header names may contain only letters, digits and - _ . characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove cached records when signing out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retrieve with C-MOVE to this computer (instead of C-GET)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Service</source>
        <comment>settings page: the sharing service</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default: the p11-kit proxy (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PKCS#11 library that reads the HPKI card. The p11-kit proxy loads every module registered with p11-kit; OpenSC reads the card directly.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One certificate file (PEM or DER) per line, besides the shipped HPKI roots.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card trust anchor files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HPKI card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Never</source>
        <comment>idle lock</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Optional, e.g. X-Role: also send the certificate's role in this header</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock after idle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role header</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Used when no DICOMweb address is known</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Our storage port, registered at the PACS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DICOMweb base URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PACS host (DIMSE)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PACS port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PACS AE title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Our AE title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C-MOVE storage port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retrieval timeout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image cache size limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Imaging</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why the connection was not saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PKCS#11 module %1 does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card trust anchor file %1 holds no certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The DICOMweb URL must be an http or https address with a host.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PACS host name must not contain spaces.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PACS port must be a number from 1 to 65535.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PACS AE title must have 1 to 16 characters (letters, digits, spaces and marks, no backslash).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Our AE title must have 1 to 16 characters (letters, digits, spaces and marks, no backslash).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The C-MOVE storage port must be a number from 1 to 65535.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C-MOVE needs the PACS host.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings file cannot be written.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PKCS#11 modules (*.dll)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PKCS#11 modules (*.so *.so.*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card trust anchor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pharmacy view: show allergies and drug contraindications the service sends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off: pharmacists see disease names and medications only, as the sharing-service rule provides; the allergy banner then says they are not disclosed to this role.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refuse sign-in (hard-fail)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in with a warning (soft-fail)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When the card's certificate is revoked, or its CA's revocation list cannot be obtained, is expired or is not signed by the CA.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> h</source>
        <comment>hours</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How long after its next update a kept revocation list is still used when the CA cannot be reached.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revoked or unverifiable certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revocation list download timeout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline grace after next update</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One folder or DICOMDIR per line (e.g. a mounted CD). Searched when no PACS is set.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Local image folders</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::DicomFetchedFrames</name>
    <message>
        <source>the image could not be assembled (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the image's metadata is malformed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the image's metadata has no rows, columns or SOP Instance UID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the image's metadata gives %1 frames (at most %2 are accepted)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the image's header cannot be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the frame came in an unknown transfer syntax (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>frame %1 does not exist (the image has %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>frame %1 arrived empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>frame %1 holds %2 bytes; the image needs %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::DicomFrameDecoder</name>
    <message>
        <source>the file has no pixel data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the JPEG 2000 pixel data is not encapsulated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a JPEG 2000 fragment cannot be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the JPEG 2000 data holds %1 of %2 frames</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JPEG 2000 decoding failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the JPEG 2000 image size does not match Rows and Columns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the JPEG 2000 frames differ in layout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the decoded JPEG 2000 pixels cannot be stored</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the file holds no image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: Rows or Columns are missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the pixel data is truncated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: frame %2 does not exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the image cannot be decoded (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the pixel data is incomplete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the colour image cannot be rendered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: no such file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: not a readable DICOM file (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not a readable DICOM object (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the image is not available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: images in the transfer syntax %2 cannot be shown (not supported)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the RLE pixel data is not encapsulated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RLE data with %1 bits allocated and %2 samples per pixel cannot be shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the RLE data holds %1 fragments for %2 frames</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an RLE fragment cannot be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RLE decoding failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the decoded RLE pixels cannot be stored</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the image declares %1 bits allocated a sample; the viewer decodes 1, 8, 16 or 32</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the image declares %1 samples per pixel; the viewer decodes 1 (monochrome) or 3 (colour)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the image declares %1 × %2 pixels with %3 samples of %4 bits, %5 MiB a frame: larger than the viewer decodes (%6 MiB a frame)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the JPEG 2000 data of frame %1 has no readable image size: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the JPEG 2000 data of frame %1 declares %2 × %3 pixels with %4 components where the DICOM header declares %5 × %6 with %7</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the JPEG 2000 data of frame %1 is split into %2 tiles, more than the viewer decodes (%3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a frame fetched on its own is decoded asynchronously only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the JPEG data is malformed (a TEM marker before the frame header)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::DicomHeaderReader</name>
    <message>
        <source>%1: no such file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: not a readable DICOM file (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the character set %2 could not be converted</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::DicomPresentationReader</name>
    <message>
        <source>Presentation state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(no value)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>image %1</source>
        <comment>structured report: a referenced object</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 region</source>
        <comment>structured report: a spatial coordinate</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(section)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>… the report continues beyond %n line(s); not all of it is shown.</source>
        <translation>
            <numerusform>… the report continues beyond %n line; not all of it is shown.</numerusform>
            <numerusform>… the report continues beyond %n lines; not all of it is shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not a readable DICOM object (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the object holds no encapsulated document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the encapsulated document is %1 MiB, more than the viewer opens (%2 MiB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the encapsulated document cannot be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the encapsulated document is empty</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::DicomSeriesBuilder</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>this image is not fetched frame by frame</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::DicomSeriesScanner</name>
    <message>
        <source>%1: not a readable DICOMDIR (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the image has no pixel data (the file may be cut short)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Dicom::ImageSourceFactory</name>
    <message>
        <source>The DICOMweb address is not an http(s) URL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The DIMSE profile needs an AE title, a host and a port.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No local files or folders were given.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unsupported image endpoint type: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::DicomComparisonView</name>
    <message>
        <source>Left</source>
        <comment>comparison pane</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Right</source>
        <comment>comparison pane</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scroll together</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close comparison</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 pane: patient, study date and facility</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 pane images</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no patient ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>born %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>study date not recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>study %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>facility not recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>which study is older is unknown (study date not recorded)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>same study date as the other pane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>newer study</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>older study (prior)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>birth date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sex</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>patient ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Same patient not confirmed: too little is recorded in the files to tell. Check both labels before comparing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Same patient not confirmed: the %1 differs (another hospital's numbering?); nothing else recorded disagrees. Check both labels before comparing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DIFFERENT PATIENTS: the two series are not of the same person (%1 differ). This is not a prior of this patient.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Each pane scrolls on its own.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing to compare: a pane has no images.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scrolling together by relative slice number: the series do not share a frame of reference, so the same number need not be the same anatomy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scrolling together by slice position (same frame of reference).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The right pane has no slice at this position: its nearest is %1 mm away.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::DicomImageView</name>
    <message>
        <source>Lung</source>
        <comment>CT window preset</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mediastinum</source>
        <comment>CT window preset</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bone</source>
        <comment>CT window preset</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Brain</source>
        <comment>CT window preset</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File window %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Se: %1 %2</source>
        <comment>overlay: series number and description</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Im: %1/%2</source>
        <comment>overlay: slice index</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loc: %1 mm</source>
        <comment>overlay: slice location</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>W: %1 L: %2</source>
        <comment>overlay: window width and level</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom: %1%</source>
        <comment>overlay</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No images</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 mm</source>
        <comment>distance</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 px</source>
        <comment>distance without pixel spacing</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>★ Key image: %1</source>
        <comment>overlay: the slice is marked by a key object selection</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Presentation state: %1</source>
        <comment>overlay</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Presentation state hidden: %1</source>
        <comment>overlay</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(no label)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This image could not be shown.
%1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::DicomPatients</name>
    <message>
        <source>no patient ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DICOM files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>only DICOM images were opened for this patient; no health record (diseases, medications, allergies, lab results) was loaded, so nothing is known about them here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 study</source>
        <comment>imaging modality</comment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n series</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kakehashi::DicomViewerWidget</name>
    <message>
        <source>Invert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cine</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 %2 (%n image(s))</source>
        <comment>series thumbnail</comment>
        <translation>
            <numerusform>%1 %2 (%n image)</numerusform>
            <numerusform>%1 %2 (%n images)</numerusform>
        </translation>
    </message>
    <message>
        <source>Window presets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patients, studies and series</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overlays</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the overlay planes (60xx) the file draws over the image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Study</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Presentation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Apply the presentation states (GSPS) of the opened files: their window, annotations and shutters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compare with prior</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show another series of this patient beside this one, scrolled together</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Structured report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key images</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Key images “%1”: none of its %n referenced image(s) is among the opened images.</source>
        <translation>
            <numerusform>Key images “%1”: none of its %n referenced image is among the opened images.</numerusform>
            <numerusform>Key images “%1”: none of its %n referenced images is among the opened images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Key images “%1”: %2 of %n referenced image(s) are not among the opened images.</source>
        <translation>
            <numerusform>Key images “%1”: %2 of %n referenced image are not among the opened images.</numerusform>
            <numerusform>Key images “%1”: %2 of %n referenced images are not among the opened images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>★ %n key image(s)</source>
        <comment>series row: images marked by a key object selection</comment>
        <translation>
            <numerusform>★ %n key image</numerusform>
            <numerusform>★ %n key images</numerusform>
        </translation>
    </message>
    <message>
        <source>Report: %1</source>
        <comment>browser row of a structured report</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient: %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no patient ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Study date: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Facility: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Completion: PARTIAL — this report is not complete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verification: UNVERIFIED — not signed off.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verification: VERIFIED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(the report has no content)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No other series of this patient is open to compare with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compare with…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Document (%1): %2</source>
        <comment>browser row of an encapsulated PDF or CDA</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ cannot be shown: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::DisplayText</name>
    <message>
        <source>Male</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other</source>
        <comment>gender</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown</source>
        <comment>gender</comment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <comment>age</comment>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remission</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Final</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preliminary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entered in error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Insurance member ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient ID (%1)</source>
        <comment>facility patient ID; %1 is the facility code</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Report</source>
        <comment>diagnostic report</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FHIR document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CDA / XML</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::DocumentDock</name>
    <message>
        <source>Document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This document cannot be shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encapsulated document</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::DocumentExport</name>
    <message>
        <source>page %1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The printer or file could not be opened for writing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PDF could not be written to %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not stated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Facility: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference time: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Printed by Kakehashi: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::DocumentHtml</name>
    <message>
        <source>No content: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Document type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Facility</source>
        <comment>the organisation that holds the document</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>preliminary (not final)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>entered in error — do not rely on this document</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n unsafe part(s) of this document (scripts, frames, remote content, event handlers) were removed before display.</source>
        <translation>
            <numerusform>%n unsafe part of this document (scripts, frames, remote content, event handlers) were removed before display.</numerusform>
            <numerusform>%n unsafe parts of this document (scripts, frames, remote content, event handlers) were removed before display.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) were not well-formed XHTML and are shown as plain text.</source>
        <translation>
            <numerusform>%n section were not well-formed XHTML and are shown as plain text.</numerusform>
            <numerusform>%n sections were not well-formed XHTML and are shown as plain text.</numerusform>
        </translation>
    </message>
    <message>
        <source>This document is too large to show in full; the rest was left out.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::DocumentResults</name>
    <message>
        <source>%1, %2</source>
        <comment>document title, date</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>also in the document “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>from the document “%1”</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::DocumentView</name>
    <message>
        <source>Document notice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the page did not finish loading</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shown with the basic renderer (KAKEHASHI_DOCUMENT_RENDERER=basic); layout may be simplified.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the web renderer stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a document from the record, the timeline or the Documents panel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This document cannot be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document's content is not available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not a document</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n unsafe part(s) of this document were removed before display; nothing in it can run or load content.</source>
        <translation>
            <numerusform>%n unsafe part of this document were removed before display; nothing in it can run or load content.</numerusform>
            <numerusform>%n unsafe parts of this document were removed before display; nothing in it can run or load content.</numerusform>
        </translation>
    </message>
    <message>
        <source>This document is too large to show in full.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the page could not be rendered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The secure web renderer could not be used (%1); the document is shown with the basic renderer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an embedded page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A link or redirect in the document was not followed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The image is damaged or incomplete and cannot be shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open attachment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back to the document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attachments:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Document details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attached image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This attachment is on another server (%1). Documents never fetch content from outside the record, so it is not shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This attachment's content was not delivered with the document.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export as PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This document cannot be shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>patient: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This PDF cannot be shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This PDF file is incomplete (it ends before its end marker): pages or parts of pages may be missing.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF, %n page</numerusform>
            <numerusform>PDF, %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>The image is too large to show (%1 × %2 pixels).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This image cannot be shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>image, %1 × %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This text is too large to show in full.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DICOM image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: this is a DICOM image; it is shown in the image view.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: this is a DICOM image; open it in the main window's image view.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::EmergencySummary</name>
    <message>
        <source>eGFR not shown: the result uses the adult equation, which does not apply under 18. Read the creatinine against the reference range reported with it.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::EmergencySummaryView</name>
    <message>
        <source>Emergency summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Full record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the full record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Leave the emergency summary and show the whole record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record completeness</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allergies and contraindications</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Current medications</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recent visits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Surgery and procedures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key laboratory values</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>date unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>facility unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>UNINFORMED</source>
        <comment>JP-CLINS: not yet told to the patient</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>redacted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>born %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>As of %1. Visits %2 days, dispensing %3 days, resolved problems %4 days, surgery %5 months.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The record is incomplete: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n item(s) withheld by the patient's disclosure settings</source>
        <translation>
            <numerusform>%n item withheld by the patient's disclosure settings</numerusform>
            <numerusform>%n items withheld by the patient's disclosure settings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not provided at the patient's request (UNDELIVERED)</source>
        <translation>
            <numerusform>%n item not provided at the patient's request (UNDELIVERED)</numerusform>
            <numerusform>%n items not provided at the patient's request (UNDELIVERED)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) marked UNINFORMED: not yet told to the patient — do not disclose to the patient or family without care.</source>
        <translation>
            <numerusform>%n item marked UNINFORMED: not yet told to the patient — do not disclose to the patient or family without care.</numerusform>
            <numerusform>%n items marked UNINFORMED: not yet told to the patient — do not disclose to the patient or family without care.</numerusform>
        </translation>
    </message>
    <message>
        <source>DRUG</source>
        <comment>drug allergy / contraindication</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HIGH RISK</source>
        <comment>allergy criticality</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>duplicate</source>
        <comment>duplicate therapy</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dispensed recently</source>
        <comment>medication no longer running</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>resolved %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>×%1 (since %2)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Last %n year(s)</source>
        <translation>
            <numerusform>Last %n year</numerusform>
            <numerusform>Last %n years</numerusform>
        </translation>
    </message>
    <message>
        <source>eGFR</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creatinine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>K</source>
        <comment>potassium</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hb</source>
        <comment>haemoglobin</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PLT</source>
        <comment>platelets</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Glucose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HbA1c</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(old)</source>
        <comment>lab value older than the look-back</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last check-up: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Infections and dialysis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown: no health record was loaded for this patient, only DICOM images.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n more withheld item(s) may include more allergies.</source>
        <translation>
            <numerusform>%n more withheld item may include more allergies.</numerusform>
            <numerusform>%n more withheld items may include more allergies.</numerusform>
        </translation>
    </message>
    <message>
        <source>period unknown</source>
        <comment>medication whose end cannot be known</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ingredient unknown — not checked</source>
        <comment>duplicate therapy</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>until %1</source>
        <comment>medication: last day of use</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Infection tests: not disclosed to this role.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dialysis: not disclosed to this role.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Dialysis: %n session(s) in the last %1 days, latest %2</source>
        <translation>
            <numerusform>Dialysis: %n session in the last %1 days, latest %2</numerusform>
            <numerusform>Dialysis: %n sessions in the last %1 days, latest %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not in the shared record: no medication running now or dispensed in the last %n day(s). This does not mean the patient takes none.</source>
        <translation>
            <numerusform>Not in the shared record: no medication running now or dispensed in the last %n day. This does not mean the patient takes none.</numerusform>
            <numerusform>Not in the shared record: no medication running now or dispensed in the last %n days. This does not mean the patient takes none.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in the shared record: no active problem (this does not mean there is none).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not in the shared record: no visit in this period (this does not mean there was none).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not in the shared record: no procedure or surgery in this period (this does not mean there was none).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not in the shared record: no key laboratory value (this does not mean none was measured).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last check-up: not in the shared record (this does not mean there was none).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Infection tests (syphilis, HBs antigen, HCV, HIV): not in the shared record (this does not mean none was done, nor that results were negative).</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Dialysis: not in the shared record for the last %n day(s) (this does not mean there was none).</source>
        <translation>
            <numerusform>Dialysis: not in the shared record for the last %n day (this does not mean there was none).</numerusform>
            <numerusform>Dialysis: not in the shared record for the last %n days (this does not mean there was none).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kakehashi::ImageCache</name>
    <message>
        <source>Cannot create the image cache folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encryption failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The study is not in the image cache.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cached study cannot be decrypted with this session's key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cached study is incomplete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A cached study could not be removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cached images could not be removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The image is no longer in memory.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A cached image is missing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A cached image cannot be decrypted (changed, or sealed under another key).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::ImagingPanel</name>
    <message>
        <source>Images status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No images open. Choose an imaging study in the record and open it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The image could not be shown: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Looking for the study's images…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This study's images are not available offline; the PACS back-end will fetch them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image retrieval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This study's images are not available offline, and no PACS is configured for it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retrieving the images…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retrieving the images: %1 of %2…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Retrieving the images: %n received…</source>
        <translation>
            <numerusform>Retrieving the images: %n received…</numerusform>
            <numerusform>Retrieving the images: %n received…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) from the encrypted local cache.</source>
        <translation>
            <numerusform>%n image from the encrypted local cache.</numerusform>
            <numerusform>%n images from the encrypted local cache.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) retrieved from the PACS.</source>
        <translation>
            <numerusform>%n image retrieved from the PACS.</numerusform>
            <numerusform>%n images retrieved from the PACS.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only part of the study arrived: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This study's images are not available offline, and no PACS is configured to fetch them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The retrieval was cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PACS did not answer in time. Try again later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PACS cannot be reached (connection refused, TLS certificate not accepted, or association rejected).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PACS does not have this study (not found).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PACS refused the request (HTTP %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PACS refused the request.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PACS sent an answer that could not be read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The images could not be written to this computer's temporary folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This PACS cannot deliver the study.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n image(s) read from local files.</source>
        <translation>
            <numerusform>%n image read from local files.</numerusform>
            <numerusform>%n images read from local files.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline copy of the images</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>These images are shown but not kept for offline use: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PACS's certificate has been revoked (the certificate status the server sent says so); the connection was refused.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PACS's certificate requires the server to send its current certificate status (OCSP must-staple), and the server sent none that could be used; the connection was refused.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::InfectionLabs</name>
    <message>
        <source>Syphilis (STS)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Syphilis (TP antibody)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HBs antigen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HCV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HIV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other infection test</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::LabTrendChart</name>
    <message>
        <source>Analyte</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Results of this test from every facility, grouped by JLAC code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lab trend chart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trend:</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 — %n result(s), %2 facilities</source>
        <translation>
            <numerusform>%1 — %n result, %2 facilities</numerusform>
            <numerusform>%1 — %n results, %2 facilities</numerusform>
        </translation>
    </message>
    <message>
        <source>No numeric lab results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference range</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Abnormal</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 · %n facility(ies)</source>
        <translation>
            <numerusform>%1 · %n facility</numerusform>
            <numerusform>%1 · %n facilities</numerusform>
        </translation>
    </message>
    <message>
        <source>Units differ between facilities; compare with care.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chart legend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From a document</source>
        <comment>a result read from inside a check-up document</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>○ read from the document(s): %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n result(s) of this test not plotted (no number); see the list.</source>
        <translation><numerusform>%n result of this test not plotted (no number); see the list.</numerusform><numerusform>%n results of this test not plotted (no number); see the list.</numerusform></translation>
    </message>
</context>
<context>
    <name>Kakehashi::LoadProblemsBanner</name>
    <message>
        <source>Details…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show load problems</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n problem(s) while loading; what is shown may be incomplete. First: %1</source>
        <translation>
            <numerusform>%n problem while loading; what is shown may be incomplete. First: %1</numerusform>
            <numerusform>%n problems while loading; what is shown may be incomplete. First: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problems while loading</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Some input could not be used as it is.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::LocalRecordSource</name>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: too large to open (%2 MB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: DICOM files are opened in the image view, not as records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the folder holds no FHIR JSON files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The demo data (kakehashi-demo.rcc) was not found next to the program. Build the project, or set KAKEHASHI_DEMO_RCC.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::LockOverlay</name>
    <message>
        <source>Locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock with your card…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::MainWindow</name>
    <message>
        <source>Kakehashi — shared health records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kakehashi — DEMO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>demo data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n patient(s), %1 resources</source>
        <translation>
            <numerusform>%n patient, %1 resources</numerusform>
            <numerusform>%n patients, %1 resources</numerusform>
        </translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find a patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The patient search failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n patient(s) found</source>
        <translation>
            <numerusform>%n patient found</numerusform>
            <numerusform>%n patients found</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the record from the sharing service…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emergency access: loading the record…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Showing cached data from %1; refreshing from the sharing service…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Purge cached records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cached records removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opening the local cache…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the DICOM image cannot be read (%2).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::MedicationPeriod</name>
    <message>
        <source>Current</source>
        <comment>medication in use at the reference time</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not started</source>
        <comment>medication whose period starts after the reference time</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ended</source>
        <comment>medication whose period ended before the reference time</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Period unknown</source>
        <comment>medication whose end cannot be known from the record</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped</source>
        <comment>medication status</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <comment>medication status</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entered in error</source>
        <comment>medication status</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On hold</source>
        <comment>medication status</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draft</source>
        <comment>medication status</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not taken</source>
        <comment>medication status</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not done</source>
        <comment>medication status</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Declined</source>
        <comment>medication status</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Intended</source>
        <comment>medication status</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Being prepared</source>
        <comment>medication status</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::MedicationSafety</name>
    <message>
        <source>Possible duplicate therapy: %1 prescribed by %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> and </source>
        <comment>list of facilities</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Possible duplicate therapy (%1): %2 prescribed by %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: ingredient unknown — not checked for duplicate therapy</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Net::ConnectionProfile</name>
    <message>
        <source>Trust anchor file %1 holds no certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The client certificate or key cannot be read.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Net::FhirError</name>
    <message>
        <source>The sharing service could not be reached.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service did not answer in time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The secure connection to the sharing service failed (certificate or card problem).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service rejected the request as invalid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service did not accept your credentials. Check the card and sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are not allowed to see this record (no consent, or your role does not permit it).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service does not have this record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This record has been removed from the sharing service.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service is busy (too many requests). Try again shortly.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service had an internal problem (HTTP %1). Try again later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service answered with an unexpected status (HTTP %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service sent data that could not be read (broken JSON).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service pointed to another server (%1) for the rest of the data; it was not followed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service offers no way to read a whole record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The service said: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service's certificate has been revoked (the certificate status the server sent says so); the connection was refused.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service's certificate requires the server to send its current certificate status (OCSP must-staple), and the server sent none that could be used; the connection was refused. Ask the service's operator.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::PatientListModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kana</source>
        <comment>katakana reading of the name</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::PatientListView</name>
    <message>
        <source>Patients</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by name, kana or ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient filter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient list</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::PatientRecordLoader</name>
    <message numerus="yes">
        <source>%n cached item(s) could not be read and were left out.</source>
        <translation>
            <numerusform>%n cached item could not be read and were left out.</numerusform>
            <numerusform>%n cached items could not be read and were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kakehashi::PatientView</name>
    <message>
        <source>Patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allergies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record completeness</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record items</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Item details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h2&gt;No patient selected&lt;/h2&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>born %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not delivered: shown as a placeholder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Also recorded as %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Records at %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This record is incomplete: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not yet told to the patient (UNINFORMED): do not disclose on patient-facing output.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source</source>
        <comment>facility an item came from</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All items</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open images</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Medication safety</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emergency summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allergies, current medications, problems, recent visits and surgery on one screen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Medical institution code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compare with prior</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::PdfDocumentPane</name>
    <message>
        <source>PDF document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next page ▶</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search in the PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy page text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> / %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>searching…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>match %1 of %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::PdfProbe</name>
    <message>
        <source>The PDF is encrypted (password-protected). The viewer does not open password-protected files; ask the sender for an unprotected copy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PDF uses a security scheme the viewer does not support.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PDF is damaged or incomplete (not a valid PDF file).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PDF is incomplete (its data ends early).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PDF could not be opened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PDF is too large to show (%1 MB; at most %2 MB).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PDF has no pages.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::PrintMenu</name>
    <message>
        <source>Emergency summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>all facilities in the record: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Print</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print document…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export document as PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print emergency summary…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export emergency summary as PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export emergency summary as PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print emergency summary</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::ProfileCheck</name>
    <message>
        <source>the date in "%1" cannot be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no medication is named</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JP-CLINS requires a YJ code or a general-name code for the drug; neither is present</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>general-name code %1 is not in the general-name prescription master</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JP-CLINS lab result has no local test code (JP_CLINS_ObsLabResult_LocalCode_CS)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>lab result has no JLAC10/JLAC11 code; it cannot be grouped with other facilities' results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the condition has no code or text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the observation has no code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a value or reference range is not a number; it is shown as written, not plotted or flagged</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::RecordAssembler</name>
    <message>
        <source>%1: not valid JSON (%2 at byte %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: not a FHIR resource (the JSON is not an object)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: not a FHIR resource (no resourceType)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: Bundle.entry is not a list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: Bundle entry %2 has no resource</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: Bundle entry %2 is not a FHIR resource (no resourceType)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: Bundles nested deeper than %2 levels were not read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: some items were withheld by the patient's disclosure settings (count not stated)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the service reported: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is referred to but was not delivered; its items are shown under a placeholder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient identified only by %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n clinical resource(s) name no patient and were not shown</source>
        <translation>
            <numerusform>%n clinical resource name no patient and were not shown</numerusform>
            <numerusform>%n clinical resources name no patient and were not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) withheld by the patient's disclosure settings</source>
        <translation>
            <numerusform>%n item withheld by the patient's disclosure settings</numerusform>
            <numerusform>%n items withheld by the patient's disclosure settings</numerusform>
        </translation>
    </message>
    <message>
        <source>insurance member ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>facility patient ID (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>identifier (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 and %2 share an identifier (%3) but differ in birth date or sex; they are shown as two people. Check the patient's identity.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 and %2 have the same %3 and are shown as one person.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::RecordCache</name>
    <message>
        <source>The local cache cannot be opened: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The local cache was written by a newer version of Kakehashi.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The local cache could not be upgraded: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The local cache cannot be written: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The local cache cannot be written: encryption failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The local cache cannot be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not an SQLite connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the cache file is in use by another program (another Kakehashi window?); close it and purge again</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::RecordItemModel</name>
    <message>
        <source>%1 (%2)</source>
        <comment>category name (item count)</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[Not told to patient] %1</source>
        <comment>JP-CLINS UNINFORMED flag</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[Redacted] %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This diagnosis has not yet been told to the patient. Do not show it on patient-facing output.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source</source>
        <comment>facility an item came from</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::RolePolicy</name>
    <message>
        <source>Pharmacy view: disease names and medications only</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Screenshot</name>
    <message>
        <source>the window could not be rendered</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::ServiceBanners</name>
    <message>
        <source>Emergency access</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sharing-service status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline: showing cached data from %1. It is read-only and may be out of date. %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The record is incomplete: the sharing service failed part-way. Showing what arrived and what was cached before. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient %1 is not in the local cache, and the sharing service cannot be reached: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No consent: the patient has not agreed to share this record with you. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The record could not be loaded: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In an emergency, use Service › Emergency access.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>EMERGENCY ACCESS (break the glass): this record was opened without the patient's consent at %1. Reason: %2. The access is recorded in the patient's access history.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::ServiceMenu</name>
    <message>
        <source>&amp;Service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emergency access…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read the record without the patient's consent, stating why (break the glass).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Access history…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The records you opened on this workstation, and whether the log is intact.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Purge cached records…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emergency access</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why do you need this record without the patient's consent?
The reason is sent to the sharing service and recorded in the access history.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emergency access needs a reason.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Purge cached records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove every record cached on this computer? Patients will have to be loaded from the sharing service again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removing the cached records…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection saved. It is used the next time you connect.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::ServicePanel</name>
    <message>
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kanji or katakana, e.g. ヤマダ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any</source>
        <comment>gender</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other</source>
        <comment>gender</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown</source>
        <comment>gender</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>insurer:symbol:number:branch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Insurance member ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>10-digit institution code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Medical institution code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Facility patient ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Institution code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The birth date must be written as YYYY-MM-DD.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A facility patient ID needs the 10-digit institution code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter at least one search field.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n patient(s) found.</source>
        <translation>
            <numerusform>%n patient found.</numerusform>
            <numerusform>%n patients found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kakehashi::Session::CacheMaintenance</name>
    <message>
        <source>There is no local cache.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cached records could not be removed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Session::CardSession</name>
    <message>
        <source>Loading the card reader software…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading the card…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking the PIN on the card…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preparing the card's key for the secure connection…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card is signing to unlock the local cache…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Logging the card out…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection "%1" names no trust anchor for the sharing service; the card is presented only to a service verified against the connection's own CAs.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Session::RecordController</name>
    <message>
        <source>"%1" is not a usable sharing-service address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Already connected to a sharing service.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in with your HPKI card to use %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(no card)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Session::SignInFailure</name>
    <message>
        <source>Few PIN attempts remain before the card locks.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One PIN attempt remains: a wrong PIN will lock the card.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No PIN attempts remain: the card is locked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card does not say how many attempts remain before it locks.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That card belongs to someone else. Unlock with the card that started this session, or quit and sign in again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::Session::StudyRetrieval</name>
    <message>
        <source>the image cache could not be written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1 was not fetched: the study was closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1 is not in the image cache, and no PACS is set for this study.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1 cannot be shown: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1: the PACS did not answer in time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1: the PACS cannot be reached (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1 is not on the PACS (HTTP 404).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PACS refused frame %1 (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1: the PACS answer cannot be read (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1: this PACS does not send single frames.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1 could not be fetched (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1 does not exist (the image has %2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1 is not in the image cache and the study is closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1: the PACS's certificate has been revoked; the connection was refused.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frame %1: the PACS sent no usable certificate status although its certificate requires one; the connection was refused.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::SessionBar</name>
    <message>
        <source>Session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Kakehashi&lt;/b&gt; 架け橋</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference date</source>
        <comment>the moment the record is read as of</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role preview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Display time zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Times in %1</source>
        <comment>the display time zone</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every time is shown in %1, not in Japan time (setting display/timeZone or --time-zone).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed-in user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pharmacy view</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>user name (role)</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>user (role) — organisation</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo data seen as this user would see it after signing in with an HPKI card. Nothing here comes from a card.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DEMO — as of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fictional patients. The demo reads as of %1: what is current is current on that date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>As of %1</source>
        <comment>the record is read as of this date and time</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What is current (medications in use, recent encounters, ages, the timeline's today line) is reckoned at %1, not at the computer's clock.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DEMO — not real patients</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::SharingServiceSource</name>
    <message>
        <source>The sharing service returned patient %1 but no records at all (no diseases, medications, results or visits). This is not the same as "nothing recorded": the service or the search may have failed. Ask the service or check another way.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>This person has more than %n linked patient records; only the first %n were fetched.</source>
        <translation>
            <numerusform>This person has more than %n linked patient records; only the first %n were fetched.</numerusform>
            <numerusform>This person has more than %n linked patient records; only the first %n were fetched.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 points into a Bundle that did not contain it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a reference the viewer can follow.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is on another server (%2); only the sharing service itself is asked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sharing service did not return %1 when asked for it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 was not fetched: references nested too deeply.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asking the sharing service for %1 failed: %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n facility reference(s) could not be resolved; those items are shown as "%1" with the reason in their details.</source>
        <translation>
            <numerusform>%n facility reference could not be resolved; those items are shown as "%1" with the reason in their details.</numerusform>
            <numerusform>%n facility references could not be resolved; those items are shown as "%1" with the reason in their details.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kakehashi::SignInDialog</name>
    <message>
        <source>Few PIN attempts remain before the card locks.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last attempt: a wrong PIN locks the card.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PIN is locked. Ask the card issuer to unlock it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in with HPKI card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh</source>
        <comment>list of cards</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificate:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PIN:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>card label (card model)</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Insert your HPKI card.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This card holds no authentication certificate (only a signing certificate or none).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>kanji name (romaji name)</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role: %1</source>
        <comment>HPKI role</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid: %1 – %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card is working</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::TimelinePane</name>
    <message>
        <source>Categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Facilities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show facilities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>any</source>
        <comment>no date limit</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search the record…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search the record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom to the whole record (Home)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Withheld items</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>to</source>
        <comment>date range</comment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n item(s) withheld by the patient's disclosure settings</source>
        <translation>
            <numerusform>%n item withheld by the patient's disclosure settings</numerusform>
            <numerusform>%n items withheld by the patient's disclosure settings</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing withheld</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Kakehashi::TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient history over time by category. Left and right arrows pan, plus and minus zoom, Home shows everything, Ctrl+arrows move between items, Enter opens the selected item.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No items to show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No items match the filters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not yet told to the patient (UNINFORMED)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n item(s) between %1 and %2. Zoom in to see them.</source>
        <translation>
            <numerusform>%n item between %1 and %2. Zoom in to see them.</numerusform>
            <numerusform>%n items between %1 and %2. Zoom in to see them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Source</source>
        <comment>facility an item came from</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undated</source>
        <comment>items without a date</comment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n item(s) without a date</source>
        <translation>
            <numerusform>%n item without a date</numerusform>
            <numerusform>%n items without a date</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevocationResult</name>
    <message>
        <source>The card's certificate has not been checked for revocation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card's certificate is not revoked (certificate revocation list of %1, kept on this workstation; the certification authority could not be reached).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card's certificate is not revoked (certificate revocation list of %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card's certificate has been revoked by its certification authority (since %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card's certificate has been revoked by its certification authority.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate revocation list (CRL) of the card's certification authority could not be obtained, so it is not known whether the card's certificate has been revoked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate revocation list (CRL) at hand expired on %1 and no newer one could be obtained, so it is not known whether the card's certificate has been revoked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate revocation list (CRL) obtained is not signed by the card's certification authority; it cannot be trusted to say whether the card's certificate has been revoked.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No patient with id %1 was loaded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo Doctor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Medical Doctor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kakehashi Demo Hospital</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is neither a saved connection nor a service URL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This patient's record lists no imaging study.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 needs a card sign-in, which --screenshot cannot do.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card trust anchor file %1 holds no certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No documents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This patient's record lists no document that can be opened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No display was found. Run Kakehashi on a desktop, or use --screenshot FILE or --summary, or set QT_QPA_PLATFORM=offscreen.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo Pharmacist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pharmacist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kakehashi Demo Pharmacy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview: what a pharmacist sees (no card)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo Emergency Physician</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kakehashi Demo Hospital (ER)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview: what emergency staff see (no card)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview: what a doctor sees (no card)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This patient's record has no document %1 that can be opened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No such document</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
