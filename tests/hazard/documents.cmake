# Documents: results read from a CDA check-up say which document they came from and join the same
# analyte's trend; a document the viewer cannot show is never listed as showable.
kakehashi_add_test(tst_hazard_documents SOURCES documents/tst_hazard_documents.cpp LIBS kakehashi_documentview
    LABELS "unit;hazard" ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
