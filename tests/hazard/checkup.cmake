# Check-up results read from documents (特定健診 CDA, FHIR eCheckup): in the lab list, trend, timeline
# and emergency summary marked with their document; a result also shared as an Observation shown
# once; a result without a value never shown as a number.
kakehashi_add_test(tst_hazard_checkup_results SOURCES checkup/tst_hazard_checkup_results.cpp LIBS kakehashi_viewer
    LABELS "gui;hazard" ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
