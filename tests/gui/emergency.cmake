# The emergency summary view on the demo patients, and `kakehashi --view emergency --screenshot`.
kakehashi_add_test(tst_emergencyview SOURCES tst_emergencyview.cpp LIBS kakehashi_viewer LABELS gui)
add_dependencies(tst_emergencyview kakehashi)
