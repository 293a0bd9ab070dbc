# Medications: what is current at the reference time (MedicationPeriod) and duplicate therapy by
# ingredient across YJ, HOT and general-name codes (MedicationSafety, DrugMaster).
kakehashi_add_test(tst_hazard_medications SOURCES medications/tst_hazard_medications.cpp
    LIBS kakehashi_record Qt6::Widgets LABELS "unit;hazard" ENVIRONMENT "TZ=UTC")
kakehashi_add_test(tst_hazard_medications_view SOURCES medications/tst_hazard_medications_view.cpp
    LIBS kakehashi_viewer Qt6::Widgets LABELS "gui;hazard" ENVIRONMENT "TZ=UTC")
