# Lab values as written: a value or reference bound that is not a JSON number is shown as written in
# every view, never as another number, never plotted or flagged, and the trend says it is not plotted.
kakehashi_add_test(tst_hazard_labvalues SOURCES labs/tst_hazard_labvalues.cpp LIBS kakehashi_viewer
    LABELS "gui;hazard" ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
