# Documents as they arrive: PDF (QtPdf), CDA, images and text in the locked-down document view.
kakehashi_add_test(tst_documentformats SOURCES tst_documentformats.cpp LIBS kakehashi_documentview Qt6::Network LABELS gui)
add_dependencies(tst_documentformats kakehashi)
target_include_directories(tst_documentformats PRIVATE "${PROJECT_SOURCE_DIR}/tests")
# PDF search: the matches highlighted on the page and scrolled to (PdfDocumentPane alone).
kakehashi_add_test(tst_pdfsearchhighlight SOURCES tst_pdfsearchhighlight.cpp LIBS kakehashi_documentview LABELS gui)
target_include_directories(tst_pdfsearchhighlight PRIVATE "${PROJECT_SOURCE_DIR}/tests")
# Writes tests/data/documents/referral-letter-ja.pdf (committed; rerun only to change it).
add_executable(make_document_samples EXCLUDE_FROM_ALL "${PROJECT_SOURCE_DIR}/tests/make_document_samples.cpp")
target_include_directories(make_document_samples PRIVATE "${PROJECT_SOURCE_DIR}/tests")
target_link_libraries(make_document_samples PRIVATE Qt6::Gui kakehashi_options)
# A DICOM key image attached to a JP-CLINS referral opens in the image view (from memory).
kakehashi_add_test(tst_document_dicom SOURCES tst_document_dicom.cpp LIBS kakehashi_app DCMTK::dcmdata LABELS gui)
