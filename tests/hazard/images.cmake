# Patients known only from DICOM files read as "nothing known", never as "no allergies, no medications".
kakehashi_add_test(tst_hazard_imagesonly SOURCES images/tst_hazard_imagesonly.cpp LIBS kakehashi_app LABELS "gui;hazard")
