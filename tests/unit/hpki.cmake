# HPKI sign-in tests (net/hpki). Included from tests/unit/CMakeLists.txt.
kakehashi_add_test(tst_hpkicertificate
    SOURCES tst_hpkicertificate.cpp
    LIBS kakehashi_net
    LABELS unit)
