# Clinical truth (issue 9, items 1, 6, 7, 8, 9): allergy/contraindication absence states, one withheld
# count and the REDACTED mark, the emergency-access banner, children's labs, infections and dialysis.
# Fixtures: tests/data/hazard/clinical_status/.
kakehashi_add_test(tst_hazard_clinicalstatus SOURCES clinical_status/tst_hazard_clinicalstatus.cpp
    LIBS kakehashi_record Qt6::Widgets LABELS "unit;hazard" ENVIRONMENT "TZ=UTC")
add_dependencies(tst_hazard_clinicalstatus kakehashi)
kakehashi_add_test(tst_hazard_clinicalviews SOURCES clinical_status/tst_hazard_clinicalviews.cpp
    LIBS kakehashi_viewer LABELS "gui;hazard" ENVIRONMENT "TZ=UTC")
# Against the Node test sharing service (loopback, started and stopped by the test).
kakehashi_add_test(tst_hazard_serviceviews
    SOURCES clinical_status/tst_hazard_serviceviews.cpp ${PROJECT_SOURCE_DIR}/tests/fixtures/SharingServiceFixture.cpp
            ${PROJECT_SOURCE_DIR}/tests/fixtures/SharingServiceFixture.h
    LIBS kakehashi_app Qt6::Network LABELS "gui;hazard;integration" ENVIRONMENT "TZ=UTC")
target_include_directories(tst_hazard_serviceviews PRIVATE ${PROJECT_SOURCE_DIR}/tests/fixtures)
add_dependencies(tst_hazard_serviceviews kakehashi)
set_tests_properties(tst_hazard_serviceviews PROPERTIES RESOURCE_LOCK sharing_service FIXTURES_REQUIRED sharing_service_npm)
