# HPKI sign-in tests (net/hpki). Included from tests/unit/CMakeLists.txt.
kakehashi_add_test(tst_hpkicertificate
    SOURCES tst_hpkicertificate.cpp
    LIBS kakehashi_net
    LABELS unit)

# Needs softhsm2, opensc (pkcs11-tool), nginx-light, libengine-pkcs11-openssl; skips without them.
find_path(HPKI_TEST_P11KIT_INCLUDE_DIR p11-kit/pkcs11.h PATH_SUFFIXES p11-kit-1)
kakehashi_add_test(tst_hpkicard
    SOURCES tst_hpkicard.cpp
    LIBS kakehashi_net Qt6::Network OpenSSL::Crypto ${CMAKE_DL_LIBS}
    LABELS integration)
target_include_directories(tst_hpkicard PRIVATE ${HPKI_TEST_P11KIT_INCLUDE_DIR})
set_tests_properties(tst_hpkicard PROPERTIES RESOURCE_LOCK hpki TIMEOUT 180)

kakehashi_add_test(tst_signindialog
    SOURCES tst_signindialog.cpp
    LIBS kakehashi_signin kakehashi_viewer kakehashi_net Qt6::Widgets
    LABELS gui)
set_tests_properties(tst_signindialog PROPERTIES RESOURCE_LOCK hpki TIMEOUT 120)
