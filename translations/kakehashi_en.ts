<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
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
        <translation><numerusform>%n series</numerusform><numerusform>%n series</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation><numerusform>%n image</numerusform><numerusform>%n images</numerusform></translation>
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
        <source>Open local FHIR JSON files or folders (repeatable).</source>
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
        <source>Connecting to a sharing service is not available in this build yet; use --demo or --open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--screenshot needs something to show: --demo or --open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--summary needs something to load: --demo or --open.</source>
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
        <translation><numerusform>%n year</numerusform><numerusform>%n years</numerusform></translation>
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
        <source>Current</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Past</source>
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
    <name>Kakehashi::MainWindow</name>
    <message>
        <source>Kakehashi — shared health records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Kakehashi&lt;/b&gt; 架け橋</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DEMO — not real patients</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed-in user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show load problems</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2) — %3</source>
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
        <source>%n problem(s) while loading; what is shown may be incomplete. First: %1</source>
        <translation><numerusform>%n problem while loading; what is shown may be incomplete. First: %1</numerusform><numerusform>%n problems while loading; what is shown may be incomplete. First: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s), %1 resources</source>
        <translation><numerusform>%n patient, %1 resources</numerusform><numerusform>%n patients, %1 resources</numerusform></translation>
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
        <source>Allergies: none recorded in the shared record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allergies: %1</source>
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
        <translation><numerusform>%n clinical resource name no patient and were not shown</numerusform><numerusform>%n clinical resources name no patient and were not shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) withheld by the patient's disclosure settings</source>
        <translation><numerusform>%n item withheld by the patient's disclosure settings</numerusform><numerusform>%n items withheld by the patient's disclosure settings</numerusform></translation>
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
    <name>Kakehashi::Screenshot</name>
    <message>
        <source>the window could not be rendered</source>
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
</context>
</TS>
