# Documents as they arrive: PDF (QtPdf), CDA, images and text in the locked-down document view.
kakehashi_add_test(tst_documentformats SOURCES tst_documentformats.cpp LIBS kakehashi_documentview Qt6::Network LABELS gui)
target_include_directories(tst_documentformats PRIVATE "${PROJECT_SOURCE_DIR}/tests")
