# Read at a glance (issue 15): badges, labels, undated strip, facility colours, lab chart, dates in the
# interface language, role previews, 1366×768 and HiDPI — checked on what is drawn.
kakehashi_add_test(tst_glance SOURCES tst_glance.cpp LIBS kakehashi_app Qt6::Charts LABELS gui)
add_dependencies(tst_glance kakehashi)
