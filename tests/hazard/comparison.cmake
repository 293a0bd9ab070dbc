# A prior of another patient or date is never taken for the current study; a key object selection
# naming images that are not open says so.
kakehashi_add_test(tst_hazard_comparison SOURCES images/tst_hazard_comparison.cpp
    LIBS kakehashi_imageview kakehashi_dicom DCMTK::dcmdata Qt6::Widgets LABELS "gui;hazard")
kakehashi_add_test(tst_hazard_keyimages SOURCES images/tst_hazard_keyimages.cpp
    LIBS kakehashi_imageview kakehashi_dicom DCMTK::dcmdata Qt6::Widgets LABELS "gui;hazard")
