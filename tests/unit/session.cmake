# Card session, role-driven view and medication-safety banner. Included from tests/unit/CMakeLists.txt.
kakehashi_add_test(tst_rolepolicy
    SOURCES tst_rolepolicy.cpp
    LIBS kakehashi_record Qt6::Widgets
    LABELS unit)

kakehashi_add_test(tst_medicationbanner
    SOURCES tst_medicationbanner.cpp
    LIBS kakehashi_viewer Qt6::Widgets
    LABELS gui)

# Needs softhsm2, opensc, nginx-light, libengine-pkcs11-openssl and node; skips without them.
kakehashi_add_test(tst_sessionwindow
    SOURCES ../integration/tst_sessionwindow.cpp ../fixtures/SharingServiceFixture.cpp ../fixtures/SharingServiceFixture.h
    LIBS kakehashi_app Qt6::Network
    LABELS gui integration)
target_include_directories(tst_sessionwindow PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../fixtures)
set_tests_properties(tst_sessionwindow PROPERTIES RESOURCE_LOCK "hpki;sharing_service" TIMEOUT 300)
if(TEST sharing_service_install)
    set_tests_properties(tst_sessionwindow PROPERTIES FIXTURES_REQUIRED sharing_service_npm)
endif()

# The card session controller over SoftHSM2 (session/). Skips without softhsm2, opensc or the engine.
kakehashi_add_test(tst_cardsession
    SOURCES tst_cardsession.cpp
    LIBS kakehashi_session Qt6::Widgets
    LABELS integration)
set_tests_properties(tst_cardsession PROPERTIES RESOURCE_LOCK hpki TIMEOUT 180)
